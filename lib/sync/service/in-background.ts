import { browser } from 'wxt/browser';
import type { Library } from '@/lib/library/library';
import type { NotInterestedStore } from '@/lib/library/not-interested';
import { LIBRARY_CHANGE_KEY } from '@/lib/messages/library-change';
import { TRENDING_SETTINGS_KEY } from '@/lib/trending/settings';
import { DETAILS_ALARM, PaperDetailsFiller } from '@/lib/sync/service/paper-details';
import { SYNC_PRUNE_ALARM, SYNC_RETRY_ALARM, SYNC_WRITE_ALARM, SyncService } from '@/lib/sync/service/service';

/** Problems are recorded in the sync status the settings page shows; the event handler has no one to tell. */
const recorded = () => undefined;

/**
 * Starts sync in the background worker: hands it every event it follows (synchronously, at the
 * worker's start, so the events that wake the worker reach it) and lets it take in what storage.sync
 * holds now.
 */
export function startSyncService(deps: { library: Library; notInterested: NotInterestedStore; onSettingsApplied: () => unknown }): SyncService {
  const { library, notInterested } = deps;
  const details = new PaperDetailsFiller({ library, local: browser.storage.local, alarms: browser.alarms });
  const sync = new SyncService({
    library,
    sync: browser.storage.sync,
    local: browser.storage.local,
    alarms: browser.alarms,
    details,
    onSettingsApplied: deps.onSettingsApplied,
    timer: (write, ms) => {
      const id = setTimeout(write, ms);
      return () => clearTimeout(id);
    },
  });

  library.onChange(() => void sync.libraryChanged().catch(recorded));
  notInterested.onChange((ids) => void sync.marksChanged(ids).catch(recorded));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync') void sync.syncAreaChanged(changes).catch(recorded);
    if (area !== 'local') return;
    // The settings page writes the library itself; it tells open pages (and so this worker) after.
    if (LIBRARY_CHANGE_KEY in changes) void sync.libraryChanged().catch(recorded);
    if (TRENDING_SETTINGS_KEY in changes) void sync.localSettingsChanged().catch(recorded);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if ([SYNC_WRITE_ALARM, SYNC_PRUNE_ALARM, SYNC_RETRY_ALARM].includes(alarm.name)) void sync.alarm(alarm.name).catch(recorded);
    if (alarm.name === DETAILS_ALARM) void details.run().catch(recorded);
  });

  void sync.start().catch(recorded);
  void details.run().catch(recorded);
  return sync;
}
