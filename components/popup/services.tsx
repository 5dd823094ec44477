import { createContext, useContext } from 'react';
import type { FirstRows } from '@/lib/library/first-rows';
import type { LibraryReader } from '@/lib/library/reader';
import type { TrendingStore } from '@/lib/trending/store';
import type { PagePapersReply } from '@/lib/messages/page-papers';
import type { Reply, RequestOf, RequestType } from '@/lib/messages/protocol';
import type { LibraryFinder } from '@/lib/search/finder';

/** What the popup needs from the browser; the entry point passes the real ones, tests fakes. */
export interface PopupServices {
  /** How the popup reads the library (writes go through `send`). */
  library: LibraryReader;
  /** The library's newest papers, read before the popup's code loaded (absent when that did not run). */
  firstRows?: FirstRows;
  /** The trending snapshots, for the New view. */
  trending: TrendingStore;
  /** Finds and orders library papers (the library index, in a worker in the real popup). */
  finder: LibraryFinder;
  send: <T extends RequestType>(request: RequestOf<T>) => Promise<Reply<T>>;
  activeTab: () => Promise<{ id: number; url?: string } | undefined>;
  /** Asks a tab's content script which papers it shows; undefined when it does not answer. */
  pagePapers: (tabId: number) => Promise<PagePapersReply | undefined>;
  readLocal: (key: string) => Promise<unknown>;
  setLocal: (key: string, value: unknown) => Promise<void>;
  /** Opens PaperShelf's settings page. */
  openSettings: () => Promise<void>;
  onLocalChange: (listener: (changes: Record<string, { newValue?: unknown }>) => void) => () => void;
  now?: () => number;
  /** Access to huggingface.co, which the user may withdraw; `request` must run in a click. */
  hostAccess?: { has(): Promise<boolean>; request(): Promise<boolean>; onChange(listener: (granted: boolean) => void): () => void };
}

const ServicesContext = createContext<PopupServices | null>(null);
export const ServicesProvider = ServicesContext.Provider;

export function useServices(): PopupServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
