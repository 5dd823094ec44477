import { reopening } from '@/lib/library/reopen';
import type { LibraryDatabase } from '@/lib/library/schema';
import { LibraryIndex, type IndexSnapshot, type LibraryAnswer, type LibraryQuery } from '@/lib/search/library-index';

/** Bump when IndexSnapshot or what gets indexed changes: a saved index of another format is rebuilt. */
export const SEARCH_INDEX_FORMAT = 2;
const KEY = 'library';

/** Past this many changed papers since the saved index, reading the library afresh is quicker than catching up. */
const REBUILD_AFTER = 5000;

/**
 * The library index as the popup uses it: loaded from its saved snapshot, caught up with the change
 * log before every answer, and saved again (with the log pruned) when asked. Every write to the
 * library lands in the log in its own transaction, so nothing is missed whoever wrote it.
 */
export class StoredLibraryIndex {
  private index?: LibraryIndex;
  /** The last change the index includes. */
  private seq = 0;
  private unsaved = false;
  /** One refresh at a time: answers wait for the one under way instead of repeating it. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: LibraryDatabase) {}

  /** Answers `query` with every committed change included (or, given `revision`, every change up to it). */
  find(query: LibraryQuery, revision?: number): Promise<LibraryAnswer> {
    const answer = this.queue.then(async () => {
      if (!this.index || revision === undefined || revision > this.seq) await reopening(this.db, () => this.refresh());
      return this.index!.find(query);
    });
    this.queue = answer.catch(() => undefined);
    return answer;
  }

  /** Saves the index if it holds changes the saved one lacks; a newer saved one (another popup's) is kept. */
  save(): Promise<void> {
    const saving = this.queue.then(async () => {
      if (!this.index || !this.unsaved) return;
      const data = this.index.toSnapshot();
      const seq = this.seq;
      const { searchIndex, changes, changeReaders } = this.db;
      await this.db.transaction('rw', searchIndex, changes, changeReaders, async () => {
        const saved = await searchIndex.get(KEY);
        if (saved?.format === SEARCH_INDEX_FORMAT && saved.seq >= seq) return;
        await searchIndex.put({ key: KEY, format: SEARCH_INDEX_FORMAT, seq, data });
        // The last included change stays, so the log's newest key keeps telling readers where it is;
        // so do the changes another reader (sync) has not read yet.
        const readers = await changeReaders.toArray();
        await changes.where('seq').below(Math.min(seq, ...readers.map((r) => r.seq + 1))).delete();
      });
      this.unsaved = false;
    });
    this.queue = saving.catch(() => undefined);
    return saving;
  }

  private async refresh(): Promise<void> {
    if (!this.index) await this.load();
    const changes = await this.db.changes.where('seq').above(this.seq).toArray();
    if (changes.length === 0) return;
    const ids = new Set<string>();
    for (const change of changes) {
      if (change.ids === null) return this.rebuild();
      for (const id of change.ids) ids.add(id);
    }
    if (ids.size > REBUILD_AFTER) return this.rebuild();
    // Papers read after the log may already hold later changes; applying those again later is harmless.
    const papers = await this.db.papers.bulkGet([...ids]);
    [...ids].forEach((id, i) => {
      const paper = papers[i];
      if (paper) this.index!.upsert(paper);
      else this.index!.remove(id);
    });
    this.seq = changes[changes.length - 1]!.seq!;
    this.unsaved = true;
  }

  private async load(): Promise<void> {
    const saved = await this.db.searchIndex.get(KEY);
    if (saved?.format === SEARCH_INDEX_FORMAT) {
      try {
        this.index = LibraryIndex.fromSnapshot(saved.data as IndexSnapshot);
        this.seq = saved.seq;
        return;
      } catch {
        // A damaged snapshot is only a cache: rebuild from the library.
      }
    }
    await this.rebuild();
  }

  private async rebuild(): Promise<void> {
    const { papers, changes } = this.db;
    // One read transaction: the papers and the log position agree.
    await this.db.transaction('r', papers, changes, async () => {
      const seq = ((await changes.toCollection().lastKey()) as number | undefined) ?? 0;
      this.index = LibraryIndex.build(await papers.toArray());
      this.seq = seq;
    });
    this.unsaved = true;
  }
}
