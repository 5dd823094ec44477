import { render } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing';
import { openingTab, Popup } from '@/components/popup/Popup';
import type { FirstRows } from '@/lib/library/first-rows';
import type { PopupServices } from '@/components/popup/services';
import { keepForUndo, takeForUndo } from '@/lib/background/card-undo';
import type { Library } from '@/lib/library/library';
import { LibraryReader } from '@/lib/library/reader';
import { TrendingStore } from '@/lib/trending/store';
import type { PaperMetadataInput } from '@/lib/paper/model';
import { routeMessage, type RouterDeps } from '@/lib/messages/router';
import type { RequestOf, RequestType, Reply } from '@/lib/messages/protocol';
import { inProcessFinder, type LibraryFinder } from '@/lib/search/finder';
import { TrendingWatcher } from '@/lib/trending/watcher';
import { NotInterestedStore } from '@/lib/library/not-interested';

const own = { id: 'papershelf-test-id', origin: 'chrome-extension://papershelf-test-id/', version: '0.1.0' };
const popupSender = { id: own.id, url: `${own.origin}popup.html` };

/** The popup wired to a real library and router, as in the extension; the tab is made up. */
export function renderPopup(
  library: Library,
  options: {
    tab?: { id: number; url: string };
    /** What the tab's content script answers when asked which papers it shows. */
    pagePapers?: PaperMetadataInput[];
    fetch?: typeof fetch;
    now?: () => number;
    finder?: LibraryFinder;
    hostAccess?: PopupServices['hostAccess'];
    /** The newest papers as the popup's first script read them. */
    firstRows?: FirstRows;
    /** How the popup's library view reads the library; the real reader unless a test slows it down. */
    reader?: LibraryReader;
  } = {},
) {
  const watcher = new TrendingWatcher({ db: library.db, fetch: options.fetch, now: options.now, random: () => 0.5 });
  const deps: RouterDeps = {
    library, notInterested: new NotInterestedStore(library.db),
    own,
    trending: watcher,
    cardUndo: { keep: (papers) => keepForUndo(papers), take: (token) => takeForUndo(token) },
  };
  const sent: RequestType[] = [];
  const openSettings = vi.fn(async () => {});
  const send = async <T extends RequestType>(request: RequestOf<T>) => {
    sent.push(request.type);
    return (await routeMessage(request, popupSender as never, deps)) as Reply<T>;
  };
  const services: PopupServices = {
    library: options.reader ?? new LibraryReader(library.db),
    firstRows: options.firstRows,
    trending: new TrendingStore(library.db),
    finder: options.finder ?? inProcessFinder(library.db),
    send,
    activeTab: async () => options.tab,
    pagePapers: async (tabId) => (options.tab && tabId === options.tab.id && options.pagePapers ? { url: options.tab.url, papers: options.pagePapers } : undefined),
    readLocal: async (key) => (await fakeBrowser.storage.local.get(key))[key],
    setLocal: (key, value) => fakeBrowser.storage.local.set({ [key]: value }),
    openSettings,
    onLocalChange: (listener) => {
      const handler = (changes: Record<string, { newValue?: unknown }>) => listener(changes);
      fakeBrowser.storage.onChanged.addListener(handler);
      return () => fakeBrowser.storage.onChanged.removeListener(handler);
    },
    now: options.now,
    hostAccess: options.hostAccess,
  };
  // As main.tsx: rendered on the tab the page it was opened on calls for.
  return { ...render(<Popup services={services} tab={openingTab(options.tab)} />), sent, deps, watcher, openSettings };
}
