import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { newestIds } from '@/lib/library/find-papers';
import type { LibraryAnswer, LibrarySort } from '@/lib/search/library-index';
import type { Paper } from '@/lib/paper/model';
import { BulkBar } from './BulkBar';
import { LibraryRow } from './LibraryRow';
import { useServices } from './services';
import { useAction } from './useAction';
import { useRovingFocus } from './useRovingFocus';

const LIST_RECT = { width: 416, height: 380 };
const FIRST_PAGE = 30;

const SORTS: { value: LibrarySort; label: string }[] = [
  { value: 'savedAt', label: 'Date saved' },
  { value: 'publishedAt', label: 'Date published' },
  { value: 'upvotes', label: 'Upvotes' },
  { value: 'title', label: 'Title' },
];

/** Every saved paper: search, filter by tags, sort, edit; a virtual list, so 20,000 papers scroll smoothly. */
export function LibraryView() {
  const { db, send } = useServices();
  const [text, setText] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [sort, setSort] = useState<LibrarySort>('savedAt');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<string>();
  const [undo, setUndo] = useState<Paper[]>();
  const { run, error } = useAction();
  const { answer, searchError } = useLibraryAnswer(text, tags, sort);
  const tagCounts = answer?.tagCounts ?? [];
  const knownTags = tagCounts.map((t) => t.tag);
  const allIds = answer?.ids;
  // The newest rows at once, while the search index loads.
  const firstIds = useLiveQuery(() => newestIds(db, FIRST_PAGE), [db]);
  const ids = allIds ?? (sort === 'savedAt' && !text.trim() && tags.length === 0 ? firstIds : undefined);
  const counted = useLiveQuery(() => db.papers.count(), [db]);
  const total = answer?.total ?? counted;

  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions are not memoizable; this component is simply not compiler-optimized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: (allIds ? allIds.length : total) ?? ids?.length ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => 66,
    overscan: 6,
    initialRect: LIST_RECT,
    // Until the list has been laid out (or where nothing is laid out), assume the popup's size.
    observeElementRect: (instance, callback) =>
      observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : LIST_RECT)),
    getItemKey: (index) => ids?.[index] ?? index,
  });
  const roving = useRovingFocus(ids?.length ?? 0, { onMove: (index) => virtualizer.scrollToIndex(index) });

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
        placeholder={`Search ${total ?? ''} papers: title, abstract, authors, tags, notes`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoFocus
      />
      <div className="filters">
        <label>
          Sort by{' '}
          <select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)}>
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
      <p className="muted" aria-live="polite">
        {allIds === undefined ? 'Searching…' : `${allIds.length} ${allIds.length === 1 ? 'paper' : 'papers'}${allIds.length !== total ? ` of ${total}` : ''}`}
      </p>
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
      {ids && ids.length === 0 && (
        <p className="empty">
          {total === 0 ? 'Your library is empty. Save papers on huggingface.co/papers or in “On this page”.' : 'No paper matches.'}
        </p>
      )}
      <div ref={scroller} className="scroller">
        <ul className="rows" aria-label="Saved papers" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const id = ids?.[item.index];
            if (id === undefined) return null;
            const focus = roving.itemProps(item.index, id);
            return (
              <li
                key={item.key}
                data-index={item.index}
                ref={(el) => {
                  virtualizer.measureElement(el);
                  focus.ref(el);
                }}
                className="virtual-row"
                style={{ transform: `translateY(${item.start}px)` }}
                tabIndex={focus.tabIndex}
                onKeyDown={focus.onKeyDown}
                aria-setsize={allIds?.length ?? total}
                aria-posinset={item.index + 1}
              >
                <LibraryRow
                  id={id}
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
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

/**
 * The list for the current search, tags and sort, asked of the library index on every change and
 * again whenever the library changes (the change log's newest entry moves). Answers to superseded
 * questions are dropped; the last answer stays on screen until the next one arrives.
 */
function useLibraryAnswer(text: string, tags: string[], sort: LibrarySort) {
  const { db, finder } = useServices();
  const [answer, setAnswer] = useState<LibraryAnswer>();
  const [searchError, setSearchError] = useState<string>();
  const revision = useLiveQuery(async () => ({ seq: await db.changes.toCollection().lastKey() }), [db]);
  const tagsKey = tags.join('\n');
  useEffect(() => {
    if (!revision) return;
    let current = true;
    finder.find({ text, tags: tagsKey ? tagsKey.split('\n') : [], sort }).then(
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
  }, [finder, text, tagsKey, sort, revision]);
  return { answer, searchError };
}
