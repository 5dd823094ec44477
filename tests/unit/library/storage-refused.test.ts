// @vitest-environment node
import { Library } from '@/lib/library/library';
import { createLibraryDatabase } from '@/lib/library/schema';
import { isStorageRefused, openLibrary, storageRefusedMessage, storageRefusal, StorageRefusedError } from '@/lib/library/storage-refused';
import { userFacingError } from '@/lib/messages/router';
import { freshDatabaseName, metadata } from '../helpers';

/** Firefox in a private window, or set to never remember history: every open of IndexedDB fails. */
function refuseStorage() {
  return vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a browser that refuses the extension storage', () => {
  it('is told apart when opening the library, with what the user can do', async () => {
    refuseStorage();
    const db = createLibraryDatabase(freshDatabaseName());
    await expect(openLibrary(db)).rejects.toBeInstanceOf(StorageRefusedError);
    expect(await storageRefusal(db)).toBe(storageRefusedMessage());
    expect(storageRefusedMessage()).toMatch(/private windows.*never remember history/);
  });

  it('gives every later library call the same reason, never "closed, try again"', async () => {
    refuseStorage();
    const library = new Library(createLibraryDatabase(freshDatabaseName()));
    const failure = await library.savePapers([metadata()]).catch((error: unknown) => error);
    expect(isStorageRefused(failure)).toBe(true);
    expect(userFacingError(failure)).toBe(storageRefusedMessage());
    const read = await library.db.papers.count().catch((error: unknown) => error);
    expect(userFacingError(read)).toBe(storageRefusedMessage());
  });

  it('is not confused with a library that opens, or one the browser closed', async () => {
    const db = createLibraryDatabase(freshDatabaseName());
    expect(await storageRefusal(db)).toBeUndefined();
    db.close();
    const closed = await db.papers.count().catch((error: unknown) => error);
    expect(isStorageRefused(closed)).toBe(false);
    expect(userFacingError(closed)).toMatch(/closed by the browser/);
  });
});
