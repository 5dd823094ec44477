import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { backupJson, parseBackup } from '@/lib/export/backup';
import { toBibtex } from '@/lib/export/bibtex';
import { toCsv } from '@/lib/export/csv';
import { toMarkdown } from '@/lib/export/markdown';
import { planImport, type ImportPlan } from '@/lib/export/plan-import';
import { countTags } from '@/lib/library/library';
import { errorMessage } from '@/lib/messages/client';
import type { Paper } from '@/lib/paper/model';
import { useOptionsServices } from './services';

const FORMATS = {
  json: { label: 'JSON backup', type: 'application/json', ext: 'json', render: (p: Paper[]) => backupJson(p) },
  bibtex: { label: 'BibTeX', type: 'application/x-bibtex', ext: 'bib', render: toBibtex },
  csv: { label: 'CSV', type: 'text/csv', ext: 'csv', render: toCsv },
  markdown: { label: 'Markdown reading list', type: 'text/markdown', ext: 'md', render: (p: Paper[]) => toMarkdown(p) },
} as const;
type Format = keyof typeof FORMATS;

type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; loaded: number; total: number }
  | { step: 'error'; error: string }
  | { step: 'preview'; plan: ImportPlan; fileName: string }
  | { step: 'importing'; written: number; total: number }
  | { step: 'done'; message: string };

export function DataSection() {
  const { library, download, send } = useOptionsServices();
  const tags = useLiveQuery(() => countTags(library.db), [library]) ?? [];
  const count = useLiveQuery(() => library.countPapers(), [library]);
  const [scope, setScope] = useState('');
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [syncOn, setSyncOn] = useState(false);

  const [exportError, setExportError] = useState<string>();

  const exportAs = async (format: Format) => {
    const f = FORMATS[format];
    setExportError(undefined);
    try {
      const papers = await library.allPapers(scope || undefined);
      const day = new Date().toISOString().slice(0, 10);
      download(`papershelf-${scope ? `${scope.replace(/[^\w-]+/g, '-')}-` : ''}${day}.${f.ext}`, f.type, f.render(papers));
    } catch (error) {
      setExportError(`The ${f.label} export failed: ${errorMessage(error)}. Your library is unchanged.`);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setState({ step: 'reading', loaded: 0, total: file.size });
    const text = await readWithProgress(file, (loaded) => setState({ step: 'reading', loaded, total: file.size }));
    const parsed = parseBackup(text);
    if (!parsed.ok) return setState({ step: 'error', error: parsed.error });
    const existing = new Map((await library.getPapers(parsed.backup.papers.map((p) => p.id))).map((p) => [p.id, p]));
    setState({ step: 'preview', plan: planImport(existing, parsed.backup.papers), fileName: file.name });
  };

  const apply = async (plan: ImportPlan) => {
    const papers = [...plan.added, ...plan.updated];
    setState({ step: 'importing', written: 0, total: papers.length });
    try {
      await library.importPapers(papers, (written, total) => setState({ step: 'importing', written, total }));
      setState({ step: 'done', message: `Imported: ${plan.added.length} new, ${plan.updated.length} updated, ${plan.unchanged} unchanged.` });
    } catch (error) {
      setState({ step: 'error', error: `The import failed and nothing was changed: ${errorMessage(error)}` });
    }
  };

  const askToDelete = async () => {
    const reply = await send({ type: 'syncStatus' });
    setSyncOn(reply.ok && reply.status?.on === true);
    setConfirmDelete(true);
  };

  // Deleting with sync on would delete the library in every synced browser: sync goes off first.
  const deleteEverything = async () => {
    if (syncOn) {
      const reply = await send({ type: 'setSync', on: false });
      if (!reply.ok) return setState({ step: 'error', error: `Nothing was deleted: sync could not be turned off (${reply.error}).` });
    }
    await library.deleteAll();
    setConfirmDelete(false);
    setState({ step: 'done', message: syncOn ? 'All data deleted in this browser. Sync is off; your other browsers keep their library.' : 'All data deleted.' });
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Data</h2>
      <h3>Export</h3>
      <p>
        <label>
          Export{' '}
          <select aria-label="What to export" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">the whole library ({count ?? 0} papers)</option>
            {tags.map((t) => (
              <option key={t.tag} value={t.tag}>
                papers tagged “{t.tag}” ({t.count})
              </option>
            ))}
          </select>
        </label>
      </p>
      <p className="buttons">
        {(Object.keys(FORMATS) as Format[]).map((format) => (
          <button key={format} type="button" onClick={() => void exportAs(format)}>
            Export {FORMATS[format].label}
          </button>
        ))}
      </p>
      {exportError && (
        <p className="error" role="alert">
          {exportError}
        </p>
      )}

      <h3>Import a backup</h3>
      <p className="muted">A JSON backup from PaperShelf. Papers you already have are merged: tags are united and the newer note wins.</p>
      <input type="file" accept=".json,application/json" aria-label="Choose a backup file" onChange={(e) => void chooseFile(e.target.files?.[0])} />
      {state.step === 'reading' && <Progress label="Reading the file" value={state.loaded} max={state.total} />}
      {state.step === 'error' && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state.step === 'preview' && (
        <div className="preview" role="region" aria-label="Import preview">
          <p>
            {state.fileName}: <strong>{state.plan.added.length} new</strong>, <strong>{state.plan.updated.length} updated</strong>,{' '}
            {state.plan.unchanged} unchanged.
          </p>
          <button type="button" onClick={() => void apply(state.plan)} disabled={state.plan.added.length + state.plan.updated.length === 0}>
            Import
          </button>{' '}
          <button type="button" onClick={() => setState({ step: 'idle' })}>
            Cancel
          </button>
        </div>
      )}
      {state.step === 'importing' && <Progress label="Importing" value={state.written} max={state.total} />}
      {state.step === 'done' && <p role="status">{state.message}</p>}

      <h3>Delete all data</h3>
      {confirmDelete ? (
        <div role="group" aria-label="Confirm deleting all data">
          <p>
            This removes all {count ?? 0} papers, their tags and notes, and the trending history. It cannot be undone.
          </p>
          {syncOn && (
            <p role="note">
              Sync is on: PaperShelf turns it off in this browser first, so your other browsers keep their library. To empty them too, delete
              all data in each of them.
            </p>
          )}
          <button type="button" onClick={() => void exportAs('json')}>
            Export a backup first
          </button>{' '}
          <button
            type="button"
            className="danger"
            onClick={() => void deleteEverything()}
          >
            Delete everything
          </button>{' '}
          <button type="button" onClick={() => setConfirmDelete(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => void askToDelete()}>
          Delete all data…
        </button>
      )}
    </section>
  );
}

function Progress({ label, value, max }: { label: string; value: number; max: number }) {
  return (
    <p>
      <label>
        {label}: <progress aria-label={label} value={value} max={max || 1} /> {max ? Math.round((100 * value) / max) : 0}%
      </label>
    </p>
  );
}

function readWithProgress(file: File, onProgress: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file);
  });
}
