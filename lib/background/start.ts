import { browser } from 'wxt/browser';
import { onHostAccessChange } from '@/lib/hf/host-access';
import { libraryDatabase } from '@/lib/library/instance';
import { Library } from '@/lib/library/library';
import { NotInterestedStore } from '@/lib/library/not-interested';
import { broadcastLibraryChange, lastLibraryChangeAt, LIBRARY_CHANGE_KEY } from '@/lib/messages/library-change';
import { routeMessage, type RouterDeps } from '@/lib/messages/router';
import { learningSettings } from '@/lib/settings/learning';
import { startSyncService } from '@/lib/sync/service/in-background';
import { TRENDING_ALARM, TrendingWatcher } from '@/lib/trending/watcher';
import { keepForUndo, takeForUndo } from '@/lib/background/card-undo';
import { RelevanceService } from '@/lib/background/relevance-service';

/**
 * The background: builds the services, connects what each must hear of the others, and answers
 * messages. Everything here can stop at any moment (a Manifest V3 worker); nothing lives only here.
 */
export function startBackground(): void {
  const db = libraryDatabase();
  const library = new Library(db);
  const notInterested = new NotInterestedStore(db);
  const trending: TrendingWatcher = new TrendingWatcher({
    db,
    onSnapshot: () => relevance.changed(),
    likeLibrary: async (papers) => {
      const scores = await relevance.forYou(papers);
      return scores.length > 0 ? new Set(scores.filter((s) => s.likeLibrary).map((s) => s.id)) : undefined;
    },
  });
  const relevance = new RelevanceService({
    db,
    enabled: async () => (await learningSettings.get()).enabled,
    libraryChangedAt: lastLibraryChangeAt,
    // A new model changes which new papers are like the library.
    onTrained: () => void trending.refreshBadge(),
  });

  library.onChange((ids) => {
    void broadcastLibraryChange(ids);
    // Papers the user saves count as seen.
    void trending.markSeen(ids);
    relevance.changed();
  });
  notInterested.onChange(() => {
    relevance.changed();
    void trending.refreshBadge();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    // The settings page writes to the library too.
    if (LIBRARY_CHANGE_KEY in changes) relevance.changed();
    if (learningSettings.key in changes) {
      void learningSettings.get().then(async ({ enabled }) => {
        if (enabled) relevance.changed();
        else await relevance.forget();
        await trending.refreshBadge();
      });
    }
  });

  const sync = startSyncService({ library, notInterested, onSettingsApplied: () => trending.reschedule() });

  const deps: RouterDeps = {
    library,
    notInterested,
    own: { id: browser.runtime.id, origin: browser.runtime.getURL('/'), version: browser.runtime.getManifest().version },
    cardUndo: { keep: (papers) => keepForUndo(papers), take: (token) => takeForUndo(token) },
    trending,
    sync,
    relevance: {
      suggestions: (paper, limit) => relevance.suggestions(paper, limit),
      forYou: (papers) => relevance.forYou(papers),
      related: (paper, limit) => relevance.related(paper, limit),
      tagsNewSaves: async () => (await learningSettings.get()).tagNewSavesWithTopSuggestion,
      forget: () => relevance.forget(),
    },
  };

  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender, deps));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TRENDING_ALARM) void trending.check();
  });
  // Access to huggingface.co given back (it can be withdrawn in Firefox): check without waiting for the backoff.
  onHostAccessChange((granted) => granted && void trending.check());
  // Every time the worker starts: browsers may have dropped the alarm.
  void trending.ensureScheduled();
}
