import { readFileSync } from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { apiEntry, SEED_PAPERS } from '../fixtures/hf/markup';
import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { CardControls } from './card-controls';
import { launchExtension, sendFromPage, type LoadedExtension } from './extension';
import { routeHuggingFace } from './routes';

let ext: LoadedExtension;
let answer: (route: Route) => Promise<void>;
const SHOTS = 'docs/screenshots';

const list = (from: number, to: number) => (route: Route) =>
  route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(SEED_PAPERS.slice(from, to).map(apiEntry)) });

beforeAll(async () => {
  ext = await launchExtension();
  await routeHuggingFace(ext.context, { '/papers/trending': FIXTURE_PAGES.trending.html, '/papers': FIXTURE_PAGES.daily.html });
  answer = list(10, 25);
  await ext.context.route('https://huggingface.co/api/daily_papers**', (route) => answer(route));
});

afterAll(async () => {
  await ext?.close();
});

async function openPapersPage(url: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-papershelf-id]', { state: 'attached' });
  const helper = await ext.openPage('options.html');
  const tabId = await helper.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
  await helper.close();
  return { page, tabId };
}

async function openPopup(query = ''): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${ext.id}/popup.html${query}`);
  return popup;
}

describe('the popup and options page in Chromium', () => {
  it('lists the papers of the tab, saves one with a tag, and the card on the page follows', async () => {
    const { page, tabId } = await openPapersPage(FIXTURE_PAGES.trending.url);
    const popup = await openPopup(`?tab=${tabId}`);
    await expect.poll(() => popup.getByRole('tab', { name: 'On this page' }).getAttribute('aria-selected')).toBe('true');
    const rows = popup.getByRole('list', { name: 'Papers on this page' }).getByRole('listitem');
    const shown = FIXTURE_PAGES.trending.papers;
    await expect.poll(() => popup.getByText(`${shown.length} papers on this page`, { exact: false }).count()).toBe(1);
    // A virtual list: the rows on screen, in page order.
    const titles = await rows.getByRole('link').allTextContents();
    expect(titles.length).toBeGreaterThan(3);
    expect(titles).toEqual(shown.slice(0, titles.length).map((p) => p.title));

    const paper = FIXTURE_PAGES.trending.papers[1]!;
    const row = rows.nth(1);
    await row.getByRole('button', { name: /^Save/ }).click();
    await row.getByRole('combobox', { name: 'Add tag' }).fill('pre-training');
    await row.getByRole('combobox', { name: 'Add tag' }).press('Enter');
    await expect.poll(() => row.getByRole('button', { name: 'Remove tag pre-training' }).count()).toBe(1);

    const controls = await CardControls.of(page);
    await expect.poll(() => controls.pressed({ card: paper.id, role: 'button', name: /Save/ })).toBe(true);
    await expect.poll(() => controls.count({ card: paper.id, role: 'button', name: 'Remove tag pre-training' })).toBe(1);
    await popup.screenshot({ path: `${SHOTS}/popup-on-this-page.png` });

    // Light and dark looks of the annotated listing.
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.screenshot({ path: `${SHOTS}/listing-light.png` });
    // Hugging Face's dark theme is a "dark" class on <html>.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => document.documentElement.classList.add('dark')));
    await page.reload();
    const reloaded = await CardControls.of(page);
    await reloaded.one({ card: paper.id, role: 'button', name: 'Remove tag pre-training' });
    await page.screenshot({ path: `${SHOTS}/listing-dark.png` });
    await popup.close();
    await page.close();
  });

  it('finds the saved paper with the library search', async () => {
    const popup = await openPopup();
    const paper = FIXTURE_PAGES.trending.papers[1]!;
    await popup.getByRole('tab', { name: 'Library' }).click();
    const search = popup.getByRole('searchbox', { name: 'Search library' });
    await search.fill(paper.title.split(' ').slice(0, 2).join(' '));
    const results = popup.getByRole('list', { name: 'Saved papers' }).getByRole('link');
    await expect.poll(() => results.allTextContents()).toContain(paper.title);
    await search.fill('');
    await popup.screenshot({ path: `${SHOTS}/popup-library.png` });
    await popup.close();
  });

  it('shows newly trending papers in the New view', async () => {
    const popup = await openPopup();
    await sendFromPage(popup, { type: 'checkTrending' });
    answer = list(10, 30);
    await sendFromPage(popup, { type: 'checkTrending' });
    await popup.getByRole('tab', { name: 'New' }).click();
    const rows = popup.getByRole('list', { name: 'New papers' }).getByRole('link');
    await expect.poll(() => rows.count()).toBe(5);
    await popup.screenshot({ path: `${SHOTS}/popup-new.png` });
    await popup.close();
  });

  it('restores a wiped library from an exported backup', async () => {
    const popup = await openPopup();
    await sendFromPage(popup, {
      type: 'savePapers',
      papers: SEED_PAPERS.slice(0, 6).map((p) => ({ id: p.id, title: p.title, authors: p.authors })),
      tags: ['exported'],
    });
    const before = await sendFromPage<{ papers: { id: string; tags: string[] }[] }>(popup, { type: 'listPapers' });
    expect(before.papers.length).toBe(7);

    const options = await ext.openPage('options.html');
    await options.setViewportSize({ width: 900, height: 1100 });
    await options.screenshot({ path: `${SHOTS}/options.png`, fullPage: true });
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export JSON backup' }).click()]);
    const file = await download.path();
    expect(JSON.parse(readFileSync(file, 'utf8')).papers).toHaveLength(7);

    await options.getByRole('button', { name: 'Delete all data…' }).click();
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(async () => (await sendFromPage<{ papers: unknown[] }>(popup, { type: 'listPapers' })).papers.length).toBe(0);

    await options.getByLabel('Choose a backup file').setInputFiles(file);
    await expect.poll(() => options.getByRole('region', { name: 'Import preview' }).textContent()).toContain('7 new, 0 updated, 0 unchanged');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => options.getByRole('status').last().textContent()).toContain('Imported: 7 new');
    const after = await sendFromPage<{ papers: { id: string; tags: string[] }[] }>(popup, { type: 'listPapers' });
    const byId = (ps: { id: string; tags: string[] }[]) => [...ps].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after.papers)).toEqual(byId(before.papers));
    await options.close();
    await popup.close();
  });
});
