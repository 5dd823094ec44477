import { readFileSync } from 'node:fs';
import { apiEntry, SEED_PAPERS } from '../fixtures/hf/markup';
import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { BROWSER, fixtureSite, json, launchExtension, type Extension, type SiteReply, type Tab } from './harness';

let ext: Extension;
let answer: () => SiteReply;

const list = (from: number, to: number) => () => json(SEED_PAPERS.slice(from, to).map(apiEntry));

/** The README's pictures are Chromium's; Firefox runs the same steps without taking them. */
async function docsScreenshot(tab: Tab, name: string, options: { fullPage?: boolean } = {}) {
  if (BROWSER === 'chromium') await tab.screenshot(`docs/screenshots/${name}.png`, options);
}

beforeAll(async () => {
  ext = await launchExtension();
  answer = list(10, 25);
  ext.serve(fixtureSite({ '/papers/trending': FIXTURE_PAGES.trending.html, '/papers': FIXTURE_PAGES.daily.html, '/api/daily_papers': () => answer() }));
});

afterAll(async () => {
  await ext?.close();
});

async function openPapersPage(url: string): Promise<{ page: Tab; tabId: number }> {
  const page = await ext.openTab(url, { waitFor: '[data-papershelf-id]' });
  return { page, tabId: await ext.tabId(url) };
}

const openPopup = (query = '') => ext.openPage(`popup.html${query}`, { width: 440, height: 600 });

describe(`the popup and options page in ${BROWSER}`, () => {
  it('lists the papers of the tab, saves one with a tag, and the card on the page follows', async () => {
    const { page, tabId } = await openPapersPage(FIXTURE_PAGES.trending.url);
    const popup = await openPopup(`?tab=${tabId}`);
    await expect.poll(() => popup.selected({ role: 'tab', name: 'On this page' })).toBe(true);
    const rows = { role: 'listitem', within: { role: 'list', name: 'Papers on this page' } };
    const shown = FIXTURE_PAGES.trending.papers;
    await expect.poll(() => popup.evaluate(() => document.body.innerText)).toContain(`${shown.length} papers on this page`);
    // A virtual list: the rows on screen, in page order.
    const titles = await popup.names({ role: 'link', within: rows });
    expect(titles.length).toBeGreaterThan(3);
    expect(titles).toEqual(shown.slice(0, titles.length).map((p) => p.title));

    const paper = FIXTURE_PAGES.trending.papers[1]!;
    const row = { ...rows, nth: 1 };
    await popup.click({ role: 'button', name: /^Save/, within: row });
    await popup.fill({ role: 'combobox', name: 'Add tag', within: row }, 'pre-training');
    await popup.press('Enter');
    await expect.poll(() => popup.count({ role: 'button', name: 'Remove tag pre-training', within: row })).toBe(1);

    await expect.poll(() => page.pressed({ card: paper.id, role: 'button', name: /Save/ })).toBe(true);
    await expect.poll(() => page.count({ card: paper.id, role: 'button', name: 'Remove tag pre-training' })).toBe(1);
    await docsScreenshot(popup, 'popup-on-this-page');

    // Light and dark looks of the annotated listing.
    await page.setViewport({ width: 1280, height: 860 });
    await docsScreenshot(page, 'listing-light');
    // Hugging Face's dark theme is a "dark" class on <html>.
    const dark = await ext.openTab(FIXTURE_PAGES.trending.url, {
      beforeLoad: () => document.addEventListener('DOMContentLoaded', () => document.documentElement.classList.add('dark')),
    });
    await dark.setViewport({ width: 1280, height: 860 });
    await dark.one({ card: paper.id, role: 'button', name: 'Remove tag pre-training' });
    await docsScreenshot(dark, 'listing-dark');
    await dark.close();
    await popup.close();
    await page.close();
  });

  it('finds the saved paper with the library search', async () => {
    const popup = await openPopup();
    const paper = FIXTURE_PAGES.trending.papers[1]!;
    await popup.click({ role: 'tab', name: 'Library' });
    const search = { role: 'searchbox', name: 'Search library' };
    await popup.fill(search, paper.title.split(' ').slice(0, 2).join(' '));
    const results = { role: 'link', within: { role: 'list', name: 'Saved papers' } };
    await expect.poll(() => popup.names(results)).toContain(paper.title);
    await popup.fill(search, '');
    await docsScreenshot(popup, 'popup-library');
    await popup.close();
  });

  it('shows newly trending papers in the New view', async () => {
    const popup = await openPopup();
    await ext.send({ type: 'checkTrending' });
    answer = list(10, 30);
    await ext.send({ type: 'checkTrending' });
    await popup.click({ role: 'tab', name: 'New' });
    await expect.poll(() => popup.count({ role: 'link', within: { role: 'list', name: 'New papers' } })).toBe(5);
    await docsScreenshot(popup, 'popup-new');
    await popup.close();
  });

  it('restores a wiped library from an exported backup', async () => {
    await ext.send({
      type: 'savePapers',
      papers: SEED_PAPERS.slice(0, 6).map((p) => ({ id: p.id, title: p.title, authors: p.authors })),
      tags: ['exported'],
    });
    const before = await ext.send<{ papers: { id: string; tags: string[] }[] }>({ type: 'listPapers' });
    expect(before.papers.length).toBe(7);

    const options = await ext.openPage('options.html', { width: 900, height: 1100 });
    await options.one({ role: 'heading', name: 'Trending' });
    await docsScreenshot(options, 'options', { fullPage: true });
    const file = await options.download(() => options.click({ role: 'button', name: 'Export JSON backup' }));
    expect(JSON.parse(readFileSync(file, 'utf8')).papers).toHaveLength(7);

    await options.click({ role: 'button', name: 'Delete all data…' });
    await options.click({ role: 'button', name: 'Delete everything' });
    // As a person would, the backup is chosen once the page says the deletion is over.
    await expect.poll(() => options.text({ role: 'status' })).toBe('All data deleted.');
    expect((await ext.send<{ papers: unknown[] }>({ type: 'listPapers' })).papers).toHaveLength(0);

    await options.chooseFile('input[type=file][aria-label="Choose a backup file"]', file);
    await expect.poll(() => options.text({ role: 'region', name: 'Import preview' })).toContain('7 new, 0 updated, 0 unchanged');
    await options.click({ role: 'button', name: 'Import' });
    await expect.poll(async () => (await options.evaluate(() => document.body.innerText))).toContain('Imported: 7 new');
    const after = await ext.send<{ papers: { id: string; tags: string[] }[] }>({ type: 'listPapers' });
    const byId = (ps: { id: string; tags: string[] }[]) => [...ps].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after.papers)).toEqual(byId(before.papers));
    await options.close();
  });
});
