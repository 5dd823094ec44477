import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing';
import { Options } from '@/components/options/Options';
import type { Library } from '@/lib/library/library';
import type { Request } from '@/lib/messages/protocol';
import { newPaper } from '@/lib/paper/paper';
import { initialSyncStatus, SYNC_STATUS_KEY, type SyncStatus } from '@/lib/sync/service/status';
import { freshLibrary, metadata } from '../helpers';
import { optionsServices } from './harness';

/** A background whose sync is `status`; setSync switches it, once `held` (if given) lets it. */
function renderWithSync(library: Library, status: SyncStatus, held?: Promise<void>) {
  let current = status;
  const requests: Request[] = [];
  const { services, send: router } = optionsServices(library);
  const send = vi.fn(async (request: Request) => {
    requests.push(request);
    if (request.type === 'setSync') {
      await held;
      current = { ...current, on: request.on };
    }
    if (request.type === 'setSync' || request.type === 'syncStatus') return { ok: true, status: current } as never;
    return router(request as never);
  });
  render(<Options services={{ ...services, send: send as never }} />);
  return { requests, setStatus: (s: SyncStatus) => (current = s) };
}

const syncing: SyncStatus = {
  ...initialSyncStatus(true),
  papers: 1500,
  syncedPapers: 1240,
  bytesUsed: 38_912,
  unsynced: { papers: 260, marks: 0, tooLarge: 0, blocked: 0 },
};

describe('options: sync', () => {
  it('is off by default and says what it sends and where', async () => {
    renderWithSync(freshLibrary(), initialSyncStatus(false));
    const toggle = await screen.findByRole('checkbox', { name: 'Sync my library through this browser’s sync' });
    await waitFor(() => expect(toggle).toBeEnabled());
    expect(toggle).not.toBeChecked();
    const section = screen.getByRole('region', { name: 'Sync' });
    expect(section).toHaveTextContent(/sends paper ids, tags, notes, dates, “not interested” marks and settings to your browser vendor’s sync service/);
    expect(section).toHaveTextContent(/Firefox encrypts them end to end; Chrome encrypts them with your sync passphrase if you set one/);
    expect(within(section).queryByRole('status')).toBeNull();
  });

  it('turns on, then shows the status line and every problem, and follows status changes', async () => {
    const { requests, setStatus } = renderWithSync(freshLibrary(), initialSyncStatus(false));
    const toggle = await screen.findByRole('checkbox', { name: 'Sync my library through this browser’s sync' });
    await waitFor(() => expect(toggle).toBeEnabled());
    setStatus({ ...syncing, on: false });
    await userEvent.click(toggle);
    expect(requests).toContainEqual({ type: 'setSync', on: true });
    expect(await screen.findByRole('status', { name: 'Sync status' })).toHaveTextContent('1,240 papers synced, 38% of the space.');
    expect(screen.getByRole('alert', { name: 'Sync problems' })).toHaveTextContent('The sync space is full: 260 papers are not synced; a backup export moves the rest.');

    // The background rewrites the status: the page reads it again.
    setStatus({ ...syncing, syncedPapers: 1500, unsynced: { papers: 0, marks: 0, tooLarge: 0, blocked: 0 } });
    await fakeBrowser.storage.local.set({ [SYNC_STATUS_KEY]: { changed: true } });
    await waitFor(() => expect(screen.getByRole('status', { name: 'Sync status' })).toHaveTextContent('1,500 papers synced'));
    expect(screen.queryByRole('alert', { name: 'Sync problems' })).toBeNull();
  });

  it('turns sync off before deleting all data, so other browsers keep their library', async () => {
    const library = freshLibrary();
    await library.importPapers([newPaper(metadata(), Date.UTC(2026, 5, 3))]);
    let letSyncGoOff = () => {};
    const { requests } = renderWithSync(library, syncing, new Promise((resolve) => (letSyncGoOff = resolve)));
    await userEvent.click(await screen.findByRole('button', { name: 'Delete all data…' }));
    const confirm = await screen.findByRole('group', { name: 'Confirm deleting all data' });
    expect(within(confirm).getByRole('note')).toHaveTextContent('Sync is on: PaperShelf turns it off in this browser first, so your other browsers keep their library.');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete everything' }));

    // While sync goes off (a busy background can take a while), the page says what it is doing and takes no second click.
    expect(await within(confirm).findByRole('status')).toHaveTextContent('Turning sync off in this browser, then deleting all data…');
    expect(within(confirm).getByRole('button', { name: 'Delete everything' })).toBeDisabled();
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect(await library.countPapers()).toBe(1);
    letSyncGoOff();
    await waitFor(async () => expect(await library.countPapers()).toBe(0));
    expect(requests).toContainEqual({ type: 'setSync', on: false });
    expect(await screen.findByText('All data deleted in this browser. Sync is off; your other browsers keep their library.')).toBeInTheDocument();
  });

  it('deletes nothing when sync cannot be turned off', async () => {
    const library = freshLibrary();
    await library.importPapers([newPaper(metadata(), Date.UTC(2026, 5, 3))]);
    const send = vi.fn(async (request: Request) =>
      (request.type === 'setSync' ? { ok: false, error: 'PaperShelf did not answer' } : { ok: true, status: syncing }) as never,
    );
    render(<Options services={optionsServices(library, { send: send as never }).services} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete all data…' }));
    await userEvent.click(within(await screen.findByRole('group', { name: 'Confirm deleting all data' })).getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByText('Nothing was deleted: sync could not be turned off (PaperShelf did not answer).')).toBeInTheDocument();
    expect(await library.countPapers()).toBe(1);
  });
});
