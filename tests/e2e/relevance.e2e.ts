import { apiEntry, listingPage, paperPage, type FixturePaper } from '../fixtures/hf/markup';
import { topicPapers, unrelatedPapers } from '../fixtures/relevance-papers';
import { BROWSER, fixtureSite, json, launchExtension, sleep, type Extension, type Tab } from './harness';

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
/** Learning runs in the background a few seconds after the last change; a busy machine's Firefox takes longer. */
const LEARNING_MS = 60_000;

let ext: Extension;
let trendingAnswer: FixturePaper[] = [];

beforeAll(async () => {
  ext = await launchExtension();
  ext.serve(
    fixtureSite({
      '/papers/week/2026-W47': () => listingPage({ kind: 'week', papers: listing }),
      [`/papers/${relatedPage.id}`]: () => paperPage(relatedPage),
      '/api/daily_papers': () => json(trendingAnswer.map(apiEntry)),
    }),
  );
  for (const p of library) {
    await ext.send({ type: 'savePapers', papers: [{ id: p.id, title: p.title, summary: p.summary }], tags: [p.topic] });
  }
  // The background trains a few seconds after the last change.
  const probe = astro[20]!;
  const until = Date.now() + LEARNING_MS;
  const learned = () => ext.send<{ learned: boolean }>({ type: 'rankForYou', papers: [{ id: probe.id, title: probe.title, summary: probe.summary }] });
  while (!(await learned()).learned) {
    if (Date.now() > until) throw new Error(`PaperShelf did not learn from the library within ${LEARNING_MS / 1000} s`);
    await sleep(300);
  }
}, LEARNING_MS + 60_000);

afterAll(async () => {
  await ext?.close();
});

const badge = async () => Number(await ext.badge());

function openListing(): Promise<Tab> {
  return ext.openTab('https://huggingface.co/papers/week/2026-W47', { waitFor: '[data-papershelf-id]' });
}

/** Elements of an extension page whose text matches `pattern` (the innermost ones), as a reader finds text. */
const textCount = (tab: Tab, pattern: RegExp) =>
  tab.evaluate(
    ({ source, flags }) => {
      const re = new RegExp(source, flags);
      const matches = (e: Element) => re.test((e.textContent ?? '').replace(/\s+/g, ' ').trim());
      return [...document.body.querySelectorAll('*')].filter((e) => matches(e) && ![...e.children].some(matches)).length;
    },
    { source: pattern.source, flags: pattern.flags },
  );

describe(`PaperShelf learns the reader's topics, in ${BROWSER}`, () => {
  it("suggests the right topic's tag first when a paper of that topic is saved from its card", async () => {
    const page = await openListing();
    for (const paper of [listing[0]!, listing[10]!]) {
      await page.scrollToCard(paper.id);
      await page.click({ card: paper.id, role: 'button', name: /Save/ });
      const want = paper === listing[0] ? 'astro' : 'quantum';
      const suggested = { card: paper.id, role: 'button', name: /^Add suggested tag/ };
      await expect.poll(() => page.names(suggested)).toContain(`Add suggested tag ${want}`);
      expect((await page.names(suggested))[0]).toBe(`Add suggested tag ${want}`);
      // Nothing was added without a click; one click adds it.
      expect(await page.count({ card: paper.id, role: 'button', name: /^Remove tag/ })).toBe(0);
      await page.click({ card: paper.id, role: 'button', name: `Add suggested tag ${want}` });
      await expect.poll(() => page.names({ card: paper.id, role: 'button', name: /^Remove tag/ })).toEqual([`Remove tag ${want}`]);
    }
    await page.close();
  });

  it('marks at most a fifth of the page "For you", and never a paper on neither topic', async () => {
    const page = await openListing();
    // The notes in the card bars (every bar is a group named "PaperShelf: <id>").
    const forYou = { role: 'note', name: /^For you: /, within: { role: 'group', name: /^PaperShelf: / } };
    // Bars are built as their cards come near the screen: the reader skims the whole list first.
    await expect
      .poll(async () => (await page.scrollThrough(), page.count({ role: 'group', name: /^PaperShelf: / })), { timeout: 30_000 })
      .toBe(listing.length);
    await expect.poll(() => page.count(forYou), { timeout: 30_000 }).toBeGreaterThan(0);
    const marked = await page.find(forYou);
    expect(marked.length).toBeLessThanOrEqual(Math.floor(listing.length / 5));
    expect(marked.every((m) => /^For you: (like your #(astro|quantum) papers|about .+)$/.test(m.name))).toBe(true);
    for (const paper of unrelated.slice(0, 5)) {
      await page.one({ card: paper.id, role: 'button', name: /Save/ });
      expect(await page.count({ card: paper.id, role: 'note', name: /^For you/ })).toBe(0);
    }
    await page.close();
  });

  it(
    'orders the New view by what the reader follows, counts only papers like the library on the badge, and Not interested lowers the count',
    { timeout: 240_000 },
    async () => {
      const popup = await ext.openPage('popup.html');
      // The trending list as the reader last looked at it: papers on neither topic, seen and passed over.
      trendingAnswer = unrelated.slice(10, 50);
      await ext.send({ type: 'checkTrending' });
      const fresh = [...unrelated.slice(0, 5), ...astro.slice(40, 45).map((p, i) => fixture(p, i))];
      trendingAnswer = [...trendingAnswer, ...fresh];
      await ext.send({ type: 'checkTrending' });
      const astroIds = new Set(astro.map((p) => p.id));
      const byTitle = new Map([...astro, ...unrelated].map((p) => [p.title, p.id]));
      const newPapers = { role: 'list', name: 'New papers' };
      const listed = async () => (await popup.names({ role: 'link', within: newPapers })).map((t) => byTitle.get(t)!);
      const order = { role: 'combobox', name: 'Order' };
      /** The row of the list that has the keyboard focus: its title, and where it is as a screen reader says it ("3 of 10"). */
      const focusedRow = () =>
        popup.evaluate(() => {
          const row = document.activeElement;
          if (row?.tagName !== 'LI' || row.closest('ul')?.getAttribute('aria-label') !== 'New papers') return null;
          return { title: row.querySelector('a')?.textContent ?? '', position: Number(row.getAttribute('aria-posinset')), size: Number(row.getAttribute('aria-setsize')) };
        });
      /**
       * Every paper of the list, top to bottom, read as a keyboard user reads it: Home, then the down
       * arrow row by row to the last (the list renders only the rows near its visible part, and how
       * many that is depends on the browser's fonts). The focus must be on a row.
       */
      const everyListed = async () => {
        await popup.press('Home');
        await expect.poll(async () => (await focusedRow())?.position).toBe(1);
        const titles: string[] = [];
        for (;;) {
          const row = (await focusedRow())!;
          titles.push(row.title);
          if (row.position >= row.size) return titles.map((t) => byTitle.get(t)!);
          await popup.press('ArrowDown');
          await expect.poll(async () => (await focusedRow())?.position).toBe(row.position + 1);
        }
      };

      await popup.click({ role: 'tab', name: 'New' });
      await expect.poll(async () => (await popup.one(order)).value).toBe('For you');
      await expect.poll(() => textCount(popup, /The badge now counts only new papers like the ones in your library/)).toBe(1);
      // Thirty saved papers: the badge counts the new papers like the library (once the background has
      // learned from the papers passed over), which the New view lists.
      await expect
        .poll(
          async () => {
            const ids = await listed();
            return ids.length >= 4 && ids.every((id) => astroIds.has(id)) && (await badge()) === ids.length;
          },
          { timeout: LEARNING_MS },
        )
        .toBe(true);
      await expect.poll(() => textCount(popup, /^For you: /)).toBeGreaterThan(0);

      // Every new paper, in the For you order (picked with the keyboard, away and back): the reader's topic first.
      await popup.tabTo(order);
      await popup.press('ArrowDown');
      await expect.poll(async () => (await popup.one(order)).value).toBe('Trending rank');
      await popup.press('ArrowUp');
      await expect.poll(async () => (await popup.one(order)).value).toBe('For you');
      const options = await ext.openPage('options.html');
      await options.click({ role: 'radio', name: 'every new paper' });
      await expect.poll(async () => (await options.one({ role: 'radio', name: 'every new paper' })).checked).toBe(true);
      await options.click({ role: 'button', name: 'Save trending settings' });
      await expect.poll(badge).toBe(fresh.length);
      // Back to the popup, as the reader would.
      await popup.bringToFront();
      // From the Order picker into the list: the first row takes the focus.
      for (let presses = 0; (await focusedRow()) === null; presses++) {
        if (presses === 5) throw new Error('The Tab key did not bring the focus into the list');
        await popup.press('Tab');
      }
      await expect.poll(async () => (await everyListed()).length).toBe(fresh.length);
      const ordered = await everyListed();
      const firstUnrelated = ordered.findIndex((id) => !astroIds.has(id));
      expect(ordered.slice(firstUnrelated).every((id) => !astroIds.has(id))).toBe(true);
      expect(firstUnrelated).toBeGreaterThanOrEqual(4);

      // Not interested: the paper stops counting at once and at the next check.
      await popup.press('Home');
      await expect.poll(async () => (await focusedRow())?.position).toBe(1);
      await popup.click({ role: 'button', name: /^Not interested/, within: { role: 'listitem', within: newPapers, nth: 0 } });
      await expect.poll(badge).toBe(fresh.length - 1);
      await ext.send({ type: 'checkTrending' });
      expect(await badge()).toBe(fresh.length - 1);
      await options.close();
      await popup.close();
    },
  );

  it("lists related saved papers on a paper's own page", async () => {
    const page = await ext.openTab(`https://huggingface.co/papers/${relatedPage.id}`);
    // What PaperShelf adds: the card bars (groups named "PaperShelf: <id>"), not the page's own links.
    const bars = { role: 'group', name: /^PaperShelf: / };
    await expect.poll(() => page.count({ role: 'navigation', name: 'Related in your library', within: bars }), { timeout: 30_000 }).toBe(1);
    const links = await page.find({ role: 'link', within: bars });
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(5);
    const savedTitles = new Set(library.map((p) => p.title));
    expect(links.every((l) => savedTitles.has(l.name))).toBe(true);
    await page.close();
  });
});
