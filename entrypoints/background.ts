import { browser } from 'wxt/browser';
import { broadcastLibraryChange } from '@/lib/messages/library-change';
import { keepForUndo, takeForUndo } from '@/lib/background/card-undo';
import { libraryDatabase } from '@/lib/library/instance';
import { Library } from '@/lib/library/library';
import { NotInterestedStore } from '@/lib/library/not-interested';
import { routeMessage, type RouterDeps } from '@/lib/messages/router';
import { startSyncService } from '@/lib/sync/service/in-background';
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

  const sync = startSyncService({ library, notInterested, onSettingsApplied: () => watcher.reschedule() });

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
    sync,
  };

  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender, deps));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TRENDING_ALARM) void watcher.check();
  });
  // Every time the worker starts: browsers may have dropped the alarm.
  void watcher.ensureScheduled();
});
