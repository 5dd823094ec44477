import type { PaperMetadata } from '@/lib/paper/model';
import { reopening } from '@/lib/library/reopen';
import type { LibraryDatabase, NotInterestedRecord } from '@/lib/library/schema';

/**
 * Papers the reader marked "Not interested": they stop counting on the badge, leave the "For you"
 * order and teach it what the reader passes over. Marking a saved paper does not unsave it.
 */
export class NotInterestedStore {
  private readonly listeners = new Set<(ids: string[]) => void>();

  constructor(
    private readonly db: LibraryDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  onChange(listener: (ids: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async mark(papers: PaperMetadata[]): Promise<number> {
    const at = this.now();
    await reopening(this.db, () => this.db.notInterested.bulkPut(papers.map((paper) => ({ id: paper.id, paper, at }))));
    this.emit(papers.map((p) => p.id));
    return papers.length;
  }

  async unmark(ids: string[]): Promise<number> {
    const known = (await reopening(this.db, () => this.db.notInterested.bulkGet(ids))).filter((r) => r !== undefined);
    await reopening(this.db, () => this.db.notInterested.bulkDelete(ids));
    this.emit(ids);
    return known.length;
  }

  async clear(): Promise<void> {
    const ids = await this.ids();
    await reopening(this.db, () => this.db.notInterested.clear());
    this.emit([...ids]);
  }

  async all(): Promise<NotInterestedRecord[]> {
    return reopening(this.db, () => this.db.notInterested.toArray());
  }

  async ids(): Promise<Set<string>> {
    return new Set((await reopening(this.db, () => this.db.notInterested.toCollection().primaryKeys())).map(String));
  }

  private emit(ids: string[]) {
    if (ids.length === 0) return;
    for (const listener of this.listeners) listener(ids);
  }
}
