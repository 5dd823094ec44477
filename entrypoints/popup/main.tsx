import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { openingTab, Popup } from '@/components/popup/Popup';
import type { PopupServices } from '@/components/popup/services';
import { StorageRefused } from '@/components/StorageRefused';
import { hasHostAccess, onHostAccessChange, requestHostAccess } from '@/lib/hf/host-access';
import { firstRowsRead } from '@/lib/library/first-rows';
import { libraryDatabase } from '@/lib/library/instance';
import { LibraryReader } from '@/lib/library/reader';
import { TrendingStore } from '@/lib/trending/store';
import { storageRefusal } from '@/lib/library/storage-refused';
import { sendRequest } from '@/lib/messages/client';
import { asPagePapersReply } from '@/lib/messages/page-papers';
import type { LibraryFinder } from '@/lib/search/finder';
import { startedOnFirstFind, workerFinder } from '@/lib/search/worker-finder';
import { t } from '@/lib/i18n';
import '@/components/theme.css';

// No `tabs` permission needed: the tab's id always, its URL when it is on huggingface.co.
// `popup.html?tab=<id>` shows a given tab's papers when the popup is opened as a page of its own.
async function findActiveTab() {
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  const tab = Number.isInteger(asked) && asked > 0 ? await browser.tabs.get(asked).catch(() => undefined) : (await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []))[0];
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

// The page's language is that of the messages shown (English where PaperShelf has no translation).
document.documentElement.lang = t('locale_code');

// Asked at once: the library opens while the browser says which tab this is (React renders then).
const db = libraryDatabase();
// Opens the library; a browser that refuses to store it gets an explanation instead of the popup.
const refusal = storageRefusal(db);
const activeTab = findActiveTab();

/**
 * Search in a worker, so typing never waits; in the popup's own thread where workers cannot start
 * (loaded only then, so the index code stays out of the popup's start-up). Started with the list's
 * first question, once its first rows are in.
 */
function libraryFinder(): LibraryFinder {
  try {
    return workerFinder();
  } catch {
    const local = import('@/lib/search/finder').then(({ inProcessFinder }) => inProcessFinder(db));
    return { find: async (query, revision) => (await local).find(query, revision) };
  }
}

const services: PopupServices = {
  library: new LibraryReader(db),
  firstRows: firstRowsRead(),
  trending: new TrendingStore(db),
  finder: startedOnFirstFind(libraryFinder),
  send: sendRequest,
  activeTab: () => activeTab,
  pagePapers: async (tabId) => asPagePapersReply(await browser.tabs.sendMessage(tabId, { type: 'pagePapers' }).catch(() => undefined)),
  readLocal: async (key) => (await browser.storage.local.get(key))[key],
  setLocal: (key, value) => browser.storage.local.set({ [key]: value }),
  openSettings: async () => {
    await browser.runtime.openOptionsPage();
    window.close();
  },
  hostAccess: { has: hasHostAccess, request: requestHostAccess, onChange: onHostAccessChange },
  onLocalChange: (listener) => {
    const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => area === 'local' && listener(changes);
    browser.storage.onChanged.addListener(handler);
    return () => browser.storage.onChanged.removeListener(handler);
  },
};

const root = createRoot(document.getElementById('root')!);
let refused = false;
// Rendered once the browser says which page the popup was opened on, so the first frame already
// shows the tab it opens on, with its content (a frame of tabs and no content is no use to anyone).
void activeTab.then(
  (tab) =>
    refused ||
    root.render(
      <StrictMode>
        <Popup services={services} tab={openingTab(tab)} />
      </StrictMode>,
    ),
);
void refusal.then((message) => {
  if (!message) return;
  refused = true;
  root.render(<StorageRefused message={message} />);
});
