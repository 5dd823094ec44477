import { browser } from 'wxt/browser';
import { watchAddress } from '@/lib/annotate/address-watch';
import { Annotator } from '@/lib/annotate/annotator';
import { PageLifetime } from '@/lib/annotate/lifetime';
import { papersPageKind } from '@/lib/hf/pages/kind';
import { isLibraryChange, LIBRARY_CHANGE_KEY } from '@/lib/messages/library-change';
import { sendRequest } from '@/lib/messages/client';
import { isPagePapersRequest } from '@/lib/messages/page-papers';
import { NEW_PAPERS_KEY, readNewPaperIds } from '@/lib/trending/new-papers-signal';

export default defineContentScript({
  // Every huggingface.co page: a reader may reach /papers through the site's own navigation. Until
  // then the script only watches the address.
  matches: ['https://huggingface.co/*'],
  runAt: 'document_idle',
  // WXT would announce the script to the page with a postMessage naming this extension's id.
  noScriptStartedPostMessage: true,
  // WXT's context is not used: a page can forge the event that stops it (see PageLifetime).
  main() {
    const lifetime = new PageLifetime(() => browser.runtime?.id !== undefined);
    const onPapersPage = () => papersPageKind(new URL(location.href)).kind !== 'other';
    let annotator: Annotator | undefined;

    const start = () => {
      if (annotator || !onPapersPage() || !lifetime.check()) return;
      annotator = new Annotator({
        document,
        location: () => new URL(location.href),
        send: (request) => {
          lifetime.check();
          return sendRequest(request);
        },
        setTimeout: (callback, ms) => lifetime.setTimeout(callback, ms),
      });
      const running = annotator;
      const onStorageChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area !== 'local' || !lifetime.check()) return;
        const change = changes[LIBRARY_CHANGE_KEY]?.newValue;
        if (isLibraryChange(change)) void running.refresh(change.ids);
        if (NEW_PAPERS_KEY in changes) running.setNewPapers(readNewPaperIds(changes[NEW_PAPERS_KEY]?.newValue));
      };
      browser.storage.onChanged.addListener(onStorageChange);
      lifetime.onStop(() => {
        browser.storage.onChanged.removeListener(onStorageChange);
        running.stop();
      });
      void browser.storage.local.get(NEW_PAPERS_KEY).then((stored) => running.setNewPapers(readNewPaperIds(stored[NEW_PAPERS_KEY])));
      void running.start();
    };

    // The popup asks what this tab shows (its "On this page"). Answered through sendResponse: the
    // content script runs without the polyfill, and Chromium does not take a promise here.
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id || !isPagePapersRequest(message) || !annotator) return undefined;
      void annotator.pagePapers().then(sendResponse);
      return true;
    });

    start();
    if (!annotator) watchAddress(window, start, lifetime.signal);
  },
});
