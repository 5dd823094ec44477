import { browser } from 'wxt/browser';
import { LIBRARY_CHANGE_KEY, type LibraryChange } from '../messages/library-change';

/** Past this many ids a change just says "everything may have changed": pages re-read what they show. */
const MAX_LISTED_IDS = 500;

/**
 * Tells open papers pages which papers changed. Content scripts cannot see the extension's
 * IndexedDB, but they do see storage.local change events.
 */
export async function broadcastLibraryChange(ids: string[]): Promise<void> {
  const change: LibraryChange = { ids: ids.length > MAX_LISTED_IDS ? 'all' : ids, at: Date.now() };
  await browser.storage.local.set({ [LIBRARY_CHANGE_KEY]: change });
}
