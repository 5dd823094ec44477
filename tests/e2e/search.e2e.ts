import { SEED_PAPERS, type FixturePaper } from '../fixtures/hf/markup';
import { LATE_ACRONYM_PAPER } from '../fixtures/hf/search-papers';
import { SEARCH_INDEX_FORMAT } from '@/lib/search/stored-index';
import { BROWSER, launchExtension, type Extension, type Tab } from './harness';

let ext: Extension;
const LIBRARY = [...SEED_PAPERS, LATE_ACRONYM_PAPER];
const CLOSE_ONES = 'No exact match; showing close ones';

beforeAll(async () => {
  ext = await launchExtension();
  const metadata = ({ id, title, summary, authors, organization, publishedAt, upvotes }: FixturePaper) => ({ id, title, summary, authors, organization, publishedAt, upvotes });
  await ext.send({ type: 'savePapers', papers: LIBRARY.map(metadata) });
});

afterAll(async () => {
  await ext?.close();
});

/** What the popup shows, as rendered (hidden text left out). */
const shownText = (popup: Tab) => popup.evaluate(() => document.body.innerText);

async function openLibrary(): Promise<Tab> {
  const popup = await ext.openPage('popup.html', { width: 440, height: 600 });
  await expect.poll(() => shownText(popup)).toContain(`${LIBRARY.length} papers`);
  return popup;
}

/** The format of the search index saved in the extension's database, if one is. */
const savedIndexFormat = (page: Tab) =>
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

const SEARCH = { role: 'searchbox', name: 'Search library' };
const rowTitles = (popup: Tab) => popup.names({ role: 'link', within: { role: 'list', name: 'Saved papers' } });
/** The order the "Sort by" picker shows. */
const sortShown = async (popup: Tab) => (await popup.one({ role: 'combobox', name: 'Sort by' })).value;

describe(`library search in ${BROWSER}`, () => {
  it('finds an acronym said once at the end of a long abstract, and authors typed without accents', async () => {
    const popup = await openLibrary();
    await popup.typeInto(SEARCH, 'RAG');
    await expect.poll(() => rowTitles(popup)).toEqual([LATE_ACRONYM_PAPER.title]);
    await expect.poll(() => sortShown(popup)).toBe('Relevance');
    expect(await shownText(popup)).not.toContain(CLOSE_ONES);

    await popup.fill(SEARCH, 'muller');
    const byMuller = LIBRARY.filter((p) => p.authors.some((a) => a.includes('Müller')));
    expect(byMuller.length).toBeGreaterThan(1);
    await expect.poll(() => shownText(popup)).toContain(`${byMuller.length} papers of ${LIBRARY.length}`);
    await popup.fill(SEARCH, 'lena muller');
    await expect.poll(() => rowTitles(popup)).toEqual([LATE_ACRONYM_PAPER.title]);

    await popup.fill(SEARCH, 'zurich citations');
    await expect.poll(() => rowTitles(popup)).toEqual([LATE_ACRONYM_PAPER.title]);
    await popup.close();
  });

  it('finds a paper through a typo and says the matches are close ones', async () => {
    const popup = await openLibrary();
    await popup.typeInto(SEARCH, 'citaiton');
    await expect.poll(() => rowTitles(popup)).toEqual([LATE_ACRONYM_PAPER.title]);
    await expect.poll(() => shownText(popup)).toContain(CLOSE_ONES);

    await popup.fill(SEARCH, 'citation');
    await expect.poll(() => shownText(popup)).not.toContain(CLOSE_ONES);
    expect(await rowTitles(popup)).toEqual([LATE_ACRONYM_PAPER.title]);
    await popup.close();
  });

  it('finds the same after the popup reopens on the index it saved', async () => {
    const first = await openLibrary();
    await first.fill(SEARCH, 'rag');
    await expect.poll(() => rowTitles(first)).toEqual([LATE_ACRONYM_PAPER.title]);
    // The index is saved a second after the last answer.
    await expect.poll(() => savedIndexFormat(first), { timeout: 10_000 }).toBe(SEARCH_INDEX_FORMAT);
    await first.close();

    const popup = await openLibrary();
    await popup.fill(SEARCH, 'RAG pipelines');
    await expect.poll(() => rowTitles(popup)).toEqual([LATE_ACRONYM_PAPER.title]);
    await popup.close();
  });
});
