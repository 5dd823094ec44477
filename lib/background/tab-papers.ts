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

export async function rememberTabPapers(tabId: number, url: string, papers: PaperMetadata[]): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: { url, papers } satisfies TabPapers });
}

export async function recallTabPapers(tabId: number): Promise<TabPapers | undefined> {
  const stored = await browser.storage.session.get(key(tabId));
  return stored[key(tabId)] as TabPapers | undefined;
}

export async function forgetTabPapers(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
