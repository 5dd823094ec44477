import { browser } from 'wxt/browser';
import type { PaperMetadata } from '../paper/model';

/**
 * Which papers each open tab shows, as its content script reported them. Kept in session storage:
 * the service worker can stop at any time, and the popup asks later.
 */
interface TabPapers {
  url: string;
  papers: PaperMetadata[];
}

const key = (tabId: number) => `tabPapers:${tabId}`;

/**
 * Records what a tab shows: `order` is every paper id in page order; `papers` holds metadata not
 * sent before, merged with what we kept for the same page.
 */
export async function rememberTabPapers(tabId: number, url: string, papers: PaperMetadata[], order?: string[]): Promise<void> {
  const old = await recallTabPapers(tabId);
  const known = new Map(old?.url === url ? old.papers.map((p) => [p.id, p]) : []);
  for (const paper of papers) known.set(paper.id, paper);
  const shown = (order ?? papers.map((p) => p.id)).flatMap((id) => known.get(id) ?? []);
  await browser.storage.session.set({ [key(tabId)]: { url, papers: shown } satisfies TabPapers });
}

export async function recallTabPapers(tabId: number): Promise<TabPapers | undefined> {
  const stored = await browser.storage.session.get(key(tabId));
  return stored[key(tabId)] as TabPapers | undefined;
}

export async function forgetTabPapers(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
