import { browser } from 'wxt/browser';
import { Annotator } from '@/lib/annotate/annotator';
import { isLibraryChange, LIBRARY_CHANGE_KEY } from '@/lib/messages/library-change';
import { sendRequest } from '@/lib/messages/client';
import { NEW_PAPERS_KEY, readNewPaperIds } from '@/lib/trending/new-papers-signal';

export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_idle',
  async main(ctx) {
    const annotator = new Annotator({
      document,
      location: () => new URL(location.href),
      send: sendRequest,
      setTimeout: (callback, ms) => ctx.setTimeout(callback, ms),
    });

    const onStorageChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const change = changes[LIBRARY_CHANGE_KEY]?.newValue;
      if (isLibraryChange(change)) void annotator.refresh(change.ids);
      if (NEW_PAPERS_KEY in changes) annotator.setNewPapers(readNewPaperIds(changes[NEW_PAPERS_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(onStorageChange);
    ctx.onInvalidated(() => {
      browser.storage.onChanged.removeListener(onStorageChange);
      annotator.stop();
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => void annotator.rescan());

    const stored = await browser.storage.local.get(NEW_PAPERS_KEY);
    annotator.setNewPapers(readNewPaperIds(stored[NEW_PAPERS_KEY]));
    await annotator.start();
    // A marker for anyone checking that PaperShelf is active on this page.
    document.documentElement.dataset.papershelf = 'ready';
  },
});
