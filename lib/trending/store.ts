import type { LibraryDatabase, TrendingRecord } from '@/lib/library/schema';
import type { ListedPaper } from '@/lib/trending/fetch-list';

export const SNAPSHOT_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The trending snapshots (the papers on Hugging Face's list over the last 30 days, and which are new
 * to the reader): the one owner of the trending table.
 */
export class TrendingStore {
  constructor(private readonly db: LibraryDatabase) {}

  /** The rows of `ids`, those known, in no particular order. */
  async rows(ids: readonly string[]): Promise<TrendingRecord[]> {
    return (await this.db.trending.bulkGet([...ids])).filter((r): r is TrendingRecord => r !== undefined);
  }

  newRows(): Promise<TrendingRecord[]> {
    return this.db.trending.where('status').equals('new').toArray();
  }

  /** The most recently seen rows, for the learner (text and what the reader passed over). */
  recent(limit: number): Promise<TrendingRecord[]> {
    return this.db.trending.orderBy('lastSeenAt').reverse().limit(limit).toArray();
  }

  /** When the list was last seen, for knowing whether anything changed. */
  async lastSeenAt(): Promise<number | undefined> {
    return (await this.db.trending.orderBy('lastSeenAt').lastKey()) as number | undefined;
  }

  /** These papers (or all new ones) are no longer new; how many changed. */
  markSeen(ids?: readonly string[]): Promise<number> {
    const table = this.db.trending;
    return this.db.transaction('rw', table, () =>
      ids === undefined
        ? table.where('status').equals('new').modify({ status: 'seen' })
        : table
            .where('id')
            .anyOf([...ids])
            .and((r) => r.status === 'new')
            .modify({ status: 'seen' }),
    );
  }

  /**
   * One transaction: update what was known, add what entered (new unless this is the baseline, or
   * `isSaved` says the paper is in the library), prune snapshots older than 30 days, and return the
   * new rows the badge counts from.
   */
  record(papers: ListedPaper[], now: number, baselineDone: boolean, isSaved: (ids: string[]) => PromiseLike<boolean[]>) {
    const { db } = this;
    return db.transaction('rw', db.trending, db.papers, async () => {
      const ids = papers.map((p) => p.paper.id);
      const [known, saved] = await Promise.all([db.trending.bulkGet(ids), isSaved(ids)]);
      let added = 0;
      const rows: TrendingRecord[] = papers.map(({ paper, rank, upvotes }, i) => {
        const old = known[i];
        if (old) return { ...old, paper, rank, previousRank: old.rank, upvotes, lastSeenAt: now };
        const isNew = baselineDone && !saved[i];
        if (isNew) added++;
        return { id: paper.id, paper, rank, upvotes, firstSeenAt: now, lastSeenAt: now, status: isNew ? 'new' : 'seen' };
      });
      await db.trending.bulkPut(rows);
      const pruned = await db.trending.where('lastSeenAt').below(now - SNAPSHOT_DAYS * DAY_MS).delete();
      const newRows = await db.trending.where('status').equals('new').toArray();
      return { written: rows.length + pruned, added, newRows };
    });
  }

  clear(): Promise<void> {
    return this.db.trending.clear();
  }
}
