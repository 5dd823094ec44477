import { screen, waitFor, within } from '@testing-library/react';
import { readFirstRows, type FirstRows } from '@/lib/library/first-rows';
import { LibraryReader } from '@/lib/library/reader';
import type { PaperRecord } from '@/lib/library/schema';
import type { Library } from '@/lib/library/library';
import type { LibraryFinder } from '@/lib/search/finder';
import { SEED_PAPERS } from '../../fixtures/hf/markup';
import { clock, freshLibrary, metadata } from '../helpers';
import { renderPopup } from './harness';

const elsewhere = { id: 1, url: 'https://example.org/' };

/** A library reader whose newest papers never come, as while the popup's code is still loading. */
class StalledReader extends LibraryReader {
  override newest(): Promise<PaperRecord[]> {
    return new Promise(() => {});
  }
}
const stalledFinder: LibraryFinder = { find: () => new Promise(() => {}) };

async function libraryOf(count: number) {
  const time = clock();
  const library = freshLibrary(time.now);
  for (const p of SEED_PAPERS.slice(0, count)) {
    time.advance(1000);
    await library.savePaper(metadata({ id: p.id, title: p.title, summary: p.summary, authors: p.authors, publishedAt: p.publishedAt }));
  }
  return library;
}

function stalled(library: Library, firstRows: FirstRows) {
  return renderPopup(library, { tab: elsewhere, firstRows, reader: new StalledReader(library.db), finder: stalledFinder });
}

const rowTitles = () => within(screen.getByRole('list', { name: 'Saved papers' })).queryAllByRole('link').map((a) => a.textContent);

describe('popup: the first rows, read before its code loaded', () => {
  it('shows the newest papers as read first, while the library view has not answered yet', async () => {
    const library = await libraryOf(4);
    const firstRows = readFirstRows(indexedDB, 30, library.db.name);
    await firstRows.reading;
    stalled(library, firstRows);
    // In the first frame: read before the popup rendered.
    expect(rowTitles()).toEqual(SEED_PAPERS.slice(0, 4).map((p) => p.title).reverse());
  });

  it('shows them once read when they come after the popup rendered', async () => {
    const library = await libraryOf(2);
    stalled(library, readFirstRows(indexedDB, 30, library.db.name));
    await waitFor(() => expect(rowTitles()).toEqual(SEED_PAPERS.slice(0, 2).map((p) => p.title).reverse()));
  });

  it('says the library is empty when nothing was read', async () => {
    const library = freshLibrary();
    await library.db.open();
    stalled(library, readFirstRows(indexedDB, 30, library.db.name));
    expect(await screen.findByText(/Your library is empty/)).toBeInTheDocument();
  });

  it('opens on the tab the page calls for in its first frame, with its content', async () => {
    renderPopup(await libraryOf(1), { tab: elsewhere });
    expect(screen.getByRole('tab', { name: 'Library' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Library' })).toContainElement(screen.getByRole('searchbox', { name: 'Search library' }));
  });
});
