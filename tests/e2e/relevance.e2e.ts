import type { Page, Route } from 'playwright-core';
import { apiEntry, listingPage, paperPage, type FixturePaper } from '../fixtures/hf/markup';
import { topicPapers, unrelatedPapers } from '../fixtures/relevance-papers';
import { CardControls } from './card-controls';
import { launchExtension, sendFromPage, type LoadedExtension } from './extension';
import { routeHuggingFace } from './routes';

/**
 * A reader of two topics (astrophysics, quantum physics: real arXiv papers) saves and tags about 30
 * papers; PaperShelf learns from them in the background and shows what it learned everywhere.
 */
const all = topicPapers();
const astro = all.filter((p) => p.topic === 'astro');
const quantum = all.filter((p) => p.topic === 'quantum');
// Papers on neither topic (mathematics) stand for what the reader does not follow.
const unrelated = unrelatedPapers().slice(0, 50).map((p, i) => fixture(p, i));

function fixture(p: { id: string; title: string; summary: string }, i = 0): FixturePaper {
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    authors: [`Author ${i}`, 'A. Researcher'],
    publishedAt: '2026-11-20',
    dateShownWithYear: true,
    comments: 0,
    upvotes: 10 + i,
    submittedBy: 'reader',
  };
}

const library = [...astro.slice(0, 15), ...quantum.slice(0, 15)];
const listing = [...astro.slice(20, 30).map((p, i) => fixture(p, i)), ...quantum.slice(20, 25).map((p, i) => fixture(p, i)), ...unrelated.slice(0, 5)];
const relatedPage = fixture(astro[31]!);

let ext: LoadedExtension;
let trendingAnswer: FixturePaper[] = [];

beforeAll(async () => {
  ext = await launchExtension();
  await routeHuggingFace(ext.context, {
    '/papers/week/2026-W47': () => listingPage({ kind: 'week', papers: listing }),
    [`/papers/${relatedPage.id}`]: () => paperPage(relatedPage),
  });
  await ext.context.route('https://huggingface.co/api/daily_papers**', (route: Route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(trendingAnswer.map(apiEntry)) }),
  );
  const popup = await ext.openPage('popup.html');
  for (const p of library) {
    await sendFromPage(popup, { type: 'savePapers', papers: [{ id: p.id, title: p.title, summary: p.summary }], tags: [p.topic] });
  }
  // The background trains a few seconds after the last change.
  const probe = astro[20]!;
  const until = Date.now() + 30_000;
  const learned = () => sendFromPage<{ learned: boolean }>(popup, { type: 'rankForYou', papers: [{ id: probe.id, title: probe.title, summary: probe.summary }] });
  while (!(await learned()).learned) {
    if (Date.now() > until) throw new Error('PaperShelf did not learn from the library within 30 s');
    await popup.waitForTimeout(300);
  }
  await popup.close();
}, 90_000);

afterAll(async () => {
  await ext?.close();
});

const badge = () => ext.worker.evaluate(() => (chrome as unknown as { action: { getBadgeText(d: object): Promise<string> } }).action.getBadgeText({}));

async function openListing(): Promise<{ page: Page; controls: CardControls }> {
  const page = await ext.context.newPage();
  await page.goto('https://huggingface.co/papers/week/2026-W47');
  await page.waitForSelector('[data-papershelf-id]', { state: 'attached' });
  return { page, controls: await CardControls.of(page) };
}

describe('PaperShelf learns the reader\'s topics', () => {
  it("suggests the right topic's tag first when a paper of that topic is saved from its card", async () => {
    const { page, controls } = await openListing();
    for (const paper of [listing[0]!, listing[10]!]) {
      await controls.scrollTo(paper.id);
      await controls.click({ card: paper.id, role: 'button', name: /Save/ });
      const want = paper === listing[0] ? 'astro' : 'quantum';
      await expect.poll(() => controls.names({ card: paper.id, role: 'button', name: /^Add suggested tag/ })).toContain(`Add suggested tag ${want}`);
      expect((await controls.names({ card: paper.id, role: 'button', name: /^Add suggested tag/ }))[0]).toBe(`Add suggested tag ${want}`);
      // Nothing was added without a click; one click adds it.
      expect(await controls.count({ card: paper.id, role: 'button', name: /^Remove tag/ })).toBe(0);
      await controls.click({ card: paper.id, role: 'button', name: `Add suggested tag ${want}` });
      await expect.poll(() => controls.names({ card: paper.id, role: 'button', name: /^Remove tag/ })).toEqual([`Remove tag ${want}`]);
    }
    await page.close();
  });

  it('marks at most a fifth of the page "For you", and never a paper on neither topic', async () => {
    const { page, controls } = await openListing();
    await expect.poll(() => controls.count({ role: 'note', name: /^For you: / }), { timeout: 15_000 }).toBeGreaterThan(0);
    const marked = await controls.find({ role: 'note', name: /^For you: / });
    expect(marked.length).toBeLessThanOrEqual(Math.floor(listing.length / 5));
    expect(marked.every((m) => /^For you: (like your #(astro|quantum) papers|about .+)$/.test(m.name))).toBe(true);
    for (const paper of unrelated.slice(0, 5)) expect(await controls.count({ card: paper.id, role: 'note', name: /^For you/ })).toBe(0);
    await page.close();
  });

  it("orders the New view by what the reader follows, counts only papers like the library on the badge, and Not interested lowers the count", async () => {
    const popup = await ext.openPage('popup.html');
    // The trending list as the reader last looked at it: papers on neither topic, seen and passed over.
    trendingAnswer = unrelated.slice(10, 50);
    await sendFromPage(popup, { type: 'checkTrending' });
    const fresh = [...unrelated.slice(0, 5), ...astro.slice(40, 45).map((p, i) => fixture(p, i))];
    trendingAnswer = [...trendingAnswer, ...fresh];
    await sendFromPage(popup, { type: 'checkTrending' });
    const astroIds = new Set(astro.map((p) => p.id));
    const byTitle = new Map([...astro, ...unrelated].map((p) => [p.title, p.id]));
    const listed = async () => (await popup.getByRole('list', { name: 'New papers' }).getByRole('link').allTextContents()).map((t) => byTitle.get(t)!);

    await popup.getByRole('tab', { name: 'New' }).click();
    await expect.poll(() => popup.getByRole('combobox', { name: 'Order' }).inputValue()).toBe('for-you');
    await expect.poll(() => popup.getByText(/The badge now counts only new papers like the ones in your library/).count()).toBe(1);
    // Thirty saved papers: the badge counts the new papers like the library (once the background has
    // learned from the papers passed over), which the New view lists.
    await expect
      .poll(async () => {
        const ids = await listed();
        return ids.length >= 4 && ids.every((id) => astroIds.has(id)) && Number(await badge()) === ids.length;
      }, { timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => popup.getByText(/^For you: /).count()).toBeGreaterThan(0);

    // Every new paper, in the For you order: the reader's topic first.
    await popup.getByRole('combobox', { name: 'Order' }).selectOption('for-you');
    const options = await ext.openPage('options.html');
    await options.getByRole('radio', { name: 'every new paper' }).check();
    await options.getByRole('button', { name: 'Save trending settings' }).click();
    await expect.poll(async () => Number(await badge())).toBe(fresh.length);
    await expect.poll(() => popup.getByRole('list', { name: 'New papers' }).getByRole('link').count()).toBe(fresh.length);
    const ordered = await listed();
    const firstUnrelated = ordered.findIndex((id) => !astroIds.has(id));
    expect(ordered.slice(firstUnrelated).every((id) => !astroIds.has(id))).toBe(true);
    expect(firstUnrelated).toBeGreaterThanOrEqual(4);

    // Not interested: the paper stops counting at once and at the next check.
    const first = popup.getByRole('list', { name: 'New papers' }).getByRole('listitem').first();
    await first.getByRole('button', { name: /^Not interested/ }).click();
    await expect.poll(async () => Number(await badge())).toBe(fresh.length - 1);
    await sendFromPage(popup, { type: 'checkTrending' });
    expect(Number(await badge())).toBe(fresh.length - 1);
    await options.close();
    await popup.close();
  });

  it("lists related saved papers on a paper's own page", async () => {
    const page = await ext.context.newPage();
    await page.goto(`https://huggingface.co/papers/${relatedPage.id}`);
    const controls = await CardControls.of(page);
    await expect.poll(() => controls.count({ role: 'navigation', name: 'Related in your library' }), { timeout: 15_000 }).toBe(1);
    const links = await controls.find({ role: 'link' });
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(5);
    const savedTitles = new Set(library.map((p) => p.title));
    expect(links.every((l) => savedTitles.has(l.name))).toBe(true);
    await page.close();
  });
});
