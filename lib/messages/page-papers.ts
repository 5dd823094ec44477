import type { PaperMetadataInput } from '@/lib/paper/model';

// No zod here: the content script imports it.

/**
 * The popup asks a papers tab's content script which papers it shows (browser.tabs.sendMessage).
 * The content script reads its cards only then: nothing of a card is read until someone needs it.
 */
export interface PagePapersRequest {
  type: 'pagePapers';
}

export interface PagePapersReply {
  url: string;
  /** In page order, once each. */
  papers: PaperMetadataInput[];
}

export function isPagePapersRequest(message: unknown): message is PagePapersRequest {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'pagePapers';
}

/** A reply as the popup may use it: anything else (no content script, another answer) is undefined. */
export function asPagePapersReply(reply: unknown): PagePapersReply | undefined {
  if (typeof reply !== 'object' || reply === null) return undefined;
  const { url, papers } = reply as Record<string, unknown>;
  if (typeof url !== 'string' || !Array.isArray(papers)) return undefined;
  const ok = papers.every((p) => typeof p === 'object' && p !== null && typeof (p as { id?: unknown }).id === 'string' && typeof (p as { title?: unknown }).title === 'string');
  return ok ? { url, papers: papers as PaperMetadataInput[] } : undefined;
}
