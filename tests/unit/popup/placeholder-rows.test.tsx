import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fillPaperDetails } from '@/lib/sync/service/paper-details';
import { placeholderPaper } from '@/lib/paper/paper';
import { SEED_PAPERS } from '../../fixtures/hf/markup';
import { freshLibrary, metadata } from '../helpers';
import { renderPopup } from './harness';

describe('popup: papers that came through sync', () => {
  it('shows the arXiv id and "details on the way" until the details come, and lets tags and notes be edited meanwhile', async () => {
    const library = freshLibrary();
    const p = SEED_PAPERS[0]!;
    await library.importPapers([placeholderPaper({ id: p.id, tags: ['from sync'], note: 'synced note', savedAt: Date.UTC(2026, 10, 1), updatedAt: Date.UTC(2026, 10, 1) })]);
    renderPopup(library, { tab: { id: 1, url: 'https://example.org/' } });
    const list = await screen.findByRole('list', { name: 'Saved papers' });
    await waitFor(() => expect(within(list).getByRole('link', { name: p.id })).toBeInTheDocument());
    expect(within(list).getByText('details on the way')).toBeInTheDocument();

    await userEvent.click(within(list).getByRole('button', { name: `Details: ${p.id}` }));
    expect(within(list).getByRole('textbox', { name: 'Note' })).toHaveValue('synced note');

    await fillPaperDetails(library, [metadata({ id: p.id, title: p.title, authors: p.authors })]);
    await waitFor(() => expect(within(list).getByRole('link', { name: p.title })).toBeInTheDocument());
    expect(within(list).queryByText('details on the way')).toBeNull();
  });
});
