import { Library } from '@/lib/library/library';
import { NotInterestedStore } from '@/lib/library/not-interested';
import { createLibraryDatabase } from '@/lib/library/schema';
import { itemBytes, SYNC_QUOTA } from '@/lib/sync/quota';
import type { Alarms, KeyValueArea } from '@/lib/sync/service/areas';
import { SyncService, type StorageChanges, type SyncServiceDeps } from '@/lib/sync/service/service';
import { freshDatabaseName } from '../helpers';

/**
 * Browser profiles for testing the sync service: each with its own library database, storage.local,
 * storage.sync and alarms, and a sync service wired as the background wires it. `exchange` plays the
 * browser vendor's sync service, copying one profile's storage.sync into another's key by key (each
 * copy fires the receiver's change event, as a delivery from the sync server does).
 */

type Listener = (changes: StorageChanges) => void;

/** Orders every write of every simulated browser, as the sync server orders what reaches it. */
let writes = 0;

/** A storage area in memory that keeps values as JSON (as browsers do) and can enforce storage.sync's limits. */
export class MemoryArea implements KeyValueArea {
  readonly data = new Map<string, unknown>();
  /** When each key was last written, by whichever browser wrote it (the server keeps the latest). */
  readonly writtenAt = new Map<string, number>();
  private readonly listeners = new Set<Listener>();
  /** Counts set and remove calls (write operations). */
  operations = 0;
  /** Throws on the next write, as a browser refuses one (quota, rate). */
  failNext: Error | undefined;

  constructor(private readonly enforceQuota = false) {}

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null || keys === undefined ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    const out: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.refuseIfAsked();
    if (this.enforceQuota) {
      const next = new Map([...this.data, ...Object.entries(items)]);
      let total = 0;
      for (const [key, value] of next) {
        const bytes = itemBytes(key, value);
        if (bytes > SYNC_QUOTA.itemBytes) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        total += bytes;
      }
      if (total > SYNC_QUOTA.totalBytes) throw new Error('QUOTA_BYTES quota exceeded');
    }
    this.operations++;
    const at = ++writes;
    const changes: StorageChanges = {};
    for (const [key, value] of Object.entries(items)) {
      const copy = JSON.parse(JSON.stringify(value)) as unknown;
      changes[key] = { oldValue: this.data.get(key), newValue: copy };
      this.data.set(key, copy);
      this.writtenAt.set(key, at);
    }
    this.fire(changes);
  }

  /** A value delivered by the sync server: it keeps the time of the write it came from. */
  receive(key: string, value: unknown, at: number): void {
    this.data.set(key, value);
    this.writtenAt.set(key, at);
    this.fire({ [key]: { newValue: JSON.parse(JSON.stringify(value)) } });
  }

  async remove(keys: string | string[]): Promise<void> {
    this.refuseIfAsked();
    this.operations++;
    const changes: StorageChanges = {};
    for (const key of Array.isArray(keys) ? keys : [keys]) {
      if (!this.data.has(key)) continue;
      changes[key] = { oldValue: this.data.get(key) };
      this.data.delete(key);
    }
    this.fire(changes);
  }

  onChanged(listener: Listener): void {
    this.listeners.add(listener);
  }

  bytes(): number {
    let total = 0;
    for (const [key, value] of this.data) total += itemBytes(key, value);
    return total;
  }

  private refuseIfAsked() {
    const error = this.failNext;
    this.failNext = undefined;
    if (error) throw error;
  }

  private fire(changes: StorageChanges) {
    if (Object.keys(changes).length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }
}

export class FakeAlarms implements Alarms {
  readonly set = new Map<string, { when: number; periodInMinutes?: number }>();
  create(name: string, info: { when: number; periodInMinutes?: number }) {
    this.set.set(name, info);
  }
  async clear(name: string) {
    return this.set.delete(name);
  }
  async get(name: string) {
    return this.set.get(name);
  }
}

export interface Profile {
  name: string;
  library: Library;
  notInterested: NotInterestedStore;
  local: MemoryArea;
  sync: MemoryArea;
  alarms: FakeAlarms;
  service: SyncService;
  detailsRuns: number;
  /** Waits until every event handed to the service so far has been handled. */
  settle(): Promise<void>;
  /** Lets the write batch go (past the rate planner's settling time) and writes it. */
  flush(): Promise<void>;
}

export function simulatedClock(start = Date.UTC(2026, 10, 20, 9)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** A browser profile wired as the background wires sync (the library's events reach the service). */
export function profile(name: string, clock: ReturnType<typeof simulatedClock>, options: { enforceQuota?: boolean; db?: string } = {}): Profile {
  const library = new Library(createLibraryDatabase(options.db ?? freshDatabaseName()), clock.now);
  const notInterested = new NotInterestedStore(library.db, clock.now);
  const local = new MemoryArea();
  const sync = new MemoryArea(options.enforceQuota);
  const alarms = new FakeAlarms();
  const pending: Promise<unknown>[] = [];
  const track = (p: Promise<unknown>) => void pending.push(p.catch(() => undefined));
  const p: Profile = {
    name,
    library,
    notInterested,
    local,
    sync,
    alarms,
    detailsRuns: 0,
    service: undefined as unknown as SyncService,
    async settle() {
      while (pending.length > 0) await Promise.all(pending.splice(0));
    },
    async flush() {
      await p.settle();
      clock.advance(11_000);
      await p.service.flush();
    },
  };
  p.service = serviceFor(p, clock);
  library.onChange(() => track(p.service.libraryChanged()));
  notInterested.onChange((ids) => track(p.service.marksChanged(ids)));
  sync.onChanged((changes) => track(p.service.syncAreaChanged(changes)));
  return p;
}

/** A new service for the profile, as a restarted worker makes one. */
export function serviceFor(p: Profile, clock: { now: () => number }, overrides: Partial<SyncServiceDeps> = {}): SyncService {
  return new SyncService({
    library: p.library,
    sync: p.sync,
    local: p.local,
    alarms: p.alarms,
    now: clock.now,
    newReplicaId: () => p.name,
    details: {
      run: async () => void p.detailsRuns++,
      progress: async () => ({ waiting: await p.library.db.paperDetails.count() }),
    },
    ...overrides,
  });
}

/**
 * The vendor's sync service: `to` receives, key by key, every item `from` wrote later than what `to`
 * holds (the server keeps the latest write of each key).
 */
export async function exchange(from: Profile, to: Profile): Promise<number> {
  let copied = 0;
  for (const [key, value] of from.sync.data) {
    const at = from.sync.writtenAt.get(key)!;
    if (at <= (to.sync.writtenAt.get(key) ?? 0)) continue;
    to.sync.receive(key, value, at);
    copied++;
  }
  await to.settle();
  return copied;
}

/** Exchanges both ways, writing after each, until nothing changes any more. Returns the rounds it took. */
export async function settleAll(a: Profile, b: Profile, maxRounds = 6): Promise<number> {
  for (let round = 1; round <= maxRounds; round++) {
    await a.flush();
    await b.flush();
    const copied = (await exchange(a, b)) + (await exchange(b, a));
    await a.flush();
    await b.flush();
    if (copied === 0 && (await exchange(a, b)) + (await exchange(b, a)) === 0) return round;
  }
  throw new Error('The profiles did not settle');
}

/** The synced fields of every paper in a library, by id. */
export async function syncedRows(library: Library) {
  const rows = await library.db.papers.toArray();
  return Object.fromEntries(
    rows.map((r) => [r.id, { tags: [...r.tags].sort(), note: r.note, savedAt: r.savedAt, updatedAt: r.updatedAt }]),
  );
}
