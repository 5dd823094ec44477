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
