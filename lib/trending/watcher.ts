import { browser } from 'wxt/browser';
import { hasHostAccess } from '@/lib/hf/host-access';
import { LibraryReader } from '@/lib/library/reader';
import type { LibraryDatabase, TrendingRecord } from '@/lib/library/schema';
import type { PaperMetadata } from '@/lib/paper/model';
import { showBadge } from '@/lib/trending/badge';
import { fetchList } from '@/lib/trending/fetch-list';
import { publishNewPaperIds } from '@/lib/trending/new-papers-signal';
import { TrendingStore } from '@/lib/trending/store';
import { nextCheckDelay } from '@/lib/trending/schedule';
import { effectiveWatch, loadTrendingSettings, TRENDING_LIST_SIZE, trendingUrl, type TrendingSettings } from '@/lib/trending/settings';
import { loadTrendingStatus, saveTrendingStatus, type TrendingStatus } from '@/lib/trending/status';
import { matchesWatch } from '@/lib/trending/watch-filter';
import { t, tn } from '@/lib/i18n';

export const TRENDING_ALARM = 'trending-check';

export interface CheckReport {
  outcome: 'changed' | 'unchanged' | 'failed';
  requests: number;
  /** Rows written to the database (snapshots added, updated or pruned). */
  rowsWritten: number;
  status: TrendingStatus;
}

export interface WatcherDeps {
  db: LibraryDatabase;
  /** Hears that a new snapshot was recorded (what the learner reads changed). */
  onSnapshot?: () => void;
  /** Which of these papers are like the library; undefined while nothing is learned (then all count). */
  likeLibrary?: (papers: PaperMetadata[]) => Promise<Set<string> | undefined>;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** Whether PaperShelf may read huggingface.co (asked after a request failed). */
  hostAccess?: () => Promise<boolean>;
}

/**
 * Watches Hugging Face's trending list: one request per check, a snapshot kept for 30 days, and the
 * count of papers that newly entered it on the toolbar badge. All state lives in storage and
 * IndexedDB, so a service worker stopped at any moment loses nothing.
 */
export class TrendingWatcher {
  private running: Promise<CheckReport> | undefined;

  private readonly store: TrendingStore;
  private readonly library: LibraryReader;

  constructor(private readonly deps: WatcherDeps) {
    this.store = new TrendingStore(deps.db);
    this.library = new LibraryReader(deps.db);
  }

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  /** Checks now; a check already under way is joined, not repeated. */
  check(): Promise<CheckReport> {
    this.running ??= this.runCheck().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Browsers may drop alarms on restart: re-create it from the stored next check time. */
  async ensureScheduled(): Promise<void> {
    if (await browser.alarms.get(TRENDING_ALARM)) return;
    const status = await loadTrendingStatus();
    const due = status.nextCheckAt && status.nextCheckAt > this.now() ? status.nextCheckAt : this.now() + 1000;
    await browser.alarms.create(TRENDING_ALARM, { when: due });
  }

  /** After the interval changes in the options. */
  async reschedule(): Promise<void> {
    const [status, settings] = await Promise.all([loadTrendingStatus(), loadTrendingSettings()]);
    const base = status.lastCheckAt ?? this.now();
    const next = status.failures > 0 ? (status.nextCheckAt ?? this.now()) : Math.max(this.now() + 1000, base + settings.intervalMinutes * 60_000);
    await this.schedule({ ...status, nextCheckAt: next });
    await this.refreshBadge();
  }

  /** Forgets the trending history (the reader deleted all data); the next check sets a new baseline. */
  async clear(): Promise<void> {
    await this.store.clear();
    const status = await loadTrendingStatus();
    await saveTrendingStatus({ failures: status.failures, nextCheckAt: status.nextCheckAt });
    await this.refreshBadge();
  }

  /** The user has seen these papers (or all new ones): they are no longer new. */
  async markSeen(ids?: string[]): Promise<number> {
    const changed = await this.store.markSeen(ids);
    if (changed > 0) await this.refreshBadge();
    return changed;
  }

  /**
   * Papers that are new, not marked Not interested, and match what the badge counts; best ranked
   * first. `newRows`, when the caller has just read them, saves reading them again.
   */
  async newPapers(settings?: TrendingSettings, newRows?: TrendingRecord[]): Promise<TrendingRecord[]> {
    const s = settings ?? (await loadTrendingSettings());
    const [all, dismissed, libraryPapers] = await Promise.all([
      newRows ?? this.store.newRows(),
      this.deps.db.notInterested.toCollection().primaryKeys(),
      this.library.count(),
    ]);
    const skipped = new Set(dismissed.map(String));
    const rows = all.filter((r) => !skipped.has(r.id)).sort((a, b) => a.rank - b.rank);
    switch (effectiveWatch(s, libraryPapers)) {
      case 'all':
        return rows;
      case 'watched': {
        const watched = [...s.watchWords, ...(s.watchTags ? await this.library.tags() : [])];
        return rows.filter((r) => matchesWatch(r.paper, watched));
      }
      case 'like-library': {
        const like = await this.deps.likeLibrary?.(rows.map((r) => r.paper));
        return like ? rows.filter((r) => like.has(r.id)) : rows;
      }
    }
  }

  /** Counts the papers that newly trend again: the badge, and the ids papers pages mark "New". */
  async refreshBadge(settings?: TrendingSettings, newRows?: TrendingRecord[]): Promise<TrendingRecord[]> {
    const fresh = await this.newPapers(settings, newRows);
    await showBadge(fresh);
    await publishNewPaperIds(fresh.map((r) => r.id));
    return fresh;
  }

  private async runCheck(): Promise<CheckReport> {
    const [settings, status] = await Promise.all([loadTrendingSettings(), loadTrendingStatus()]);
    const now = this.now();
    let outcome = await fetchList(trendingUrl(settings), { etag: status.etag, fetch: this.deps.fetch, now: () => now, limit: TRENDING_LIST_SIZE });
    // Without access to huggingface.co the request fails like a network that is down: say which.
    if (outcome.kind === 'failed' && outcome.error === 'offline' && !(await (this.deps.hostAccess ?? hasHostAccess)().catch(() => true))) {
      outcome = { kind: 'failed', error: 'no-access', message: t('hf_error_no_access') };
    }

    if (outcome.kind === 'failed') {
      const failures = status.failures + 1;
      const delay = nextCheckDelay({ failures, intervalMinutes: settings.intervalMinutes, retryAfterMs: outcome.retryAfterMs, random: this.deps.random });
      const next: TrendingStatus = {
        ...status,
        failures,
        lastCheckAt: now,
        nextCheckAt: now + delay,
        error: { kind: outcome.error, message: outcome.message, at: now },
      };
      await this.schedule(next);
      return { outcome: 'failed', requests: 1, rowsWritten: 0, status: next };
    }

    const healthy: TrendingStatus = { ...status, failures: 0, lastCheckAt: now, lastSuccessAt: now, nextCheckAt: now + settings.intervalMinutes * 60_000 };
    delete healthy.error;
    if (outcome.kind === 'list') {
      if (outcome.dropped > 0) healthy.notice = t('trending_notice_dropped', outcome.papers.length + outcome.dropped, outcome.papers.length);
      else delete healthy.notice;
    }
    const signature = outcome.kind === 'list' ? outcome.papers.map((p) => `${p.paper.id}:${p.rank}`).join(',') : status.signature;
    if (outcome.kind === 'not-modified' || (status.baselineAt !== undefined && signature === status.signature)) {
      const next = { ...healthy, ...(outcome.kind === 'list' && outcome.etag ? { etag: outcome.etag } : {}) };
      await this.schedule(next);
      return { outcome: 'unchanged', requests: 1, rowsWritten: 0, status: next };
    }

    const { written, added, newRows } = await this.store.record(outcome.papers, now, status.baselineAt !== undefined, async (ids) => {
      const saved = await this.library.papers(ids);
      return ids.map((id) => saved.has(id));
    });
    this.deps.onSnapshot?.();
    const next: TrendingStatus = { ...healthy, baselineAt: status.baselineAt ?? now, signature, listedAt: now };
    if (outcome.etag) next.etag = outcome.etag;
    else delete next.etag;
    await this.schedule(next);
    const fresh = await this.refreshBadge(settings, newRows);
    if (added > 0 && settings.notifications) await this.notify(fresh, added);
    return { outcome: 'changed', requests: 1, rowsWritten: written, status: next };
  }

  private async schedule(status: TrendingStatus) {
    await saveTrendingStatus(status);
    if (status.nextCheckAt !== undefined) await browser.alarms.create(TRENDING_ALARM, { when: status.nextCheckAt });
  }

  private async notify(fresh: TrendingRecord[], added: number) {
    if (!browser.notifications || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
    await browser.notifications.create('papershelf-trending', {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: tn('trending_notification_title', added),
      message: fresh
        .slice(0, 3)
        .map((r) => r.paper.title)
        .join('\n'),
    });
  }
}
