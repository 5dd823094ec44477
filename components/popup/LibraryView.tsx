import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { newestPapers } from '@/lib/library/find-papers';
import type { FinderAnswer } from '@/lib/search/finder';
import type { LibrarySort } from '@/lib/search/library-index';
import type { Paper } from '@/lib/paper/model';
import { BulkBar } from './BulkBar';
import { LibraryRow } from './LibraryRow';
import { useServices } from './services';
import { useAction } from './useAction';
import { VirtualList } from './VirtualList';

const FIRST_PAGE = 30;

const SORTS: { value: LibrarySort; label: string }[] = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'savedAt', label: 'Date saved' },
  { value: 'publishedAt', label: 'Date published' },
  { value: 'upvotes', label: 'Upvotes' },
  { value: 'title', label: 'Title' },
];

/** Every saved paper: search, filter by tags, sort, edit; a virtual list, so 20,000 papers scroll smoothly. */
export function LibraryView() {
  const { db, send } = useServices();
  const [tags, setTags] = useState<string[]>([]);
  const { text, sort, typeSearch, pickSort } = useSearchAndSort();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<string>();
  const [undo, setUndo] = useState<Paper[]>();
  const { run, error } = useAction();
  // The newest papers at once, in one read, while the library index loads (which starts once they
  // are in, so the two do not queue behind each other).
  const firstPapers = useLiveQuery(() => newestPapers(db, FIRST_PAGE), [db]);
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
    <section aria-label="Library" className="library">
      <input
        type="search"
        className="search"
        aria-label="Search library"
        placeholder={`Search ${total === 1 ? '1 paper' : `${total ?? 'your'} papers`}: title, abstract, authors, tags, notes`}
        value={text}
        onChange={(e) => typeSearch(e.target.value)}
        autoFocus
      />
      <div className="filters">
        <label>
          Sort by{' '}
          <select aria-label="Sort by" value={sort} onChange={(e) => pickSort(e.target.value as LibrarySort)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {tagCounts.length > 0 && (
          <div className="tag-filter" role="group" aria-label="Filter by tags">
            {tagCounts.map(({ tag, count }) => (
              <button
                key={tag}
                type="button"
                className="chip"
                aria-pressed={tags.includes(tag)}
                title={`Show only papers tagged “${tag}” (${count})`}
                onClick={() => toggleTag(tag)}
              >
                {tag} <span className="count">{count}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      <div aria-live="polite">
        {answer?.approximate && allIds && allIds.length > 0 && <p className="notice">No exact match; showing close ones</p>}
        <p className="muted">
          {allIds === undefined ? 'Searching…' : `${allIds.length} ${allIds.length === 1 ? 'paper' : 'papers'}${allIds.length !== total ? ` of ${total}` : ''}`}
        </p>
      </div>
      {(error || searchError) && (
        <p className="error" role="alert">
          {error ?? searchError}
        </p>
      )}
      {undo && (
        <div className="toast" role="status">
          Removed {undo.length === 1 ? `“${undo[0]!.title}”` : `${undo.length} papers`}.{' '}
          <button
            type="button"
            onClick={() => void run(send({ type: 'restorePapers', papers: undo })).then((r) => r.ok && setUndo(undefined))}
          >
            Undo
          </button>
          <button type="button" aria-label="Dismiss" onClick={() => setUndo(undefined)}>
            ×
          </button>
        </div>
      )}
      {selected.size > 0 && (
        <BulkBar
          ids={[...selected]}
          knownTags={knownTags}
          run={run}
          onRemove={async () => remove((await db.papers.bulkGet([...selected])).filter((p): p is NonNullable<typeof p> => !!p))}
          onClear={() => setSelected(new Set())}
        />
      )}
      {ids && ids.length === 0 && (libraryEmpty || allIds) && (
        <p className="empty">
          {libraryEmpty ? 'Your library is empty. Save papers on huggingface.co/papers or in “On this page”.' : 'No paper matches.'}
        </p>
      )}
      <VirtualList
        label="Saved papers"
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
  const { db, finder } = useServices();
  const [answer, setAnswer] = useState<FinderAnswer>();
  const [searchError, setSearchError] = useState<string>();
  // A number, so a re-read that finds the same newest change (the log being pruned) changes nothing.
  const revision = useLiveQuery(async () => ((await db.changes.toCollection().lastKey()) as number | undefined) ?? 0, [db]);
  useEffect(() => {
    if (revision === undefined || !start) return;
    let current = true;
    finder.find({ text, tags, sort }, revision).then(
      (found) => {
        if (!current) return;
        setAnswer(found);
        setSearchError(undefined);
      },
      (failure: unknown) => current && setSearchError(`Search is not available: ${failure instanceof Error ? failure.message : String(failure)}`),
    );
    return () => {
      current = false;
    };
  }, [finder, text, tags, sort, revision, start]);
  return { answer, searchError };
}
