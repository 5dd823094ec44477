import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { LIKE_LIBRARY_DEFAULT_FROM, TRENDING_SETTINGS_KEY } from '@/lib/trending/watch-mode';
import { NEW_PAPERS_KEY, readNewPaperIds } from '@/lib/trending/new-papers-signal';
import { readTrendingStatus, TRENDING_STATUS_KEY } from '@/lib/trending/status-shape';
import { TagEditor } from '@/components/TagEditor';
import { PaperByline, SaveToggle } from '@/components/popup/paper-bits';
import { useServices } from '@/components/popup/services';
import { describeTrendingStatus } from '@/components/popup/trending-status-text';
import { useAction } from '@/components/popup/useAction';
import { useTagCounts } from '@/components/popup/useKnownTags';
import { useStoredValue } from '@/components/popup/useStoredValue';
import { VirtualList } from '@/components/popup/VirtualList';
import { byForYou, ForYouReason, OrderPicker, SuggestedTags, useForYou, type ListOrder } from '@/components/popup/for-you';
import type { TrendingRecord } from '@/lib/library/schema';
import { t } from '@/lib/i18n';

const asWatchChoice = (value: unknown) => (value as { watch?: string } | undefined)?.watch;
const asFlag = (value: unknown) => value === true;
/** Set once the reader has read that the badge counts papers like the library. */
export const LIKE_LIBRARY_NOTICE_KEY = 'likeLibraryNoticeSeen';
/** "For you" is the New view's first order once the library has this many papers. */
const FOR_YOU_DEFAULT_FROM = 10;

/** Papers that newly trend on Hugging Face, best ranked first, with what the watcher is doing. */
export function NewView() {
  const { library, trending: snapshots, send, now, setLocal } = useServices();
  const ids = useStoredValue(NEW_PAPERS_KEY, readNewPaperIds) ?? [];
  const status = useStoredValue(TRENDING_STATUS_KEY, readTrendingStatus);
  const rows = useLiveQuery(async () => {
    const found = await snapshots.rows(ids);
    const saved = await library.papers(found.map((r) => r.id));
    return found.map((r) => ({ trending: r, saved: saved.get(r.id) })).sort((a, b) => a.trending.rank - b.trending.rank);
  }, [library, snapshots, ids.join(',')]);
  const [checking, setChecking] = useState(false);
  const [chosenOrder, setOrder] = useState<ListOrder>();
  const [undo, setUndo] = useState<{ ids: string[] }>();
  const { run, error } = useAction();
  const libraryPapers = useLiveQuery(() => library.count(), [library]);
  const watchChoice = useStoredValue(TRENDING_SETTINGS_KEY, asWatchChoice);
  const noticeSeen = useStoredValue(LIKE_LIBRARY_NOTICE_KEY, asFlag);
  const { scores, learned } = useForYou(rows?.map((r) => r.trending.paper));
  const order = chosenOrder ?? (learned && (libraryPapers ?? 0) >= FOR_YOU_DEFAULT_FROM ? 'for-you' : 'list');
  const shown = rows && order === 'for-you' ? byForYou(rows.map((r) => ({ ...r, id: r.trending.id })), scores) : rows;
  const likeLibraryByDefault = watchChoice === undefined && (libraryPapers ?? 0) >= LIKE_LIBRARY_DEFAULT_FROM;

  const notInterested = async (paper: (typeof rows & object)[number]['trending']['paper']) => {
    const reply = await run(send({ type: 'markNotInterested', papers: [paper] }));
    if (reply.ok) setUndo({ ids: [paper.id] });
  };
  const knownTags = useTagCounts().map((t) => t.tag);
  const { problem, info } = describeTrendingStatus(status, (now ?? Date.now)());

  const checkNow = async () => {
    setChecking(true);
    await run(send({ type: 'checkTrending' }));
    setChecking(false);
  };

  return (
    <section aria-label={t('popup_new_label')}>
      <div className="toolbar">
        <button type="button" onClick={() => void checkNow()} disabled={checking}>
          {checking ? t('popup_checking') : t('popup_check_now')}
        </button>
        <button type="button" onClick={() => void run(send({ type: 'markTrendingSeen' }))} disabled={!rows?.length}>
          {t('popup_mark_all_seen')}
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {problem && (
          <strong className="error" role="alert">
            {problem}{' '}
          </strong>
        )}
        {info}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {likeLibraryByDefault && noticeSeen === false && (
        <p className="notice" role="status">
          {t('popup_like_library_notice')}{' '}
          <button type="button" onClick={() => void setLocal(LIKE_LIBRARY_NOTICE_KEY, true)}>
            {t('popup_ok')}
          </button>
        </p>
      )}
      {undo && (
        <div className="toast" role="status">
          {t('popup_marked_not_interested')}{' '}
          <button type="button" onClick={() => void run(send({ type: 'undoNotInterested', ids: undo.ids })).then((r) => r.ok && setUndo(undefined))}>
            {t('common_undo')}
          </button>
        </div>
      )}
      {rows && rows.length > 0 && (
        <div className="toolbar">
          <OrderPicker value={order} onChange={setOrder} listLabel={t('popup_order_trending_rank')} learned={learned} />
        </div>
      )}
      {rows && rows.length === 0 && <p className="empty">{t('popup_nothing_new')}</p>}
      <VirtualList
        label={t('popup_new_papers_label')}
        count={shown?.length ?? 0}
        idAt={(index) => shown?.[index]?.trending.id}
        estimateSize={92}
        renderRow={(index) => {
          const { trending, saved } = shown![index]!;
          return (
            <div className="row">
              <Rank trending={trending} left={status?.listedAt !== undefined && trending.lastSeenAt < status.listedAt} />
              <a className="title" href={`https://huggingface.co/papers/${trending.id}`} target="_blank" rel="noreferrer" tabIndex={-1}>
                {trending.paper.title}
              </a>
              <PaperByline paper={{ ...trending.paper, upvotes: trending.upvotes }} />
              <ForYouReason score={scores.get(trending.id)} />
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
                <SuggestedTags id={trending.id} saved={saved !== undefined} tags={saved?.tags ?? []} onAdd={(tag) => void run(send({ type: 'addTag', id: trending.id, tag }))} />
                {!saved && (
                  <button type="button" className="more" aria-label={t('popup_not_interested_label', trending.paper.title)} onClick={() => void notInterested(trending.paper)}>
                    {t('common_not_interested')}
                  </button>
                )}
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
      <span className="rank left" aria-label={t('popup_rank_left_label', trending.rank)}>
        {t('popup_rank_left')}
      </span>
    );
  }
  const { rank, previousRank } = trending;
  return (
    <span className="rank" aria-label={rankLabel(rank, previousRank)}>
      #{rank}
      {previousRank !== undefined && previousRank !== rank && (
        <span className={previousRank > rank ? 'up' : 'down'}>{previousRank > rank ? ` ▲${previousRank - rank}` : ` ▼${rank - previousRank}`}</span>
      )}
    </span>
  );
}

function rankLabel(rank: number, previous: number | undefined): string {
  if (previous === undefined || previous === rank) return t('popup_rank_label', rank);
  return previous > rank ? t('popup_rank_up_label', rank, previous - rank) : t('popup_rank_down_label', rank, rank - previous);
}
