import type { Page } from 'playwright-core';
import { listingCards, manyPapers } from '../fixtures/hf/markup';
import { FIXTURE_PAGES, type FixtureName } from '../fixtures/hf/pages';
import { launchExtension, sendFromPage, type LoadedExtension } from './extension';
import { routeHuggingFace } from './routes';

let ext: LoadedExtension;

beforeAll(async () => {
  ext = await launchExtension();
  const pages = Object.fromEntries(
    Object.values(FIXTURE_PAGES).map((f) => {
      const url = new URL(f.url);
      return [url.pathname + url.search, f.html];
    }),
  );
  await routeHuggingFace(ext.context, pages);
});

afterAll(async () => {
  await ext?.close();
});

async function open(name: FixtureName): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(FIXTURE_PAGES[name].url);
  await page.waitForFunction(() => document.documentElement.dataset.papershelf === 'ready');
  return page;
}

/** Each card's annotation count, as [paper id, number of our elements in that card]. */
function annotationsPerCard(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('article')].map((article) => {
      const hosts = article.querySelectorAll('[data-papershelf-id]');
      return [hosts[0]?.getAttribute('data-papershelf-id') ?? null, hosts.length];
    }),
  );
}

const card = (page: Page, id: string) => page.locator(`[data-papershelf-id="${id}"]`);

async function library(): Promise<{ id: string; tags: string[]; summary: string; authors: string[] }[]> {
  const popup = await ext.openPage('popup.html');
  const reply = await sendFromPage<{ papers: never[] }>(popup, { type: 'listPapers' });
  await popup.close();
  return reply.papers;
}

describe('annotating Hugging Face papers pages', () => {
  it.each(['daily', 'trending', 'weekly', 'search', 'variants', 'loggedIn', 'renamed'] as const)(
    'annotates every card of the %s page exactly once',
    async (name) => {
      const page = await open(name);
      const expected = FIXTURE_PAGES[name].papers.map((p) => [p.id, 1]);
      await expect.poll(() => annotationsPerCard(page)).toEqual(expected);
      await page.close();
    },
  );

  it("puts the controls next to the title on a paper's own page", async () => {
    const page = await open('paper');
    const id = FIXTURE_PAGES.paper.papers[0]!.id;
    await expect.poll(() => card(page, id).count()).toBe(1);
    expect(await page.evaluate(() => document.querySelector('h1')?.nextElementSibling?.getAttribute('data-papershelf-id'))).toBe(id);
    await page.close();
  });

  it('saves a paper from its card with full metadata, without following the card link', async () => {
    const page = await open('daily');
    const paper = FIXTURE_PAGES.daily.papers[1]!;
    const save = card(page, paper.id).getByRole('button', { name: 'Save' });
    expect(await save.getAttribute('aria-pressed')).toBe('false');
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    expect(await card(page, paper.id).getAttribute('data-papershelf-saved')).toBe('true');
    expect(page.url()).toBe(FIXTURE_PAGES.daily.url);

    const saved = (await library()).find((p) => p.id === paper.id);
    // The full abstract and every author come from the page's data, not the card's short text.
    expect(saved).toMatchObject({ summary: paper.summary, authors: paper.authors });

    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('false');
    expect((await library()).find((p) => p.id === paper.id)).toBeUndefined();
    await page.close();
  });

  it('adds and removes tags on the card with the keyboard, and the library follows', async () => {
    const page = await open('trending');
    const paper = FIXTURE_PAGES.trending.papers[0]!;
    const input = card(page, paper.id).getByRole('combobox', { name: 'Add tag' });
    await input.fill('  diffusion ');
    await input.press('Enter');
    await input.fill('to read');
    await input.press('Enter');
    await expect.poll(() => card(page, paper.id).getByRole('button', { name: /^Remove tag/ }).allTextContents()).toEqual(['diffusion', 'to read']);
    expect((await library()).find((p) => p.id === paper.id)?.tags).toEqual(['diffusion', 'to read']);
    // tagging saved it
    expect(await card(page, paper.id).getByRole('button', { name: 'Save' }).getAttribute('aria-pressed')).toBe('true');

    await input.press('Backspace'); // on an empty input: removes the last tag
    await expect.poll(() => card(page, paper.id).getByRole('button', { name: /^Remove tag/ }).count()).toBe(1);
    await card(page, paper.id).getByRole('button', { name: 'Remove tag diffusion' }).click();
    await expect.poll(() => card(page, paper.id).getByRole('button', { name: /^Remove tag/ }).count()).toBe(0);
    expect((await library()).find((p) => p.id === paper.id)?.tags).toEqual([]);
    await page.close();
  });

  it('shows a change made in the popup on an open page without a reload', async () => {
    const page = await open('weekly');
    const paper = FIXTURE_PAGES.weekly.papers[2]!;
    const popup = await ext.openPage('popup.html');
    await sendFromPage(popup, { type: 'savePapers', papers: [{ id: paper.id, title: paper.title }], tags: ['from popup'] });
    await expect.poll(() => card(page, paper.id).getAttribute('data-papershelf-saved')).toBe('true');
    await expect.poll(() => card(page, paper.id).getByRole('button', { name: 'Remove tag from popup' }).count()).toBe(1);
    await sendFromPage(popup, { type: 'unsavePapers', ids: [paper.id] });
    await expect.poll(() => card(page, paper.id).getAttribute('data-papershelf-saved')).toBe('false');
    await popup.close();
    await page.close();
  });

  it('annotates cards added later and in-page navigation to another listing, never twice', async () => {
    const page = await open('daily');
    const extra = manyPapers(5, 500);
    await page.evaluate((html) => {
      const grid = document.querySelector('article')!.parentElement!;
      grid.append(document.createRange().createContextualFragment(html));
    }, listingCards(extra));
    const daily = FIXTURE_PAGES.daily.papers.map((p) => [p.id, 1]);
    await expect.poll(() => annotationsPerCard(page)).toEqual([...daily, ...extra.map((p) => [p.id, 1])]);

    // Switch to the trending list the way the site does: new URL, new cards, no page load.
    const trending = FIXTURE_PAGES.trending.papers.slice(0, 6);
    await page.evaluate((html) => {
      history.pushState({}, '', '/papers/trending');
      const grid = document.querySelector('article')!.parentElement!;
      grid.replaceChildren(document.createRange().createContextualFragment(html));
    }, listingCards(trending));
    await expect.poll(() => annotationsPerCard(page)).toEqual(trending.map((p) => [p.id, 1]));
    await page.close();
  });

  it('tells the popup which papers the tab shows, in page order', async () => {
    const page = await open('search');
    const popup = await ext.openPage('popup.html');
    const tabId = await popup.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, FIXTURE_PAGES.search.url);
    await expect
      .poll(async () => (await sendFromPage<{ papers: { id: string }[] }>(popup, { type: 'getPagePapers', tabId })).papers.map((p) => p.id))
      .toEqual(FIXTURE_PAGES.search.papers.map((p) => p.id));
    await popup.close();
    await page.close();
  });
});
