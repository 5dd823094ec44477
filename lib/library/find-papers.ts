import type { LibraryDatabase, PaperRecord } from './schema';

/** The newest saved papers, to show the first rows before the whole list is ready. */
export function newestPapers(db: LibraryDatabase, limit: number): Promise<PaperRecord[]> {
  return db.papers.orderBy('savedAt').reverse().limit(limit).toArray();
}
