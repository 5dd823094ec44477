import { browser } from 'wxt/browser';
import { broadcastLibraryChange } from '@/lib/messages/library-change';
import { keepForUndo, takeForUndo } from '@/lib/background/card-undo';
import { onHostAccessChange } from '@/lib/hf/host-access';
import { libraryDatabase } from '@/lib/library/instance';
import { Library } from '@/lib/library/library';
import { NotInterestedStore } from '@/lib/library/not-interested';
import { routeMessage, type RouterDeps } from '@/lib/messages/router';
import { TRENDING_ALARM, TrendingWatcher } from '@/lib/trending/watcher';

export default defineBackground(() => {
  const library = new Library(libraryDatabase());
  const notInterested = new NotInterestedStore(libraryDatabase());
  const watcher = new TrendingWatcher({ db: libraryDatabase() });
  library.onChange((ids) => {
    void broadcastLibraryChange(ids);
    // Papers the user saves count as seen.
    void watcher.markSeen(ids);
  });

  const deps: RouterDeps = {
    library,
    notInterested,
    own: {
      id: browser.runtime.id,
      origin: browser.runtime.getURL('/'),
      version: browser.runtime.getManifest().version,
    },
    cardUndo: { keep: (papers) => keepForUndo(papers), take: (token) => takeForUndo(token) },
    trending: watcher,
  };

  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender, deps));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TRENDING_ALARM) void watcher.check();
  });
  // Access to huggingface.co given back (it can be withdrawn in Firefox): check without waiting for the backoff.
  onHostAccessChange((granted) => granted && void watcher.check());
  // Every time the worker starts: browsers may have dropped the alarm.
  void watcher.ensureScheduled();
});
