import type { LibraryDatabase } from '../library/schema';
import type { LibraryAnswer, LibraryQuery } from './library-index';
import { StoredLibraryIndex } from './stored-index';

/** Finds and orders library papers; the popup's list asks it on every keystroke, sort and tag change. */
export interface LibraryFinder {
  find(query: LibraryQuery): Promise<LibraryAnswer>;
}

/** How long after an answer the index is saved, so a burst of keystrokes saves once. */
export const SAVE_DELAY_MS = 1000;

/** Runs the index in this thread (tests, and wherever workers are not available). */
export function inProcessFinder(db: LibraryDatabase, saveDelay = SAVE_DELAY_MS): LibraryFinder & { saved(): Promise<void> } {
  const index = new StoredLibraryIndex(db);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSave: Promise<void> = Promise.resolve();
  return {
    async find(query) {
      const answer = await index.find(query);
      clearTimeout(timer);
      timer = setTimeout(() => (lastSave = index.save().catch(() => undefined)), saveDelay);
      return answer;
    },
    saved: () => lastSave,
  };
}
