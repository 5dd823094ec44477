import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { FinderAnswer } from '@/lib/search/finder';
import type { LibrarySort } from '@/lib/search/library-index';
import type { Paper } from '@/lib/paper/model';
import { BulkBar } from '@/components/popup/BulkBar';
import { LibraryRow } from '@/components/popup/LibraryRow';
import { useServices } from '@/components/popup/services';
import { useAction } from '@/components/popup/useAction';
import { VirtualList } from '@/components/popup/VirtualList';
import { t, tn, type MessageKey } from '@/lib/i18n';
import { FIRST_PAGE } from '@/lib/library/first-rows';

const SORTS: { value: LibrarySort; label: MessageKey }[] = [
  { value: 'relevance', label: 'popup_sort_relevance' },
  { value: 'savedAt', label: 'popup_sort_saved' },
  { value: 'publishedAt', label: 'popup_sort_published' },
  { value: 'upvotes', label: 'popup_sort_upvotes' },
  { value: 'title', label: 'popup_sort_title' },
];

/** Every saved paper: search, filter by tags, sort, edit; a virtual list, so 20,000 papers scroll smoothly. */
export function LibraryView() {
  const { library, send } = useServices();
  const [tags, setTags] = useState<string[]>([]);
  const { text, sort, typeSearch, pickSort } = useSearchAndSort();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<string>();
  const [undo, setUndo] = useState<Paper[]>();
  const { run, error } = useAction();
  // The newest papers at once, in one read, while the library index loads (which starts once they
  // are in, so the two do not queue behind each other); until that read answers, those read before
  // the popup's code loaded.
  const readFirst = useFirstRows();
  const firstPapers = useLiveQuery(() => library.newest(FIRST_PAGE), [library]) ?? readFirst;
  const firstIds = useMemo(() => firstPapers?.map((p) => p.id), [firstPapers]);
  const { answer, searchError } = useLibraryAnswer(text, tags, sort, firstPapers !== undefined);
  // Papers already read, shown in their rows until each row's own read answers.
  const known = useMemo(() => new Map([...(firstPapers ?? []), ...(answer?.firstPapers ?? [])].map((p) => [p.id, p])), [firstPapers, answer]);
  const tagCounts = answer?.tagCounts ?? [];
  const knownTags = tagCounts.map((t) => t.tag);
  const allIds = answer?.ids;
  // With nothing typed, relevance is the order of date saved too.
  const newestFirst = sort === 'savedAt' || sort === 'relevance';
  const ids = allIds ?? (newestFirst && !text.trim() && tags.length === 0 ? firstIds : undefined);
  const total = answer?.total;
  // Known before the index answers: no newest paper means no paper at all.
  const libraryEmpty = total === 0 || (total === undefined && firstPapers?.length === 0);


  const remove = async (papers: Paper[]) => {
    const reply = await run(send({ type: 'unsavePapers', ids: papers.map((p) => p.id) }));
    if (reply.ok) {
      setUndo(reply.papers);
      setSelected(new Set());
    }
  };
  const toggleTag = (tag: string) => setTags((now) => (now.includes(tag) ? now.filter((t) => t !== tag) : [...now, tag]));

  return (
    <section aria-label={t('popup_tab_library')} className="library">
      <input
        type="search"
        className="search"
        aria-label={t('popup_search_label')}
        placeholder={total === undefined ? t('popup_search_placeholder') : tn('popup_search_placeholder', total)}
        value={text}
        onChange={(e) => typeSearch(e.target.value)}
        autoFocus
      />
      <div className="filters">
        <label>
          {t('popup_sort_by')}{' '}
          <select aria-label={t('popup_sort_by')} value={sort} onChange={(e) => pickSort(e.target.value as LibrarySort)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {t(s.label)}
              </option>
            ))}
          </select>
        </label>
        {tagCounts.length > 0 && (
          <div className="tag-filter" role="group" aria-label={t('popup_tag_filter_label')}>
            {tagCounts.map(({ tag, count }) => (
              <button
                key={tag}
                type="button"
                className="chip"
                aria-pressed={tags.includes(tag)}
                title={t('popup_tag_filter_title', tag, count)}
                onClick={() => toggleTag(tag)}
              >
                {tag} <span className="count">{count}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      <div aria-live="polite">
        {answer?.approximate && allIds && allIds.length > 0 && <p className="notice">{t('popup_close_matches')}</p>}
        <p className="muted">
          {allIds === undefined ? t('popup_searching') : total === undefined || allIds.length === total ? tn('popup_count', allIds.length) : tn('popup_count_of', allIds.length, total)}
        </p>
      </div>
      {(error || searchError) && (
        <p className="error" role="alert">
          {error ?? searchError}
        </p>
      )}
      {undo && (
        <div className="toast" role="status">
          {undo.length === 1 ? t('popup_removed_paper', undo[0]!.title) : tn('popup_removed_papers', undo.length)}{' '}
          <button
            type="button"
            onClick={() => void run(send({ type: 'restorePapers', papers: undo })).then((r) => r.ok && setUndo(undefined))}
          >
            {t('common_undo')}
          </button>
          <button type="button" aria-label={t('popup_dismiss')} onClick={() => setUndo(undefined)}>
            ×
          </button>
        </div>
      )}
      {selected.size > 0 && (
        <BulkBar
          ids={[...selected]}
          knownTags={knownTags}
          run={run}
          onRemove={async () => remove([...(await library.papers([...selected])).values()])}
          onClear={() => setSelected(new Set())}
        />
      )}
      {ids && ids.length === 0 && (libraryEmpty || allIds) && (
        <p className="empty">
          {libraryEmpty ? t('popup_library_empty') : t('popup_no_match')}
        </p>
      )}
      <VirtualList
        label={t('popup_saved_papers_label')}
        count={(allIds ? allIds.length : total) ?? ids?.length ?? 0}
        idAt={(index) => ids?.[index]}
        renderRow={(index, id) => (
          <LibraryRow
            id={id}
            known={known.get(id)}
            selected={selected.has(id)}
            expanded={expanded === id}
            knownTags={knownTags}
            run={run}
            onSelect={(on) =>
              setSelected((now) => {
                const next = new Set(now);
                if (on) next.add(id);
                else next.delete(id);
                return next;
              })
            }
            onExpand={(open) => setExpanded(open ? id : undefined)}
            onRemove={(paper) => void remove([paper])}
          />
        )}
      />
    </section>
  );
}

/** The newest papers as first-rows.js read them, once it has (see lib/library/first-rows.ts). */
function useFirstRows(): Paper[] | undefined {
  const { firstRows } = useServices();
  const [rows, setRows] = useState(() => firstRows?.read());
  useEffect(() => {
    if (rows || !firstRows) return;
    let current = true;
    void firstRows.reading.then((read) => current && read && setRows(read));
    return () => {
      current = false;
    };
  }, [firstRows, rows]);
  return rows;
}

/**
 * The search text and the sort. Typing into an empty search sorts by relevance; clearing it brings back
 * the sort from before, unless one was picked while searching.
 */
function useSearchAndSort() {
  const [text, setText] = useState('');
  const [sort, setSort] = useState<LibrarySort>('savedAt');
  const [sortBeforeSearch, setSortBeforeSearch] = useState<LibrarySort>();
  const typeSearch = (next: string) => {
    const searching = text.trim() !== '';
    const willSearch = next.trim() !== '';
    if (!searching && willSearch && sort !== 'relevance') {
      setSortBeforeSearch(sort);
      setSort('relevance');
    } else if (searching && !willSearch && sortBeforeSearch) {
      setSort(sortBeforeSearch);
      setSortBeforeSearch(undefined);
    }
    setText(next);
  };
  const pickSort = (picked: LibrarySort) => {
    setSort(picked);
    setSortBeforeSearch(undefined);
  };
  return { text, sort, typeSearch, pickSort };
}

/**
 * The list for the current search, tags and sort, asked of the library index on every change and
 * again whenever the library changes (the change log's newest entry moves). Answers to superseded
 * questions are dropped; the last answer stays on screen until the next one arrives.
 */
function useLibraryAnswer(text: string, tags: string[], sort: LibrarySort, start: boolean) {
  const { library, finder } = useServices();
  const [answer, setAnswer] = useState<FinderAnswer>();
  const [searchError, setSearchError] = useState<string>();
  // A number, so a re-read that finds the same newest change (the log being pruned) changes nothing.
  const revision = useLiveQuery(() => library.revision(), [library]);
  useEffect(() => {
    if (revision === undefined || !start) return;
    let current = true;
    finder.find({ text, tags, sort }, revision).then(
      (found) => {
        if (!current) return;
        setAnswer(found);
        setSearchError(undefined);
      },
      (failure: unknown) => current && setSearchError(t('popup_search_unavailable', failure instanceof Error ? failure.message : String(failure))),
    );
    return () => {
      current = false;
    };
  }, [finder, text, tags, sort, revision, start]);
  return { answer, searchError };
}
