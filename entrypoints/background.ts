import { browser } from 'wxt/browser';
import { broadcastLibraryChange } from '@/lib/background/library-change-broadcast';
import { forgetTabPapers, recallTabPapers, rememberTabPapers } from '@/lib/background/tab-papers';
import { libraryDatabase } from '@/lib/library/instance';
import { Library } from '@/lib/library/library';
import { routeMessage, type RouterDeps } from '@/lib/messages/router';

export default defineBackground(() => {
  const library = new Library(libraryDatabase());
  library.onChange((ids) => void broadcastLibraryChange(ids));

  const deps: RouterDeps = {
    library,
    own: {
      id: browser.runtime.id,
      origin: browser.runtime.getURL('/'),
      version: browser.runtime.getManifest().version,
    },
    tabPapers: { remember: rememberTabPapers, recall: recallTabPapers },
  };

  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender, deps));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabPapers(tabId));
});
