import { reopening } from '@/lib/library/reopen';
import type { LibraryDatabase, PaperRecord } from '@/lib/library/schema';
import type { LibraryAnswer, LibraryQuery } from '@/lib/search/library-index';
import { StoredLibraryIndex } from '@/lib/search/stored-index';

/** The rows the list shows at once, those just out of sight included. */
export const FIRST_ROWS = 16;

export interface FinderAnswer extends LibraryAnswer {
  /**
   * The papers of the first FIRST_ROWS ids (less any removed meanwhile), read with the answer in one
   * go, so the list shows its new first rows at once rather than one read per row later.
   */
  firstPapers: PaperRecord[];
}

/** Finds and orders library papers; the popup's list asks it on every keystroke, sort and tag change. */
export interface LibraryFinder {
  /**
   * `revision` is the change log's newest key as the asker last saw it: an index already past it
   * answers without looking at the log (one database read less per keystroke).
   */
  find(query: LibraryQuery, revision?: number): Promise<FinderAnswer>;
}

/** How long after an answer the index is saved, so a burst of keystrokes saves once. */
export const SAVE_DELAY_MS = 1000;

/** Runs the index in this thread (tests, and wherever workers are not available). */
export function inProcessFinder(db: LibraryDatabase, saveDelay = SAVE_DELAY_MS): LibraryFinder & { saved(): Promise<void> } {
  const index = new StoredLibraryIndex(db);
  const read = paperReader(db);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSave: Promise<void> = Promise.resolve();
  return {
    async find(query, revision) {
      const answer = await index.find(query, revision);
      const firstPapers = await read.papers(answer.ids.slice(0, FIRST_ROWS), revision);
      clearTimeout(timer);
      timer = setTimeout(() => (lastSave = index.save().catch(() => undefined)), saveDelay);
      return { ...answer, firstPapers };
    },
    saved: () => lastSave,
  };
}

/**
 * Reads papers by id, remembering them while the library stays at one revision: keystrokes that
 * keep the first rows read nothing again. Without a revision, it always reads.
 */
function paperReader(db: LibraryDatabase) {
  let known = new Map<string, PaperRecord>();
  let knownAt: number | undefined;
  return {
    async papers(ids: string[], revision: number | undefined): Promise<PaperRecord[]> {
      if (revision === undefined || revision !== knownAt || known.size > 1000) {
        known = new Map();
        knownAt = revision;
      }
      const missing = ids.filter((id) => !known.has(id));
      if (missing.length > 0) {
        for (const paper of await reopening(db, () => db.papers.bulkGet(missing))) if (paper) known.set(paper.id, paper);
      }
      return ids.flatMap((id) => known.get(id) ?? []);
    },
  };
}
