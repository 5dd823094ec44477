import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Reply } from '@/lib/messages/protocol';
import type { Paper } from '@/lib/paper/model';
import { TagEditor } from '@/components/TagEditor';
import { PaperByline, SaveToggle } from '@/components/popup/paper-bits';
import { useServices } from '@/components/popup/services';
import { t } from '@/lib/i18n';

interface LibraryRowProps {
  id: string;
  /** The paper as already read with others (the first rows of the list), shown until its own read answers. */
  known?: Paper;
  selected: boolean;
  expanded: boolean;
  knownTags: string[];
  onSelect: (selected: boolean) => void;
  onExpand: (expanded: boolean) => void;
  onRemove: (paper: Paper) => void;
  run: <R extends Reply>(request: Promise<R>) => Promise<R>;
}

/** One saved paper: title, who and when, tags; expanded, its links, tag editor and note. */
export function LibraryRow({ id, known, selected, expanded, knownTags, onSelect, onExpand, onRemove, run }: LibraryRowProps) {
  const { library, send } = useServices();
  const read = useLiveQuery(() => library.paper(id), [library, id]);
  // A row given another paper keeps the last one read until the new read answers: never show it.
  const paper = read?.id === id ? read : known;
  if (!paper) return <div className="row placeholder" aria-hidden="true" />;
  return (
    <div className={`row${expanded ? ' expanded' : ''}`}>
      <div className="row-head">
        <input type="checkbox" aria-label={t('popup_select_label', paper.title)} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
        <div className="row-text">
          <a className="title" href={paper.links.huggingFace} target="_blank" rel="noreferrer" tabIndex={-1}>
            {paper.title}
          </a>
          {paper.detailsPending ? <span className="byline">{t('popup_details_pending')}</span> : <PaperByline paper={paper} />}
          {paper.tags.length > 0 && !expanded && <span className="tags-line">{paper.tags.map((t) => `#${t}`).join(' ')}</span>}
        </div>
        <SaveToggle saved title={paper.title} onToggle={() => onRemove(paper)} />
        <button type="button" className="more" aria-expanded={expanded} aria-label={t('popup_details_label', paper.title)} onClick={() => onExpand(!expanded)}>
          {expanded ? '▴' : '▾'}
        </button>
      </div>
      {expanded && (
        <div className="details">
          <nav className="links" aria-label={t('popup_links_label')}>
            <a href={paper.links.huggingFace} target="_blank" rel="noreferrer">Hugging Face</a>
            <a href={paper.links.arxiv} target="_blank" rel="noreferrer">arXiv</a>
            <a href={paper.links.pdf} target="_blank" rel="noreferrer">PDF</a>
            {paper.github && (
              <a href={paper.github.repo} target="_blank" rel="noreferrer">
                GitHub{paper.github.stars !== undefined ? ` ★ ${paper.github.stars}` : ''}
              </a>
            )}
          </nav>
          <TagEditor
            tags={paper.tags}
            knownTags={knownTags}
            onAdd={(tag) => void run(send({ type: 'addTag', id, tag }))}
            onRemove={(tag) => void run(send({ type: 'removeTag', id, tag }))}
          />
          <NoteEditor key={paper.note} note={paper.note} onSave={(note) => void run(send({ type: 'setNote', id, note }))} />
          <button type="button" className="danger" onClick={() => onRemove(paper)}>
            {t('popup_remove_from_library')}
          </button>
        </div>
      )}
    </div>
  );
}

/** A note saved when the field loses focus (or on Ctrl/Cmd+Enter); keyed by the stored note, so a change made elsewhere shows. */
function NoteEditor({ note, onSave }: { note: string; onSave: (note: string) => void }) {
  const [draft, setDraft] = useState(note);
  const save = () => draft !== note && onSave(draft);
  return (
    <textarea
      aria-label={t('popup_note_label')}
      placeholder={t('popup_note_placeholder')}
      rows={3}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
      }}
    />
  );
}
