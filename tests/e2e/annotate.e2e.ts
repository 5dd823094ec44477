import type { Page } from 'playwright-core';
import { listingCards, manyPapers } from '../fixtures/hf/markup';
import { FIXTURE_PAGES, type FixtureName } from '../fixtures/hf/pages';
import { CardControls } from './card-controls';
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
  await page.waitForSelector('[data-papershelf-id]', { state: 'attached' });
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
    expect(await page.evaluate(() => document.querySelector('h1')?.nextElementSibling?.getAttribute('data-papershelf-id'))).toBe(id);
    const controls = await CardControls.of(page);
    expect(await controls.pressed({ card: id, role: 'button', name: '☆ Save' })).toBe(false);
    await page.close();
  });

  it('saves a paper from its card with full metadata, without following the card link', async () => {
    const page = await open('daily');
    const controls = await CardControls.of(page);
    const paper = FIXTURE_PAGES.daily.papers[1]!;
    const save = { card: paper.id, role: 'button', name: /Save/ };
    expect(await controls.pressed(save)).toBe(false);
    await controls.click(save);
    await expect.poll(() => controls.pressed(save)).toBe(true);
    expect(page.url()).toBe(FIXTURE_PAGES.daily.url);

    const saved = (await library()).find((p) => p.id === paper.id);
    // The full abstract and every author come from the page's data, not the card's short text.
    expect(saved).toMatchObject({ summary: paper.summary, authors: paper.authors });

    await controls.click(save);
    await expect.poll(() => controls.pressed(save)).toBe(false);
    expect((await library()).find((p) => p.id === paper.id)).toBeUndefined();
    await page.close();
  });

  it('adds and removes tags on the card with the keyboard, and the library follows', async () => {
    const page = await open('trending');
    const controls = await CardControls.of(page);
    const paper = FIXTURE_PAGES.trending.papers[0]!;
    const chips = { card: paper.id, role: 'button', name: /^Remove tag/ };
    await controls.type({ card: paper.id, role: 'combobox', name: 'Add tag' }, '  diffusion ');
    await controls.press('Enter');
    await expect.poll(() => controls.names(chips)).toEqual(['Remove tag diffusion']);
    await page.keyboard.type('to read');
    await controls.press('Enter');
    await expect.poll(() => controls.names(chips)).toEqual(['Remove tag diffusion', 'Remove tag to read']);
    expect((await library()).find((p) => p.id === paper.id)?.tags).toEqual(['diffusion', 'to read']);
    // tagging saved it
    expect(await controls.pressed({ card: paper.id, role: 'button', name: /Save/ })).toBe(true);

    await controls.press('Backspace'); // on an empty input: removes the last tag
    await expect.poll(() => controls.count(chips)).toBe(1);
    await controls.click({ card: paper.id, role: 'button', name: 'Remove tag diffusion' });
    await expect.poll(() => controls.count(chips)).toBe(0);
    expect((await library()).find((p) => p.id === paper.id)?.tags).toEqual([]);
    await page.close();
  });

  it('offers Undo after unsaving a tagged paper from its card, which puts back its tags and note', async () => {
    const page = await open('weekly');
    const controls = await CardControls.of(page);
    const paper = FIXTURE_PAGES.weekly.papers[0]!;
    const popup = await ext.openPage('popup.html');
    await sendFromPage(popup, { type: 'savePapers', papers: [{ id: paper.id, title: paper.title }], tags: ['keep me'] });
    await sendFromPage(popup, { type: 'setNote', id: paper.id, note: 'My reading notes' });
    const save = { card: paper.id, role: 'button', name: /Save/ };
    await expect.poll(() => controls.pressed(save)).toBe(true);

    await controls.click(save);
    await expect.poll(() => controls.pressed(save)).toBe(false);
    expect(await controls.status(paper.id)).toMatch(/Removed from your library/);
    await controls.click({ card: paper.id, role: 'button', name: 'Undo remove' });
    await expect.poll(() => controls.pressed(save)).toBe(true);
    expect(await controls.names({ card: paper.id, role: 'button', name: /^Remove tag/ })).toEqual(['Remove tag keep me']);
    const restored = (await sendFromPage<{ papers: { note: string; tags: string[] }[] }>(popup, { type: 'getPapers', ids: [paper.id] })).papers[0];
    expect(restored).toMatchObject({ note: 'My reading notes', tags: ['keep me'] });
    await popup.close();
    await page.close();
  });

  it('shows a change made in the popup on an open page without a reload', async () => {
    const page = await open('weekly');
    const controls = await CardControls.of(page);
    const paper = FIXTURE_PAGES.weekly.papers[2]!;
    const save = { card: paper.id, role: 'button', name: /Save/ };
    const popup = await ext.openPage('popup.html');
    await sendFromPage(popup, { type: 'savePapers', papers: [{ id: paper.id, title: paper.title }], tags: ['from popup'] });
    await expect.poll(() => controls.pressed(save)).toBe(true);
    await expect.poll(() => controls.count({ card: paper.id, role: 'button', name: 'Remove tag from popup' })).toBe(1);
    await sendFromPage(popup, { type: 'unsavePapers', ids: [paper.id] });
    await expect.poll(() => controls.pressed(save)).toBe(false);
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

  it('tells the popup which papers the tab shows, in page order, read in full from the page and its data', async () => {
    const page = await open('search');
    const popup = await ext.openPage('popup.html');
    const tabId = await popup.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, FIXTURE_PAGES.search.url);
    const ask = () =>
      popup.evaluate((id) => chrome.tabs.sendMessage(id!, { type: 'pagePapers' }) as Promise<{ papers: { id: string; title: string }[] }>, tabId);
    await expect.poll(async () => (await ask()).papers.map((p) => p.id)).toEqual(FIXTURE_PAGES.search.papers.map((p) => p.id));
    expect((await ask()).papers.map((p) => p.title)).toEqual(FIXTURE_PAGES.search.papers.map((p) => p.title));
    await popup.close();
    await page.close();
  });
});
