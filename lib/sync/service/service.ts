import type { Library } from '@/lib/library/library';
import { errorMessage } from '@/lib/messages/client';
import { applyRemoteItems, type RemoteApply } from '@/lib/sync/apply-remote';
import { newClock, newReplicaId, observe, tick, type HybridClock, type Stamp } from '@/lib/sync/clock';
import { isSyncKey } from '@/lib/sync/shards';
import {
  emptySyncState,
  latestTime,
  pruneState,
  recordExistingLibrary,
  recordLocalMarks,
  recordLocalPapers,
  recordLocalSettings,
  viewLibrary,
  type ChangedEntries,
  type SyncState,
} from '@/lib/sync/sync-state';
import { planWrites, TOMBSTONE_DAYS } from '@/lib/sync/write-plan';
import { operationsOf, recordBatch } from '@/lib/sync/write-rate';
import type { Alarms, KeyValueArea } from '@/lib/sync/service/areas';
import { loadSyncConfig, saveSyncConfig, type SyncConfig } from '@/lib/sync/service/config';
import { allMarkIds, differencesFromState, marksNow, papersChangedSince, writeToLibrary, type LibraryWrite } from '@/lib/sync/service/library-changes';
import { queueDetails, type DetailsProgress } from '@/lib/sync/service/paper-details';
import { initialSyncStatus, type SyncStatus } from '@/lib/sync/service/status';
import { loadStatus, saveStatus, statusFromPlan, unreadableStatus, updateStatus } from '@/lib/sync/service/status-store';
import { addEntries, clearSyncState, hasEntries, loadSyncState, markLogRead, noEntries, persistEntries, syncTables } from '@/lib/sync/service/sync-store';
import { applySyncedSettings, localSyncedSettings, TRENDING_SETTING, usesDefaultSettings } from '@/lib/sync/service/trending-setting';
import { batchDueAt, classifyWriteError, clearWrites, loadWrites, retryDelay, saveWrites, withPendingChange, type WritesRecord } from '@/lib/sync/service/write-schedule';

export const SYNC_WRITE_ALARM = 'sync-write';
export const SYNC_PRUNE_ALARM = 'sync-prune';
export const SYNC_RETRY_ALARM = 'sync-retry';
const DAY = 86_400_000;

export interface SyncServiceDeps {
  library: Library;
  /** storage.sync, and storage.local (replica id, clock, pending writes, status). */
  sync: KeyValueArea;
  local: KeyValueArea;
  alarms: Alarms;
  /** Fetches the details of papers that arrived by id only. */
  details?: { run(): Promise<void>; progress(): Promise<DetailsProgress> };
  now?: () => number;
  /**
   * Runs `write` after `ms` while the worker is awake, sooner than an alarm may fire (packed Chrome
   * fires alarms 30 s apart at best). The alarm stays set: if the worker stops, it does the write.
   */
  timer?: (write: () => void, ms: number) => () => void;
  /** The trending settings changed through sync (the watcher reschedules). */
  onSettingsApplied?: () => unknown;
  newReplicaId?: () => string;
}

/** storage.onChanged's changes for one area. */
export type StorageChanges = Record<string, { newValue?: unknown; oldValue?: unknown }>;

interface StepInput {
  /** Items read from storage.sync (all of them, or the new values of changed keys). */
  remote?: Record<string, unknown>;
  /** The remote items are everything storage.sync holds (the worker started). */
  wholeStore?: boolean;
  /** Papers whose "not interested" mark changed here, or every mark (when the worker starts). */
  marks?: readonly string[] | 'all';
  /** This browser's synced settings, after the person changed them. */
  settings?: Map<string, unknown>;
}

/**
 * Keeps the library in step with storage.sync (see lib/sync/README.md for the scheme). The background
 * hands it every event: library changes, "not interested" marks, settings, storage.sync changes and
 * alarms. Each step runs after the previous one has finished, records local actions (one stamp per
 * step, read from the change log), applies what other browsers wrote in the same transaction as the
 * library rows, and schedules a batch of writes. Everything it needs lives in IndexedDB and
 * storage.local, so the worker may stop between any two steps.
 */
export class SyncService {
  private queue: Promise<unknown> = Promise.resolve();
  private state: SyncState | undefined;
  /** What this browser last wrote to each key: the change events of its own writes teach nothing. */
  private readonly written = new Map<string, unknown>();
  private cancelTimer: (() => void) | undefined;
  /** Stamps already made or heard of, from the state when it was read: the clock starts past them. */
  private clockFloor = 0;

  constructor(private readonly deps: SyncServiceDeps) {}

  /** The worker started: take in whatever storage.sync holds now and catch up with local changes. */
  start(): Promise<void> {
    return this.whenOn(async (config) => {
      await this.step(config, { remote: await this.deps.sync.get(null), wholeStore: true, marks: 'all' });
      if (!(await this.deps.alarms.get(SYNC_PRUNE_ALARM))) this.armPruning();
      await this.deps.alarms.clear(SYNC_RETRY_ALARM);
      await this.updateStatus(({ failure: _, ...status }) => status);
    });
  }

  async setEnabled(on: boolean): Promise<SyncStatus> {
    await this.serial(() => (on ? this.turnOn() : this.turnOff()));
    return this.status();
  }

  async status(): Promise<SyncStatus> {
    const config = await loadSyncConfig(this.deps.local);
    const [status, details] = await Promise.all([loadStatus(this.deps.local, config.on), this.deps.details?.progress()]);
    return { ...status, on: config.on, ...(details ? { details } : {}) };
  }

  /** The library changed (here, in the settings page, anywhere): record what the change log holds. */
  libraryChanged(): Promise<void> {
    return this.whenOn((config) => this.step(config, {}));
  }

  marksChanged(ids: readonly string[]): Promise<void> {
    return this.whenOn((config) => this.step(config, { marks: ids }));
  }

  localSettingsChanged(): Promise<void> {
    return this.whenOn(async (config) => this.step(config, { settings: await localSyncedSettings(this.deps.local) }));
  }

  /** storage.onChanged for the `sync` area: another browser's writes (and the echo of ours, skipped). */
  syncAreaChanged(changes: StorageChanges): Promise<void> {
    const items: Record<string, unknown> = {};
    for (const [key, change] of Object.entries(changes)) {
      if (!isSyncKey(key)) continue;
      const value = change.newValue ?? undefined;
      if (this.written.has(key) && this.written.get(key) === value) continue;
      items[key] = value;
    }
    if (Object.keys(items).length === 0) return Promise.resolve();
    return this.whenOn((config) => this.step(config, { remote: items }));
  }

  alarm(name: string): Promise<void> {
    if (name === SYNC_WRITE_ALARM) return this.flush();
    if (name === SYNC_PRUNE_ALARM) return this.whenOn(() => this.prune());
    if (name === SYNC_RETRY_ALARM) return this.start();
    return Promise.resolve();
  }

  /** Writes the pending batch if the rate planner lets it go now (else sets the alarm for when it may). */
  flush(): Promise<void> {
    return this.whenOn(() => this.writeBatch());
  }

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs `task` in turn if sync is on; an error is recorded where the settings page shows it. */
  private whenOn(task: (config: SyncConfig & { replica: string }) => Promise<void>): Promise<void> {
    return this.serial(async () => {
      const config = await loadSyncConfig(this.deps.local);
      if (!config.on || config.replica === undefined) return;
      try {
        await task({ ...config, replica: config.replica });
      } catch (error) {
        this.state = undefined;
        // Read everything again in a minute: what failed to apply is still in storage.sync.
        this.deps.alarms.create(SYNC_RETRY_ALARM, { when: this.now() + 60_000 });
        await this.updateStatus((s) => ({ ...s, failure: { message: errorMessage(error), at: this.now() } }));
        throw error;
      }
    });
  }

  private async loadState(): Promise<SyncState> {
    if (this.state === undefined) {
      this.state = await loadSyncState(this.deps.library.db);
      this.clockFloor = latestTime(this.state);
    }
    return this.state;
  }

  /**
   * One step, in one library transaction: local actions since the last step get one stamp; remote
   * items are merged and written into the library rows and the sync tables; the change log is marked
   * read (including the entries this step's own writes added). Applying a remote change writes nothing
   * back by itself: the library rows then equal the state, so recording them records nothing.
   */
  private async step(config: SyncConfig & { replica: string }, input: StepInput): Promise<void> {
    const { library } = this.deps;
    const { db } = library;
    const state = await this.loadState();
    const now = this.now();
    let clock: HybridClock = newClock(config.replica, Math.max(config.clock, this.clockFloor));
    let stamp: Stamp | undefined;
    const stampNow = () => {
      if (stamp === undefined) [stamp, clock] = tick(clock, now);
      return stamp;
    };
    let outcome: { touched: ChangedEntries; applied?: RemoteApply; write?: LibraryWrite };
    try {
      outcome = await library.writeWith(syncTables(db), async () => {
        const touched = noEntries();
        const local = await papersChangedSince(db, state);
        if (local) touched.papers.push(...recordLocalPapers(state, local, stampNow()));
        const markIds = input.marks === 'all' ? await allMarkIds(db, state) : input.marks;
        if (markIds?.length) touched.marks.push(...recordLocalMarks(state, await marksNow(db, markIds), stampNow()));
        if (input.settings) touched.settings.push(...recordLocalSettings(state, input.settings, stampNow()));
        let applied: RemoteApply | undefined;
        let write: LibraryWrite | undefined;
        if (input.remote) {
          applied = applyRemoteItems(state, input.remote);
          clock = observe(clock, applied.latestTime);
          addEntries(touched, applied.changed);
          write = await writeToLibrary(db, applied.changes);
          await queueDetails(library, write.placeholders, now);
        }
        await persistEntries(db, state, touched);
        if (local || write) await markLogRead(db);
        return { result: { touched, applied, write }, changed: write?.papers ?? [] };
      });
    } catch (error) {
      // The transaction did not happen; the state in memory may have: read it again next time.
      this.state = undefined;
      throw error;
    }
    this.clockFloor = clock.last;
    if (clock.last > config.clock) await saveSyncConfig(this.deps.local, { ...config, clock: clock.last });

    const { touched, applied, write } = outcome;
    if (applied) await this.received(applied, input, now);
    if (write?.placeholders.length) void this.deps.details?.run();
    if (hasEntries(touched) || input.remote) await this.scheduleWrite(now);
  }

  /** After remote items were applied: settings into this browser's, and what the status says. */
  private async received(applied: RemoteApply, input: StepInput, now: number) {
    if (applied.changes.settings.length > 0 && (await applySyncedSettings(this.deps.local, applied.changes.settings))) {
      await this.deps.onSettingsApplied?.();
    }
    const learned = hasEntries(applied.changed);
    const readKeys = new Set(Object.keys(input.remote ?? {}));
    await this.updateStatus((status) => {
      // Items read now replace what was known of them; the whole store replaces everything.
      const kept = input.wholeStore ? [] : status.unreadable.filter((item) => !readKeys.has(item.key));
      return { ...status, unreadable: [...kept, ...applied.skipped.map(unreadableStatus)], ...(learned ? { lastReceivedAt: now } : {}) };
    });
  }

  private async turnOn(): Promise<void> {
    const config = await loadSyncConfig(this.deps.local);
    if (config.on && config.replica !== undefined) return;
    const replica = config.replica ?? (this.deps.newReplicaId ?? newReplicaId)();
    const { library } = this.deps;
    const { db } = library;
    const [items, settings, defaults] = await Promise.all([this.deps.sync.get(null), localSyncedSettings(this.deps.local), usesDefaultSettings(this.deps.local)]);
    const now = this.now();
    const state = emptySyncState();
    let clock = newClock(replica, config.clock);
    let applied: RemoteApply | undefined;
    this.state = undefined;
    const write = await library.writeWith(syncTables(db), async () => {
      await Promise.all([db.syncPapers.clear(), db.syncMarks.clear(), db.syncSettings.clear()]);
      // The library as it is, each row dated by its own last edit, united with what is synced.
      recordExistingLibrary(state, await db.papers.toArray(), replica);
      for (const mark of await db.notInterested.toArray()) recordLocalMarks(state, [{ id: mark.id, marked: true }], { t: mark.at, r: replica });
      applied = applyRemoteItems(state, items);
      clock = observe(clock, latestTime(state));
      // Settings left as they came say nothing: only chosen ones are published.
      if (!state.settings.has(TRENDING_SETTING) && !defaults) {
        const [stamp, next] = tick(clock, now);
        clock = next;
        recordLocalSettings(state, settings, stamp);
      }
      const write = await writeToLibrary(db, await differencesFromState(db, state));
      await queueDetails(library, write.placeholders, now);
      await persistEntries(db, state, everyEntry(state));
      await markLogRead(db);
      return { result: write, changed: write.papers };
    });
    this.state = state;
    this.clockFloor = clock.last;
    await saveSyncConfig(this.deps.local, { on: true, replica, clock: clock.last });
    const synced = [...viewLibrary(state).settings].map(([name, value]) => ({ name, value }));
    if (await applySyncedSettings(this.deps.local, synced)) await this.deps.onSettingsApplied?.();
    await saveStatus(this.deps.local, {
      ...initialSyncStatus(true),
      unreadable: applied!.skipped.map(unreadableStatus),
      ...(hasEntries(applied!.changed) ? { lastReceivedAt: now } : {}),
    });
    if (write.placeholders.length > 0) void this.deps.details?.run();
    this.armPruning();
    await this.scheduleWrite(now);
  }

  /**
   * Stops syncing in this browser: nothing is written to or read from storage.sync any more, and what
   * sync knew is forgotten (turning it on again unites the library with the synced one afresh). The
   * library and storage.sync stay as they are: other browsers keep syncing.
   */
  private async turnOff(): Promise<void> {
    const config = await loadSyncConfig(this.deps.local);
    if (!config.on) return;
    await saveSyncConfig(this.deps.local, { ...config, on: false });
    this.cancelTimer?.();
    await Promise.all([this.deps.alarms.clear(SYNC_WRITE_ALARM), this.deps.alarms.clear(SYNC_PRUNE_ALARM)]);
    await clearSyncState(this.deps.library.db);
    await clearWrites(this.deps.local);
    this.state = undefined;
    this.written.clear();
    await saveStatus(this.deps.local, initialSyncStatus(false));
  }

  /** Daily: tombstones older than the horizon are forgotten (see README: pruning). */
  private async prune(): Promise<void> {
    const { db } = this.deps.library;
    const state = await this.loadState();
    const now = this.now();
    const changed = pruneState(state, now - TOMBSTONE_DAYS * DAY);
    if (!hasEntries(changed)) return;
    await db.transaction('rw', db.syncPapers, db.syncMarks, db.syncSettings, () => persistEntries(db, state, changed)).catch((error) => {
      this.state = undefined;
      throw error;
    });
    await this.scheduleWrite(now);
  }

  private armPruning() {
    this.deps.alarms.create(SYNC_PRUNE_ALARM, { when: this.now() + DAY, periodInMinutes: 24 * 60 });
  }

  private async scheduleWrite(now: number) {
    const writes = withPendingChange(await loadWrites(this.deps.local), now);
    await saveWrites(this.deps.local, writes);
    this.armWrite(writes, now);
  }

  private armWrite(writes: WritesRecord, now: number) {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const due = batchDueAt(writes, now);
    if (due === undefined) return void this.deps.alarms.clear(SYNC_WRITE_ALARM);
    this.deps.alarms.create(SYNC_WRITE_ALARM, { when: due });
    if (this.deps.timer) this.cancelTimer = this.deps.timer(() => void this.flush().catch(() => undefined), Math.max(0, due - now));
  }

  private async writeBatch(): Promise<void> {
    const now = this.now();
    const writes = await loadWrites(this.deps.local);
    const due = batchDueAt(writes, now);
    if (due === undefined) return;
    if (due > now) return this.armWrite(writes, now);
    const state = await this.loadState();
    const store = await this.deps.sync.get(null);
    const plan = planWrites(state, store, { now });
    const operations = operationsOf(plan);
    try {
      for (const [key, value] of Object.entries(plan.set)) this.written.set(key, value);
      for (const key of plan.remove) this.written.set(key, undefined);
      if (Object.keys(plan.set).length > 0) await this.deps.sync.set(plan.set);
      if (plan.remove.length > 0) await this.deps.sync.remove(plan.remove);
    } catch (error) {
      const failure = classifyWriteError(error);
      const failures = writes.failures + 1;
      const retryAt = now + retryDelay(failure.kind, failure.message, failures);
      const next = { ...writes, past: recordBatch(writes.past, now, operations), failures, retryAt };
      await saveWrites(this.deps.local, next);
      await this.updateStatus((s) => ({ ...s, writeProblem: { kind: failure.kind, message: failure.message, retryAt } }));
      return this.armWrite(next, now);
    }
    await saveWrites(this.deps.local, { past: recordBatch(writes.past, now, operations), failures: 0 });
    await this.deps.alarms.clear(SYNC_WRITE_ALARM);
    await this.updateStatus(({ writeProblem: _, failure: __, ...status }) => ({
      ...status,
      ...statusFromPlan(state, store, plan),
      ...(operations > 0 ? { lastSentAt: now } : {}),
    }));
  }

  private updateStatus(change: (status: SyncStatus) => SyncStatus) {
    return updateStatus(this.deps.local, change);
  }
}

function everyEntry(state: SyncState): ChangedEntries {
  return { papers: [...state.papers.keys()], marks: [...state.marks.keys()], settings: [...state.settings.keys()] };
}
