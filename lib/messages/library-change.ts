import { browser } from 'wxt/browser';

/**
 * After each library change the background writes a `LibraryChange` under this storage.local key;
 * content scripts (which cannot see the extension's IndexedDB) listen for it and refresh their cards.
 * Kept free of zod: the content script imports it.
 */
export const LIBRARY_CHANGE_KEY = 'libraryChange';

export interface LibraryChange {
  /** Changed paper ids, or "all" when too many changed to list. */
  ids: string[] | 'all';
  at: number;
}

export function isLibraryChange(value: unknown): value is LibraryChange {
  if (typeof value !== 'object' || value === null) return false;
  const { ids, at } = value as Record<string, unknown>;
  return typeof at === 'number' && (ids === 'all' || (Array.isArray(ids) && ids.every((id) => typeof id === 'string')));
}

/** Past this many ids a change just says "everything may have changed": pages re-read what they show. */
const MAX_LISTED_IDS = 500;

/** Tells open papers pages which papers changed (background and settings page call it after writes). */
export async function broadcastLibraryChange(ids: string[]): Promise<void> {
  const change: LibraryChange = { ids: ids.length > MAX_LISTED_IDS ? 'all' : ids, at: Date.now() };
  await browser.storage.local.set({ [LIBRARY_CHANGE_KEY]: change });
}

/** When the library last changed (by any page), for whoever must notice changes made while it slept. */
export async function lastLibraryChangeAt(): Promise<number | undefined> {
  const change = (await browser.storage.local.get(LIBRARY_CHANGE_KEY))[LIBRARY_CHANGE_KEY];
  return isLibraryChange(change) ? change.at : undefined;
}
