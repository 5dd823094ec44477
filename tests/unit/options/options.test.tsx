import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Options } from '@/components/options/Options';
import type { OptionsServices } from '@/components/options/services';
import { backupJson } from '@/lib/export/backup';
import type { Library } from '@/lib/library/library';
import { newPaper } from '@/lib/paper/paper';
import { loadTrendingSettings } from '@/lib/trending/settings';
import { SEED_PAPERS } from '../../fixtures/hf/markup';
import { freshLibrary, metadata } from '../helpers';
import { optionsServices } from './harness';

function renderOptions(library: Library, overrides: Partial<OptionsServices> = {}) {
  const { services, send } = optionsServices(library, overrides);
  render(<Options services={services} />);
  return { download: services.download as ReturnType<typeof vi.fn>, send, requestNotifications: services.requestNotifications };
}

const papers = (n: number, tags: (i: number) => string[] = () => []) =>
  SEED_PAPERS.slice(0, n).map((p, i) => newPaper(metadata({ id: p.id, title: p.title, authors: p.authors }), 1_700_000_000_000 + i, tags(i)));

function backupFile(text: string, name = 'papershelf.json') {
  return new File([text], name, { type: 'application/json' });
}

describe('options: tags', () => {
  it('renames, merges and deletes tags', async () => {
    const library = freshLibrary();
    await library.importPapers(papers(4, (i) => (i < 2 ? ['llm'] : ['LLMs', 'vision'])));
    renderOptions(library);
    const rename = await screen.findByRole('textbox', { name: 'New name for llm' });
    await userEvent.clear(rename);
    await userEvent.type(rename, 'language models');
    await userEvent.click(screen.getByRole('button', { name: 'Rename llm' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Renamed “llm” to “language models” on 2 papers.');

    const merge = await screen.findByRole('textbox', { name: 'New name for LLMs' });
    await userEvent.clear(merge);
    await userEvent.type(merge, 'Language Models');
    await userEvent.click(screen.getByRole('button', { name: 'Merge LLMs into language models' }));
    await waitFor(async () => expect(await library.countPerTag()).toEqual([{ tag: 'language models', count: 4 }, { tag: 'vision', count: 2 }]));

    await userEvent.click(screen.getByRole('button', { name: 'Delete tag vision' }));
    await userEvent.click(within(screen.getByRole('group', { name: 'Delete vision?' })).getByRole('button', { name: 'Delete tag' }));
    await waitFor(async () => expect(await library.countPerTag()).toEqual([{ tag: 'language models', count: 4 }]));
    expect(await library.countPapers()).toBe(4);
  });
});

describe('options: data', () => {
  it('exports the library or one tag in each format', async () => {
    const library = freshLibrary();
    await library.importPapers(papers(3, (i) => (i === 0 ? ['keep'] : [])));
    const { download } = renderOptions(library);
    await userEvent.click(await screen.findByRole('button', { name: 'Export BibTeX' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [name, type, text] = download.mock.calls[0]!;
    expect(name).toMatch(/^papershelf-\d{4}-\d\d-\d\d\.bib$/);
    expect(type).toBe('application/x-bibtex');
    expect(text.match(/@misc\{/g)).toHaveLength(3);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'What to export' }), 'keep');
    await userEvent.click(screen.getByRole('button', { name: 'Export JSON backup' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    expect(JSON.parse(download.mock.calls[1]![2]).papers).toHaveLength(1);
  });

  it('previews an import, then applies it with merged tags', async () => {
    const library = freshLibrary();
    const mine = papers(3);
    await library.importPapers(mine);
    const theirs = [...papers(5, () => ['from backup']).map((p, i) => (i === 0 ? { ...p, updatedAt: p.updatedAt + 10 } : i < 3 ? mine[i]! : p))];
    renderOptions(library);
    await userEvent.upload(await screen.findByLabelText('Choose a backup file'), backupFile(backupJson(theirs)));
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(preview).toHaveTextContent('2 new, 1 updated, 2 unchanged.');
    await userEvent.click(within(preview).getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Imported: 2 new, 1 updated, 2 unchanged.');
    expect(await library.countPapers()).toBe(5);
    expect((await library.getPaper(mine[0]!.id))?.tags).toEqual(['from backup']);
  });

  it.each([
    ['not JSON', 'PaperShelf!', /not JSON/],
    ['cut short', backupJson(papers(3)).slice(0, 300), /cut short/],
    ['of another version', JSON.stringify({ format: 'papershelf-backup', version: 2, exportedAt: '', papers: [] }), /newer PaperShelf/],
  ])('refuses a file that is %s and leaves the library unchanged', async (_, text, message) => {
    const library = freshLibrary();
    await library.importPapers(papers(2));
    renderOptions(library);
    await userEvent.upload(await screen.findByLabelText('Choose a backup file'), backupFile(text));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(await library.countPapers()).toBe(2);
  });

  it('refuses a backup with a date no library can hold, naming the paper, and imports nothing', async () => {
    const library = freshLibrary();
    const file = backupJson(papers(3).map((p, i) => (i === 1 ? { ...p, savedAt: 9e15 } : p)));
    renderOptions(library);
    await userEvent.upload(await screen.findByLabelText('Choose a backup file'), backupFile(file));
    expect(await screen.findByRole('alert')).toHaveTextContent('This backup is damaged: paper 2 (savedAt): Date is after 2099. Nothing was imported.');
    expect(await library.countPapers()).toBe(0);
  });

  it('says so when an import would give a paper more tags than it may hold, and imports nothing', async () => {
    const library = freshLibrary();
    const [mine] = papers(1, () => Array.from({ length: 150 }, (_, i) => `mine ${i}`));
    await library.importPapers([mine!]);
    const theirs = { ...mine!, tags: Array.from({ length: 100 }, (_, i) => `theirs ${i}`), updatedAt: mine!.updatedAt + 1 };
    renderOptions(library);
    await userEvent.upload(await screen.findByLabelText('Choose a backup file'), backupFile(backupJson([theirs])));
    await userEvent.click(within(await screen.findByRole('region', { name: 'Import preview' })).getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The import failed and nothing was changed: A paper can have at most 200 tags.');
    expect((await library.getPaper(mine!.id))?.tags).toHaveLength(150);
  });

  it('previews the same file again when it is chosen again after Cancel', async () => {
    const library = freshLibrary();
    renderOptions(library);
    const chooser = await screen.findByLabelText('Choose a backup file');
    const file = backupFile(backupJson(papers(2)));
    await userEvent.upload(chooser, file);
    await userEvent.click(within(await screen.findByRole('region', { name: 'Import preview' })).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Import preview' })).toBeNull();
    await userEvent.upload(chooser, file);
    expect(await screen.findByRole('region', { name: 'Import preview' })).toHaveTextContent('2 new, 0 updated, 0 unchanged.');
  });

  it('says so when the library cannot be read for the preview, instead of reading forever', async () => {
    const library = freshLibrary();
    const { services } = optionsServices(library);
    services.reader.papers = () => Promise.reject(new Error('The browser refused the storage'));
    render(<Options services={services} />);
    await userEvent.upload(await screen.findByLabelText('Choose a backup file'), backupFile(backupJson(papers(2))));
    expect(await screen.findByRole('alert')).toHaveTextContent('The import failed and nothing was changed: The browser refused the storage');
    expect(screen.queryByRole('progressbar', { name: 'Reading the file' })).toBeNull();
  });

  it('takes no backup file while the library is being deleted, and previews it against the emptied library after', async () => {
    const library = freshLibrary();
    await library.importPapers(papers(3));
    let finishDeleting = () => {};
    const held = new Promise<void>((resolve) => (finishDeleting = resolve));
    const { services, send } = optionsServices(library);
    const route = send.getMockImplementation()!;
    services.send = (async (request: { type: string }) => {
      if (request.type === 'deleteAllData') await held;
      return route(request as never);
    }) as typeof services.send;
    render(<Options services={services} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete all data…' }));
    await userEvent.click(within(screen.getByRole('group', { name: 'Confirm deleting all data' })).getByRole('button', { name: 'Delete everything' }));
    const chooser = screen.getByLabelText('Choose a backup file');
    await waitFor(() => expect(chooser).toBeDisabled());
    finishDeleting();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('All data deleted.'));
    expect(chooser).toBeEnabled();
    await userEvent.upload(chooser, backupFile(backupJson(papers(3))));
    expect(await screen.findByRole('region', { name: 'Import preview' })).toHaveTextContent('3 new, 0 updated, 0 unchanged.');
  });

  it('shows an export that fails where the user clicked', async () => {
    const library = freshLibrary();
    await library.importPapers(papers(2));
    renderOptions(library, { download: vi.fn(() => { throw new Error('The download was blocked'); }) });
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The CSV export failed: The download was blocked. Your library is unchanged.');
  });

  it('deletes all data only after confirmation, offering an export first', async () => {
    const library = freshLibrary();
    await library.importPapers(papers(2));
    const { download } = renderOptions(library);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete all data…' }));
    const confirm = screen.getByRole('group', { name: 'Confirm deleting all data' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Export a backup first' }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    expect(await library.countPapers()).toBe(2);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete everything' }));
    await waitFor(async () => expect(await library.countPapers()).toBe(0));
  });
});

describe('options: trending', () => {
  it('saves the source, interval and watched words, and asks the background to reschedule', async () => {
    const { send } = renderOptions(freshLibrary());
    await userEvent.click(await screen.findByRole('radio', { name: 'the daily list' }));
    const interval = screen.getByRole('spinbutton', { name: 'Check every (minutes)' });
    await userEvent.clear(interval);
    await userEvent.type(interval, '45');
    await userEvent.type(screen.getByRole('textbox', { name: 'Watched words (comma-separated)' }), 'diffusion, state space models');
    await userEvent.click(screen.getByRole('button', { name: 'Save trending settings' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(await loadTrendingSettings()).toMatchObject({ source: 'daily', intervalMinutes: 45, watchWords: ['diffusion', 'state space models'] });
    expect(send).toHaveBeenCalledWith({ type: 'trendingSettingsChanged' });
  });

  it('refuses an interval under 10 minutes', async () => {
    renderOptions(freshLibrary());
    const interval = await screen.findByRole('spinbutton', { name: 'Check every (minutes)' });
    await userEvent.clear(interval);
    await userEvent.type(interval, '3');
    await userEvent.click(screen.getByRole('button', { name: 'Save trending settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('at most every 10 minutes');
    expect((await loadTrendingSettings()).intervalMinutes).toBe(30);
  });

  it('asks for the notifications permission only when notifications are turned on', async () => {
    const requestNotifications = vi.fn(async () => false);
    renderOptions(freshLibrary(), { requestNotifications });
    const box = await screen.findByRole('checkbox', { name: /Desktop notification/ });
    expect(requestNotifications).not.toHaveBeenCalled();
    await userEvent.click(box);
    expect(requestNotifications).toHaveBeenCalledOnce();
    expect(await screen.findByRole('alert')).toHaveTextContent('did not allow');
    expect(box).not.toBeChecked();
  });
});
