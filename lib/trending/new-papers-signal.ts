import { browser } from 'wxt/browser';

/**
 * The ids of papers that newly trend and the user has not seen yet, mirrored by the background into
 * storage.local under this key so papers pages can mark them "New". Kept free of zod: the content
 * script imports it.
 */
export const NEW_PAPERS_KEY = 'newPaperIds';

export function readNewPaperIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/** Tells papers pages which papers to mark "New" (writes only when the list changed). */
export async function publishNewPaperIds(ids: string[]): Promise<void> {
  const stored = (await browser.storage.local.get(NEW_PAPERS_KEY))[NEW_PAPERS_KEY];
  if (JSON.stringify(readNewPaperIds(stored)) !== JSON.stringify(ids)) await browser.storage.local.set({ [NEW_PAPERS_KEY]: ids });
}
