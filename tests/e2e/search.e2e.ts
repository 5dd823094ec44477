import type { Page } from 'playwright-core';
import { SEED_PAPERS, type FixturePaper } from '../fixtures/hf/markup';
import { LATE_ACRONYM_PAPER } from '../fixtures/hf/search-papers';
import { SEARCH_INDEX_FORMAT } from '@/lib/search/stored-index';
import { launchExtension, sendFromPage, type LoadedExtension } from './extension';

let ext: LoadedExtension;
const LIBRARY = [...SEED_PAPERS, LATE_ACRONYM_PAPER];
const CLOSE_ONES = 'No exact match; showing close ones';

beforeAll(async () => {
  ext = await launchExtension();
  const helper = await ext.openPage('options.html');
  const metadata = ({ id, title, summary, authors, organization, publishedAt, upvotes }: FixturePaper) => ({ id, title, summary, authors, organization, publishedAt, upvotes });
  await sendFromPage(helper, { type: 'savePapers', papers: LIBRARY.map(metadata) });
  await helper.close();
});

afterAll(async () => {
  await ext?.close();
});

async function openLibrary(): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${ext.id}/popup.html`);
  await popup.getByText(`${LIBRARY.length} papers`).waitFor();
  return popup;
}

/** The format of the search index saved in the extension's database, if one is. */
const savedIndexFormat = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number | undefined>((resolve, reject) => {
        const open = indexedDB.open('papershelf');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('searchIndex').objectStore('searchIndex').get('library');
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            open.result.close();
            resolve((read.result as { format: number } | undefined)?.format);
          };
        };
      }),
  );

const rowTitles = (popup: Page) => popup.getByRole('list', { name: 'Saved papers' }).getByRole('link').allTextContents();

describe('library search in Chromium', () => {
  it('finds an acronym said once at the end of a long abstract, and authors typed without accents', async () => {
    const popup = await openLibrary();
    const search = popup.getByRole('searchbox', { name: 'Search library' });
    await search.pressSequentially('RAG');
    await expect.poll(() => rowTitles(popup)).toEqual([LATE_ACRONYM_PAPER.title]);
    await expect.poll(() => popup.getByRole('combobox', { name: 'Sort by' }).inputValue()).toBe('relevance');
    expect(await popup.getByText(CLOSE_ONES).count()).toBe(0);

    await search.fill('muller');
    const byMuller = LIBRARY.filter((p) => p.authors.some((a) => a.includes('Müller')));
    expect(byMuller.length).toBeGreaterThan(1);
    await popup.getByText(`${byMuller.length} papers of ${LIBRARY.length}`).waitFor();
    await search.fill('lena muller');
    await expect.poll(() => rowTitles(popup)).toEqual([LATE_ACRONYM_PAPER.title]);

    await search.fill('zurich citations');
    await expect.poll(() => rowTitles(popup)).toEqual([LATE_ACRONYM_PAPER.title]);
    await popup.close();
  });

  it('finds a paper through a typo and says the matches are close ones', async () => {
    const popup = await openLibrary();
    const search = popup.getByRole('searchbox', { name: 'Search library' });
    await search.pressSequentially('citaiton');
    await expect.poll(() => rowTitles(popup)).toEqual([LATE_ACRONYM_PAPER.title]);
    await expect.poll(() => popup.getByText(CLOSE_ONES).isVisible()).toBe(true);

    await search.fill('citation');
    await expect.poll(() => popup.getByText(CLOSE_ONES).count()).toBe(0);
    expect(await rowTitles(popup)).toEqual([LATE_ACRONYM_PAPER.title]);
    await popup.close();
  });

  it('finds the same after the popup reopens on the index it saved', async () => {
    const first = await openLibrary();
    await first.getByRole('searchbox', { name: 'Search library' }).fill('rag');
    await expect.poll(() => rowTitles(first)).toEqual([LATE_ACRONYM_PAPER.title]);
    // The index is saved a second after the last answer.
    await expect.poll(() => savedIndexFormat(first), { timeout: 10_000 }).toBe(SEARCH_INDEX_FORMAT);
    await first.close();

    const popup = await openLibrary();
    await popup.getByRole('searchbox', { name: 'Search library' }).fill('RAG pipelines');
    await expect.poll(() => rowTitles(popup)).toEqual([LATE_ACRONYM_PAPER.title]);
    await popup.close();
  });
});
