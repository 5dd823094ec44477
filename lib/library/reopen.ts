import type Dexie from 'dexie';
import { openLibrary } from '@/lib/library/storage-refused';

/**
 * Browsers close IndexedDB connections on their own (storage pressure, site data cleared); Dexie
 * then refuses every call. Reopen once and try again, so the user's next action just works.
 */
export async function reopening<T>(db: Dexie, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if ((error as { name?: string } | null)?.name !== 'DatabaseClosedError') throw error;
    await openLibrary(db);
    return action();
  }
}
