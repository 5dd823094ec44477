import type { LibraryDatabase } from '../library/schema';
import type { LibraryAnswer, LibraryQuery } from './library-index';
import { StoredLibraryIndex } from './stored-index';

/** Finds and orders library papers; the popup's list asks it on every keystroke, sort and tag change. */
export interface LibraryFinder {
  /**
   * `revision` is the change log's newest key as the asker last saw it: an index already past it
   * answers without looking at the log (one database read less per keystroke).
   */
  find(query: LibraryQuery, revision?: number): Promise<LibraryAnswer>;
}

/** How long after an answer the index is saved, so a burst of keystrokes saves once. */
export const SAVE_DELAY_MS = 1000;

/** Runs the index in this thread (tests, and wherever workers are not available). */
export function inProcessFinder(db: LibraryDatabase, saveDelay = SAVE_DELAY_MS): LibraryFinder & { saved(): Promise<void> } {
  const index = new StoredLibraryIndex(db);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSave: Promise<void> = Promise.resolve();
  return {
    async find(query, revision) {
      const answer = await index.find(query, revision);
      clearTimeout(timer);
      timer = setTimeout(() => (lastSave = index.save().catch(() => undefined)), saveDelay);
      return answer;
    },
    saved: () => lastSave,
  };
}
