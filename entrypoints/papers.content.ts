import { browser } from 'wxt/browser';
import { Annotator } from '@/lib/annotate/annotator';
import { PageLifetime } from '@/lib/annotate/lifetime';
import { isLibraryChange, LIBRARY_CHANGE_KEY } from '@/lib/messages/library-change';
import { sendRequest } from '@/lib/messages/client';
import { NEW_PAPERS_KEY, readNewPaperIds } from '@/lib/trending/new-papers-signal';

export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_idle',
  // WXT would announce the script to the page with a postMessage naming this extension's id.
  noScriptStartedPostMessage: true,
  // WXT's context is not used: a page can forge the event that stops it (see PageLifetime).
  async main() {
    const lifetime = new PageLifetime(() => browser.runtime?.id !== undefined);
    const annotator = new Annotator({
      document,
      location: () => new URL(location.href),
      send: (request) => {
        lifetime.check();
        return sendRequest(request);
      },
      setTimeout: (callback, ms) => lifetime.setTimeout(callback, ms),
    });

    const onStorageChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !lifetime.check()) return;
      const change = changes[LIBRARY_CHANGE_KEY]?.newValue;
      if (isLibraryChange(change)) void annotator.refresh(change.ids);
      if (NEW_PAPERS_KEY in changes) annotator.setNewPapers(readNewPaperIds(changes[NEW_PAPERS_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(onStorageChange);
    lifetime.onStop(() => {
      browser.storage.onChanged.removeListener(onStorageChange);
      annotator.stop();
    });

    const stored = await browser.storage.local.get(NEW_PAPERS_KEY);
    annotator.setNewPapers(readNewPaperIds(stored[NEW_PAPERS_KEY]));
    await annotator.start();
  },
});
