import { DEFAULT_DATABASE_NAME } from '@/lib/library/database-name';
import type { PaperRecord } from '@/lib/library/schema';

/** Rows of the library list read at once when the popup opens: a screenful and more. */
export const FIRST_PAGE = 30;

/**
 * The library's newest papers, read by a small script the popup loads before its own code. Opening
 * the database and reading from it are two trips to the browser's storage, 10 to 25 ms each on a busy
 * machine; made by the popup's code they waited for it to load (React, Dexie: another 25 ms), and
 * the first rows came after all three. Read first, they are in by the time the popup renders, which
 * shows them until the library's live view answers with the same rows.
 */
export interface FirstRows {
  /** The rows once read: newest first, at most FIRST_PAGE. Undefined before, or with no library to read. */
  read(): PaperRecord[] | undefined;
  /** Settles when reading is over, with the rows or undefined; never rejects. */
  reading: Promise<PaperRecord[] | undefined>;
}

/**
 * Reads the newest `limit` papers of the library named `name`, without Dexie: the `papers` table by
 * its `savedAt` index, as schema.ts declares them (the tests read a library that schema made). A
 * browser with no library yet keeps none: creating it is left to the library's own code and schema.
 */
export function readFirstRows(indexedDB: IDBFactory, limit = FIRST_PAGE, name = DEFAULT_DATABASE_NAME): FirstRows {
  let rows: PaperRecord[] | undefined;
  const reading = newest(indexedDB, name, limit).then((found) => (rows = found));
  return { read: () => rows, reading };
}

function newest(indexedDB: IDBFactory, name: string, limit: number): Promise<PaperRecord[] | undefined> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = indexedDB.open(name);
    } catch {
      return resolve(undefined);
    }
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(undefined);
    open.onsuccess = () => {
      const db = open.result;
      // Never in the way of the library's code upgrading the database.
      db.onversionchange = () => db.close();
      const done = (found: PaperRecord[] | undefined) => {
        db.close();
        resolve(found);
      };
      try {
        const index = db.transaction('papers', 'readonly').objectStore('papers').index('savedAt');
        // Newer browsers read the newest in one request; others walk a cursor back from the newest.
        const found = 'getAllRecords' in index ? newestAtOnce(index, limit) : newestByCursor(index, limit);
        found.then(done, () => done(undefined));
      } catch {
        done(undefined);
      }
    };
  });
}

type GetAllWithOptions = (options: { count: number; direction: IDBCursorDirection }) => IDBRequest<PaperRecord[]>;

function newestAtOnce(index: IDBIndex, limit: number): Promise<PaperRecord[]> {
  return new Promise((resolve, reject) => {
    const get = (index.getAll as unknown as GetAllWithOptions).call(index, { count: limit, direction: 'prev' });
    get.onsuccess = () => resolve(get.result);
    get.onerror = () => reject(get.error);
  });
}

function newestByCursor(index: IDBIndex, limit: number): Promise<PaperRecord[]> {
  return new Promise((resolve, reject) => {
    const found: PaperRecord[] = [];
    const cursor = index.openCursor(null, 'prev');
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at || found.length === limit) return resolve(found);
      found.push(at.value as PaperRecord);
      at.continue();
    };
    cursor.onerror = () => reject(cursor.error);
  });
}

/** Where the reading is left for the popup's code: a property of the popup's own window. */
const LEFT_AT = 'papershelfFirstRows';

/** Starts reading the first rows (first-rows.js, the popup's first script). */
export function startReadingFirstRows(): void {
  (globalThis as Record<string, unknown>)[LEFT_AT] = readFirstRows(indexedDB);
}

/** The reading first-rows.js started, when it ran. */
export function firstRowsRead(): FirstRows | undefined {
  return (globalThis as Record<string, unknown>)[LEFT_AT] as FirstRows | undefined;
}
