/**
 * The ids of papers that newly trend and the user has not seen yet, mirrored by the background into
 * storage.local under this key so papers pages can mark them "New". Kept free of zod: the content
 * script imports it.
 */
export const NEW_PAPERS_KEY = 'newPaperIds';

export function readNewPaperIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}
