import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { NEW_PAPERS_KEY, readNewPaperIds } from '@/lib/trending/new-papers-signal';
import { TRENDING_STATUS_KEY, type TrendingStatus } from '@/lib/trending/status';
import { TagEditor } from '../TagEditor';
import { PaperByline, SaveToggle } from './paper-bits';
import { useServices } from './services';
import { describeTrendingStatus } from './trending-status-text';
import { useAction } from './useAction';
import { useTagCounts } from './useKnownTags';
import { useStoredValue } from './useStoredValue';
import { VirtualList } from './VirtualList';
import type { TrendingRecord } from '@/lib/library/schema';

const asStatus = (value: unknown) => value as TrendingStatus | undefined;

/** Papers that newly trend on Hugging Face, best ranked first, with what the watcher is doing. */
export function NewView() {
  const { db, send, now } = useServices();
  const ids = useStoredValue(NEW_PAPERS_KEY, readNewPaperIds) ?? [];
  const status = useStoredValue(TRENDING_STATUS_KEY, asStatus);
  const rows = useLiveQuery(async () => {
    const found = (await db.trending.bulkGet(ids)).filter((r): r is NonNullable<typeof r> => !!r);
    const saved = await db.papers.bulkGet(found.map((r) => r.id));
    return found.map((r, i) => ({ trending: r, saved: saved[i] })).sort((a, b) => a.trending.rank - b.trending.rank);
  }, [db, ids.join(',')]);
  const [checking, setChecking] = useState(false);
  const { run, error } = useAction();
  const knownTags = useTagCounts().map((t) => t.tag);
  const { problem, info } = describeTrendingStatus(status, (now ?? Date.now)());

  const checkNow = async () => {
    setChecking(true);
    await run(send({ type: 'checkTrending' }));
    setChecking(false);
  };

  return (
    <section aria-label="Newly trending papers">
      <div className="toolbar">
        <button type="button" onClick={() => void checkNow()} disabled={checking}>
          {checking ? 'Checking…' : 'Check now'}
        </button>
        <button type="button" onClick={() => void run(send({ type: 'markTrendingSeen' }))} disabled={!rows?.length}>
          Mark all seen
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {problem && (
          <strong className="error" role="alert">
            {problem}.{' '}
          </strong>
        )}
        {info}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {rows && rows.length === 0 && <p className="empty">Nothing new since you last looked.</p>}
      <VirtualList
        label="New papers"
        count={rows?.length ?? 0}
        idAt={(index) => rows?.[index]?.trending.id}
        estimateSize={92}
        renderRow={(index) => {
          const { trending, saved } = rows![index]!;
          return (
            <div className="row">
              <Rank trending={trending} left={status?.listedAt !== undefined && trending.lastSeenAt < status.listedAt} />
              <a className="title" href={`https://huggingface.co/papers/${trending.id}`} target="_blank" rel="noreferrer" tabIndex={-1}>
                {trending.paper.title}
              </a>
              <PaperByline paper={{ ...trending.paper, upvotes: trending.upvotes }} />
              <div className="row-actions">
                <SaveToggle
                  saved={saved !== undefined}
                  title={trending.paper.title}
                  onToggle={() => void run(saved ? send({ type: 'unsavePapers', ids: [trending.id] }) : send({ type: 'savePapers', papers: [trending.paper] }))}
                />
                <TagEditor
                  tags={saved?.tags ?? []}
                  knownTags={knownTags}
                  onAdd={(tag) => void run(send({ type: 'addTag', id: trending.id, tag, paper: trending.paper }))}
                  onRemove={(tag) => void run(send({ type: 'removeTag', id: trending.id, tag }))}
                />
              </div>
            </div>
          );
        }}
      />
    </section>
  );
}

/** Where the paper stands in the list now, how it moved, or that it has left the list. */
function Rank({ trending, left }: { trending: TrendingRecord; left: boolean }) {
  if (left) {
    return (
      <span className="rank left" aria-label={`Left the list (was #${trending.rank})`}>
        Left the list
      </span>
    );
  }
  const { rank, previousRank } = trending;
  return (
    <span className="rank" aria-label={`Rank ${rank}${movement(rank, previousRank)}`}>
      #{rank}
      {previousRank !== undefined && previousRank !== rank && (
        <span className={previousRank > rank ? 'up' : 'down'}>{previousRank > rank ? ` ▲${previousRank - rank}` : ` ▼${rank - previousRank}`}</span>
      )}
    </span>
  );
}

function movement(rank: number, previous: number | undefined): string {
  if (previous === undefined || previous === rank) return '';
  return previous > rank ? `, up ${previous - rank}` : `, down ${rank - previous}`;
}
