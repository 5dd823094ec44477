import type { LibraryDatabase } from './schema';

/** The newest saved papers' ids, to show the first rows before the whole list is ready. */
export function newestIds(db: LibraryDatabase, limit: number): Promise<string[]> {
  return db.papers.orderBy('savedAt').reverse().limit(limit).primaryKeys();
}
