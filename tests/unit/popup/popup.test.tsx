import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { NEW_PAPERS_KEY } from '@/lib/trending/new-papers-signal';
import { TRENDING_STATUS_KEY } from '@/lib/trending/status';
import { SEED_PAPERS, manyPapers } from '../../fixtures/hf/markup';
import { clock, freshLibrary, metadata } from '../helpers';
import { renderPopup } from './harness';

const papersTab = { id: 4, url: 'https://huggingface.co/papers/trending' };

async function libraryOf(count: number) {
  const time = clock();
  const library = freshLibrary(time.now);
  for (const p of SEED_PAPERS.slice(0, count)) {
    time.advance(1000);
    await library.savePaper(metadata({ id: p.id, title: p.title, summary: p.summary, authors: p.authors, organization: p.organization, upvotes: p.upvotes, publishedAt: p.publishedAt }));
  }
  return { library, time };
}

const rowTitles = () => within(screen.getByRole('list', { name: 'Saved papers' })).queryAllByRole('link').map((a) => a.textContent);

describe('popup: library', () => {
  it('opens on the library with the search box focused when the tab is not a papers page', async () => {
    const { library } = await libraryOf(3);
    renderPopup(library, { tab: { id: 1, url: 'https://example.org/' } });
    const search = await screen.findByRole('searchbox', { name: 'Search library' });
    expect(search).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Library' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(rowTitles()).toEqual(SEED_PAPERS.slice(0, 3).map((p) => p.title).reverse()));
  });

  it('says what to do when the library is empty', async () => {
    renderPopup(freshLibrary());
    expect(await screen.findByText(/Your library is empty/)).toBeInTheDocument();
  });

  it('finds papers by title, abstract, author, tag and note as you type', async () => {
    const { library } = await libraryOf(12);
    await library.addTag(SEED_PAPERS[2]!.id, 'must read');
    await library.setNote(SEED_PAPERS[5]!.id, 'Compare with Chinchilla scaling');
    renderPopup(library);
    const search = await screen.findByRole('searchbox', { name: 'Search library' });
    await waitFor(() => expect(rowTitles()).toHaveLength(12));

    await userEvent.type(search, 'dataman');
    await waitFor(() => expect(rowTitles()).toEqual([SEED_PAPERS[1]!.title]));
    await userEvent.clear(search);
    await userEvent.type(search, 'chinch');
    await waitFor(() => expect(rowTitles()).toEqual([SEED_PAPERS[5]!.title]));
    await userEvent.clear(search);
    await userEvent.type(search, 'must read');
    await waitFor(() => expect(rowTitles()).toEqual([SEED_PAPERS[2]!.title]));
    await userEvent.clear(search);
    await userEvent.type(search, SEED_PAPERS[7]!.authors[0]!.split(' ')[1]!.toLowerCase());
    await waitFor(() => expect(rowTitles()).toContain(SEED_PAPERS[7]!.title));
    await userEvent.clear(search);
    await userEvent.type(search, 'zzzzqqq');
    expect(await screen.findByText('No paper matches.')).toBeInTheDocument();
  });

  it('sorts by relevance while searching, title matches first, and goes back to the sort from before', async () => {
    const { library } = await libraryOf(12);
    renderPopup(library);
    const search = await screen.findByRole('searchbox', { name: 'Search library' });
    const sort = screen.getByRole('combobox', { name: 'Sort by' });
    expect(within(sort).getAllByRole('option').map((o) => o.textContent)).toEqual(['Relevance', 'Date saved', 'Date published', 'Upvotes', 'Title']);
    await userEvent.selectOptions(sort, 'Title');
    const byTitle = SEED_PAPERS.slice(0, 12).map((p) => p.title).sort((a, b) => (a < b ? -1 : 1));
    await waitFor(() => expect(rowTitles()).toEqual(byTitle));

    // "Learning" is in one title and in four abstracts: the title first, then the newest saved.
    await userEvent.type(search, 'learning');
    expect(sort).toHaveDisplayValue('Relevance');
    await waitFor(() => expect(rowTitles()).toEqual([7, 11, 2, 1, 0].map((i) => SEED_PAPERS[i]!.title)));
    await userEvent.clear(search);
    expect(sort).toHaveDisplayValue('Title');
    await waitFor(() => expect(rowTitles()).toEqual(byTitle));

    // A sort picked while searching stays when the search is cleared.
    await userEvent.type(search, 'learning');
    expect(sort).toHaveDisplayValue('Relevance');
    await userEvent.selectOptions(sort, 'Date saved');
    await waitFor(() => expect(rowTitles()).toEqual([11, 7, 2, 1, 0].map((i) => SEED_PAPERS[i]!.title)));
    await userEvent.clear(search);
    expect(sort).toHaveDisplayValue('Date saved');
  });

  it('shows close matches for a typo and says so; an exact match says nothing of the kind', async () => {
    const { library } = await libraryOf(12);
    renderPopup(library);
    const search = await screen.findByRole('searchbox', { name: 'Search library' });
    await waitFor(() => expect(rowTitles()).toHaveLength(12));
    const cellular = SEED_PAPERS[5]!.title; // "Training Language Models via Neural Cellular Automata"

    await userEvent.type(search, 'autoamta');
    await waitFor(() => expect(rowTitles()).toEqual([cellular]));
    expect(screen.getByText('No exact match; showing close ones')).toBeInTheDocument();

    await userEvent.clear(search);
    await userEvent.type(search, 'automata');
    await waitFor(() => expect(rowTitles()).toEqual([cellular]));
    expect(screen.queryByText('No exact match; showing close ones')).not.toBeInTheDocument();

    await userEvent.clear(search);
    await userEvent.type(search, 'automata zzzzqqqq');
    expect(await screen.findByText('No paper matches.')).toBeInTheDocument();
    expect(screen.queryByText('No exact match; showing close ones')).not.toBeInTheDocument();
  });

  it('keeps showing the newest papers and says so when search is not available', async () => {
    const { library } = await libraryOf(3);
    renderPopup(library, { finder: { find: async () => Promise.reject(new Error('The search index could not be read')) } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Search is not available: The search index could not be read');
    expect(rowTitles()).toHaveLength(3);
  });

  it('follows library changes made elsewhere while it is open', async () => {
    const { library } = await libraryOf(3);
    renderPopup(library);
    const search = await screen.findByRole('searchbox', { name: 'Search library' });
    await userEvent.type(search, 'sparse');
    await waitFor(() => expect(rowTitles()).toEqual([]));
    await library.savePaper(metadata({ id: '2601.77777', title: 'Sparse Mixtures at Scale' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Sparse Mixtures at Scale']));
    expect(screen.getByText('1 paper of 4')).toBeInTheDocument();
  });

  it('filters by one or more tags, showing counts', async () => {
    const { library } = await libraryOf(5);
    await library.addTag(SEED_PAPERS[0]!.id, 'LLM');
    await library.addTag(SEED_PAPERS[1]!.id, 'LLM');
    await library.addTag(SEED_PAPERS[1]!.id, 'data');
    renderPopup(library);
    await userEvent.click(await screen.findByRole('button', { name: 'LLM 2' }));
    await waitFor(() => expect(rowTitles()).toEqual([SEED_PAPERS[1]!.title, SEED_PAPERS[0]!.title]));
    await userEvent.click(screen.getByRole('button', { name: 'data 1' }));
    await waitFor(() => expect(rowTitles()).toEqual([SEED_PAPERS[1]!.title]));
  });

  it('sorts by title and by upvotes', async () => {
    const { library } = await libraryOf(6);
    renderPopup(library);
    const sort = await screen.findByRole('combobox', { name: 'Sort by' });
    await userEvent.selectOptions(sort, 'Title');
    const byTitle = SEED_PAPERS.slice(0, 6).map((p) => p.title).sort((a, b) => (a < b ? -1 : 1));
    await waitFor(() => expect(rowTitles()).toEqual(byTitle));
    await userEvent.selectOptions(sort, 'Upvotes');
    const byVotes = [...SEED_PAPERS.slice(0, 6)].sort((a, b) => b.upvotes - a.upvotes).map((p) => p.upvotes);
    await waitFor(async () => {
      const votes = await Promise.all(rowTitles().map(async (t) => (await library.db.papers.where('title').equals(t!).first())!.upvotes));
      expect(votes).toEqual(byVotes);
    });
  });

  it('edits tags and the note of a paper', async () => {
    const { library } = await libraryOf(2);
    const paper = SEED_PAPERS[1]!;
    renderPopup(library);
    await userEvent.click(await screen.findByRole('button', { name: `Details: ${paper.title}` }));
    const tagInput = screen.getByRole('combobox', { name: 'Add tag' });
    await userEvent.type(tagInput, 'data curation{Enter}');
    await waitFor(async () => expect((await library.getPaper(paper.id))?.tags).toEqual(['data curation']));
    expect(await screen.findByRole('button', { name: 'Remove tag data curation' })).toBeInTheDocument();
    const note = screen.getByRole('textbox', { name: 'Note' });
    await userEvent.type(note, 'Section 4 has the ratings');
    await userEvent.tab();
    await waitFor(async () => expect((await library.getPaper(paper.id))?.note).toBe('Section 4 has the ratings'));
    expect(screen.getByRole('link', { name: 'PDF' })).toHaveAttribute('href', `https://arxiv.org/pdf/${paper.id}`);
  });

  it('removes a paper and brings it back with Undo, tags and note intact', async () => {
    const { library } = await libraryOf(3);
    const paper = SEED_PAPERS[2]!;
    await library.addTag(paper.id, 'keep');
    await library.setNote(paper.id, 'my note');
    renderPopup(library);
    const save = await screen.findByRole('button', { name: `Saved: ${paper.title}` });
    expect(save).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(save);
    await waitFor(() => expect(rowTitles()).not.toContain(paper.title));
    await userEvent.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowTitles()).toContain(paper.title));
    expect(await library.getPaper(paper.id)).toMatchObject({ tags: ['keep'], note: 'my note' });
  });

  it('tags, untags and removes several selected papers at once', async () => {
    const { library } = await libraryOf(4);
    renderPopup(library);
    const [a, b] = [SEED_PAPERS[0]!, SEED_PAPERS[1]!];
    await userEvent.click(await screen.findByRole('checkbox', { name: `Select ${a.title}` }));
    await userEvent.click(screen.getByRole('checkbox', { name: `Select ${b.title}` }));
    const toolbar = screen.getByRole('toolbar', { name: 'Selected papers' });
    expect(toolbar).toHaveTextContent('2 selected');
    await userEvent.type(within(toolbar).getByRole('combobox', { name: 'Tag selected papers' }), 'batch{Enter}');
    await waitFor(async () => expect((await library.listPapers({ tag: 'batch' })).map((p) => p.id).sort()).toEqual([a.id, b.id].sort()));
    await within(toolbar).findByRole('option', { name: 'batch' });
    await userEvent.selectOptions(within(toolbar).getByRole('combobox', { name: 'Tag to remove from selected papers' }), 'batch');
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Untag' }));
    await waitFor(async () => expect(await library.listPapers({ tag: 'batch' })).toEqual([]));
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Remove selected' }));
    await waitFor(async () => expect(await library.countPapers()).toBe(2));
    // The library can hold the change a moment before the popup shows what it did.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Removed 2 papers.'));
  });

  it('moves through rows with the arrow keys', async () => {
    const { library } = await libraryOf(3);
    renderPopup(library);
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    const rows = within(screen.getByRole('list', { name: 'Saved papers' })).getAllByRole('listitem');
    rows[0]!.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(rows[1]).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(rows[2]).toHaveFocus();
  });

  it('shows page text as text, never as markup', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata({ title: '<img src=x onerror=alert(1)> Robust attacks' }));
    renderPopup(library);
    expect(await screen.findByRole('link', { name: '<img src=x onerror=alert(1)> Robust attacks' })).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('popup: access to huggingface.co', () => {
  it('says when the access was withdrawn and asks for it again from a click', async () => {
    let granted = false;
    const listeners: ((granted: boolean) => void)[] = [];
    const request = vi.fn(async () => (granted = true));
    renderPopup(freshLibrary(), { hostAccess: { has: async () => granted, request, onChange: (listener) => (listeners.push(listener), () => undefined) } });
    const notice = await screen.findByRole('alert', { name: 'No access to huggingface.co' });
    expect(notice).toHaveTextContent(/cards are not annotated and trending papers are not checked/);
    await userEvent.click(screen.getByRole('button', { name: 'Allow access to huggingface.co' }));
    expect(request).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('alert', { name: 'No access to huggingface.co' })).not.toBeInTheDocument());
    // Withdrawn again while the popup is open.
    act(() => listeners.forEach((listener) => listener(false)));
    expect(await screen.findByRole('alert', { name: 'No access to huggingface.co' })).toBeInTheDocument();
  });

  it('says nothing while the access is there', async () => {
    renderPopup(freshLibrary(), { hostAccess: { has: async () => true, request: async () => true, onChange: () => () => undefined } });
    await screen.findByRole('searchbox', { name: 'Search library' });
    expect(screen.queryByRole('alert', { name: 'No access to huggingface.co' })).not.toBeInTheDocument();
  });
});

describe('popup: on this page', () => {
  it('explains what to do on a tab that is not a papers page', async () => {
    renderPopup(freshLibrary(), { tab: { id: 1, url: 'https://example.org/' } });
    await userEvent.click(await screen.findByRole('tab', { name: 'On this page' }));
    expect(await screen.findByText(/not a Hugging Face papers page/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'huggingface.co/papers' })).toHaveAttribute('href', 'https://huggingface.co/papers');
  });

  it('lists the tab papers in page order, saves one with a tag, and saves all', async () => {
    const library = freshLibrary();
    const shown = SEED_PAPERS.slice(0, 4);
    renderPopup(library, { tab: papersTab, pagePapers: shown.map((p) => ({ id: p.id, title: p.title, authors: p.authors, upvotes: p.upvotes })) });
    await userEvent.click(await screen.findByRole('tab', { name: 'On this page' }));
    const list = await screen.findByRole('list', { name: 'Papers on this page' });
    expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual(shown.map((p) => p.title));

    const first = within(list).getAllByRole('listitem')[0]!;
    await userEvent.click(within(first).getByRole('button', { name: /^Save/ }));
    await waitFor(() => expect(within(first).getByRole('button', { name: /^Saved/ })).toHaveAttribute('aria-pressed', 'true'));
    await userEvent.type(within(first).getByRole('combobox', { name: 'Add tag' }), 'agents{Enter}');
    await waitFor(async () => expect((await library.getPaper(shown[0]!.id))?.tags).toEqual(['agents']));

    await userEvent.type(screen.getByRole('textbox', { name: 'Tags for all (comma-separated)' }), 'week 47, LLM');
    await userEvent.click(screen.getByRole('button', { name: 'Save all' }));
    await waitFor(async () => expect(await library.countPapers()).toBe(4));
    expect((await library.getPaper(shown[0]!.id))?.tags).toEqual(['agents', 'week 47', 'LLM']);
    expect((await library.getPaper(shown[3]!.id))?.tags).toEqual(['week 47', 'LLM']);
  });
});

describe('popup: new', () => {
  it('shows an empty state and when the next check is', async () => {
    const time = clock();
    renderPopup(freshLibrary(), { now: time.now });
    await fakeBrowser.storage.local.set({ [TRENDING_STATUS_KEY]: { failures: 0, lastCheckAt: time.now(), nextCheckAt: time.now() + 30 * 60_000 } });
    await userEvent.click(await screen.findByRole('tab', { name: 'New' }));
    expect(await screen.findByText('Nothing new since you last looked.')).toBeInTheDocument();
    expect(screen.getByText(/Checked at \d\d:\d\d(\s?[AP]M)?, next check at \d\d:\d\d/)).toBeInTheDocument();
  });

  it('says what went wrong with the last check', async () => {
    const time = clock();
    await fakeBrowser.storage.local.set({
      [TRENDING_STATUS_KEY]: { failures: 1, lastCheckAt: time.now(), nextCheckAt: time.now() + 4 * 60_000, error: { kind: 'offline', message: 'Offline', at: time.now() } },
    });
    renderPopup(freshLibrary(), { now: time.now });
    await userEvent.click(await screen.findByRole('tab', { name: 'New' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Offline, retrying in 4 min');
  });

  it('says when the check could not be made for want of access to huggingface.co', async () => {
    const time = clock();
    await fakeBrowser.storage.local.set({
      [TRENDING_STATUS_KEY]: { failures: 1, lastCheckAt: time.now(), nextCheckAt: time.now() + 4 * 60_000, error: { kind: 'no-access', message: 'No access to huggingface.co', at: time.now() } },
    });
    renderPopup(freshLibrary(), { now: time.now });
    await userEvent.click(await screen.findByRole('tab', { name: 'New' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^No access to huggingface\.co/);
    expect(screen.getByRole('alert')).not.toHaveTextContent(/Offline/);
  });

  it('lists new papers best first, saves one and marks all seen', async () => {
    const time = clock();
    const library = freshLibrary(time.now);
    const { watcher } = renderPopup(library, { now: time.now });
    const rows = SEED_PAPERS.slice(0, 3).map((p, i) => ({
      id: p.id,
      paper: metadata({ id: p.id, title: p.title }),
      rank: 3 - i,
      upvotes: p.upvotes,
      firstSeenAt: time.now(),
      lastSeenAt: time.now(),
      status: 'new' as const,
    }));
    await library.db.trending.bulkPut(rows);
    await watcher.refreshBadge();
    await userEvent.click(await screen.findByRole('tab', { name: 'New' }));
    const list = await screen.findByRole('list', { name: 'New papers' });
    await waitFor(() => expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual(SEED_PAPERS.slice(0, 3).map((p) => p.title).reverse()));
    await userEvent.click(screen.getByRole('button', { name: 'Mark all seen' }));
    expect(await screen.findByText('Nothing new since you last looked.')).toBeInTheDocument();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect((await fakeBrowser.storage.local.get(NEW_PAPERS_KEY))[NEW_PAPERS_KEY]).toEqual([]);
  });

  it('renders only the rows on screen of a long list, and says which papers have left the list', async () => {
    const time = clock();
    const library = freshLibrary(time.now);
    const { watcher } = renderPopup(library, { now: time.now });
    const papers = manyPapers(2000, 300);
    await library.db.trending.bulkPut(
      papers.map((p, i) => ({
        id: p.id,
        paper: metadata({ id: p.id, title: `${i === 0 ? 'Gone' : 'Still here'} ${i}` }),
        rank: i + 1,
        upvotes: 1,
        firstSeenAt: time.now(),
        lastSeenAt: i === 0 ? time.now() - 60_000 : time.now(),
        status: 'new' as const,
      })),
    );
    await fakeBrowser.storage.local.set({ [TRENDING_STATUS_KEY]: { failures: 0, lastCheckAt: time.now(), listedAt: time.now() } });
    await watcher.refreshBadge();
    await userEvent.click(await screen.findByRole('tab', { name: 'New' }));
    const list = await screen.findByRole('list', { name: 'New papers' });
    await waitFor(() => expect(within(list).getAllByRole('link')[0]).toHaveTextContent('Gone 0'));
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(40);
    expect(within(list).getByLabelText('Left the list (was #1)')).toHaveTextContent('Left the list');
    expect(within(list).getByLabelText('Rank 2')).toHaveTextContent('#2');
  });
});
