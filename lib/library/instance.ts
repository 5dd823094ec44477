import { createLibraryDatabase, type LibraryDatabase } from '@/lib/library/schema';

let database: LibraryDatabase | undefined;

/** The extension's one library database (opened on first use, in the extension's own origin). */
export function libraryDatabase(): LibraryDatabase {
  database ??= createLibraryDatabase();
  return database;
}
