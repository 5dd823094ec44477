import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { backupJson, parseBackup } from '@/lib/export/backup';
import { toBibtex } from '@/lib/export/bibtex';
import { toCsv } from '@/lib/export/csv';
import { toMarkdown } from '@/lib/export/markdown';
import { planImport, type ImportPlan } from '@/lib/export/plan-import';
import { errorMessage } from '@/lib/messages/client';
import type { Paper } from '@/lib/paper/model';
import { useOptionsServices } from '@/components/options/services';
import { t, tn, type MessageKey } from '@/lib/i18n';
import { uiLocale } from '@/lib/locale';
import { tParts } from '@/components/i18n';

const FORMATS = {
  json: { label: 'options_format_json', type: 'application/json', ext: 'json', render: (p: Paper[]) => backupJson(p) },
  bibtex: { label: 'options_format_bibtex', type: 'application/x-bibtex', ext: 'bib', render: toBibtex },
  csv: { label: 'options_format_csv', type: 'text/csv', ext: 'csv', render: toCsv },
  markdown: { label: 'options_format_markdown', type: 'text/markdown', ext: 'md', render: (p: Paper[]) => toMarkdown(p) },
} as const satisfies Record<string, { label: MessageKey; type: string; ext: string; render: (papers: Paper[]) => string }>;
type Format = keyof typeof FORMATS;

type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; loaded: number; total: number }
  | { step: 'error'; error: string }
  | { step: 'preview'; plan: ImportPlan; fileName: string }
  | { step: 'importing'; written: number; total: number }
  | { step: 'done'; message: string };

export function DataSection() {
  const { reader, importPapers, download, send } = useOptionsServices();
  const tags = useLiveQuery(() => reader.tagCounts(), [reader]) ?? [];
  const count = useLiveQuery(() => reader.count(), [reader]);
  const [scope, setScope] = useState('');
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [syncOn, setSyncOn] = useState(false);

  const [exportError, setExportError] = useState<string>();

  const exportAs = async (format: Format) => {
    const f = FORMATS[format];
    setExportError(undefined);
    try {
      const papers = await reader.forExport(scope || undefined);
      const day = new Date().toISOString().slice(0, 10);
      download(`papershelf-${scope ? `${scope.replace(/[^\w-]+/g, '-')}-` : ''}${day}.${f.ext}`, f.type, f.render(papers));
    } catch (error) {
      setExportError(t('options_export_failed', t(f.label), errorMessage(error)));
    }
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    setState({ step: 'reading', loaded: 0, total: file.size });
    try {
      const text = await readWithProgress(file, (loaded) => setState({ step: 'reading', loaded, total: file.size }));
      const parsed = parseBackup(text);
      if (!parsed.ok) return setState({ step: 'error', error: parsed.error });
      const existing = await reader.papers(parsed.backup.papers.map((p) => p.id));
      setState({ step: 'preview', plan: planImport(existing, parsed.backup.papers), fileName: file.name });
    } catch (error) {
      setState({ step: 'error', error: t('options_import_failed', errorMessage(error)) });
    }
  };

  const apply = async (plan: ImportPlan) => {
    const papers = [...plan.added, ...plan.updated];
    setState({ step: 'importing', written: 0, total: papers.length });
    try {
      await importPapers(papers, (written, total) => setState({ step: 'importing', written, total }));
      setState({ step: 'done', message: t('options_imported', plan.added.length, plan.updated.length, plan.unchanged) });
    } catch (error) {
      setState({ step: 'error', error: t('options_import_failed', errorMessage(error)) });
    }
  };

  const askToDelete = async () => {
    const reply = await send({ type: 'syncStatus' });
    setSyncOn(reply.ok && reply.status?.on === true);
    setConfirmDelete(true);
  };

  // Deleting with sync on would delete the library in every synced browser: sync goes off first.
  const deleteEverything = async () => {
    setDeleting(true);
    try {
      if (syncOn) {
        const reply = await send({ type: 'setSync', on: false });
        if (!reply.ok) return setState({ step: 'error', error: t('options_delete_sync_failed', reply.error) });
      }
      const deleted = await send({ type: 'deleteAllData' });
      if (!deleted.ok) return setState({ step: 'error', error: deleted.error });
      setConfirmDelete(false);
      setState({ step: 'done', message: t(syncOn ? 'options_deleted_sync_on' : 'options_deleted') });
    } finally {
      setDeleting(false);
    }
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('options_data_heading')}</h2>
      <h3>{t('options_export_heading')}</h3>
      <p>
        <label>
          {t('options_export_scope')}{' '}
          <select aria-label={t('options_export_scope_label')} value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">{tn('options_export_whole', count ?? 0)}</option>
            {tags.map((tag) => (
              <option key={tag.tag} value={tag.tag}>
                {t('options_export_tagged', tag.tag, tag.count)}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p className="buttons">
        {(Object.keys(FORMATS) as Format[]).map((format) => (
          <button key={format} type="button" onClick={() => void exportAs(format)}>
            {t('options_export_as', t(FORMATS[format].label))}
          </button>
        ))}
      </p>
      {exportError && (
        <p className="error" role="alert">
          {exportError}
        </p>
      )}

      <h3>{t('options_import_heading')}</h3>
      <p className="muted">{t('options_import_help')}</p>
      {/* A backup chosen while the library is being deleted would be previewed against papers about to go,
          and one chosen mid-import would hide that import's progress. */}
      <input
        type="file"
        accept=".json,application/json"
        aria-label={t('options_import_choose')}
        disabled={deleting || state.step === 'importing'}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Emptied so that choosing the same file again, after Cancel or a fix, is a change too.
          e.target.value = '';
          void chooseFile(file);
        }}
      />
      {state.step === 'reading' && <Progress label={t('options_import_reading')} value={state.loaded} max={state.total} />}
      {state.step === 'error' && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state.step === 'preview' && (
        <div className="preview" role="region" aria-label={t('options_import_preview_label')}>
          <p>
            {tParts(
              'options_import_preview',
              state.fileName,
              <strong>{t('options_import_new', state.plan.added.length)}</strong>,
              <strong>{t('options_import_updated', state.plan.updated.length)}</strong>,
              state.plan.unchanged,
            )}
          </p>
          <button type="button" onClick={() => void apply(state.plan)} disabled={state.plan.added.length + state.plan.updated.length === 0}>
            {t('options_import')}
          </button>{' '}
          <button type="button" onClick={() => setState({ step: 'idle' })}>
            {t('common_cancel')}
          </button>
        </div>
      )}
      {state.step === 'importing' && <Progress label={t('options_importing')} value={state.written} max={state.total} />}
      {state.step === 'done' && <p role="status">{state.message}</p>}

      <h3>{t('options_delete_heading')}</h3>
      {confirmDelete ? (
        <div role="group" aria-label={t('options_delete_confirm_label')}>
          <p>{tn('options_delete_warning', count ?? 0)}</p>
          {syncOn && <p role="note">{t('options_delete_sync_note')}</p>}
          <button type="button" disabled={deleting} onClick={() => void exportAs('json')}>
            {t('options_export_first')}
          </button>{' '}
          <button type="button" className="danger" disabled={deleting} onClick={() => void deleteEverything()}>
            {t('options_delete_everything')}
          </button>{' '}
          <button type="button" disabled={deleting} onClick={() => setConfirmDelete(false)}>
            {t('common_cancel')}
          </button>
          {deleting && <p role="status">{t(syncOn ? 'options_deleting_sync_on' : 'options_deleting')}</p>}
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => void askToDelete()}>
          {t('options_delete_all')}
        </button>
      )}
    </section>
  );
}

const percent = new Intl.NumberFormat(uiLocale(), { style: 'percent' });

function Progress({ label, value, max }: { label: string; value: number; max: number }) {
  return (
    <p>
      <label>
        {label}: <progress aria-label={label} value={value} max={max || 1} /> {percent.format(max ? value / max : 0)}
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
