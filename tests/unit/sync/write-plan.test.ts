// @vitest-environment node
import { applyRemoteItems } from '@/lib/sync/apply-remote';
import { newClock, tick, type HybridClock } from '@/lib/sync/clock';
import { decodeItem, encodeItem, FORMAT_VERSION } from '@/lib/sync/codec/item';
import type { LocalPaper } from '@/lib/sync/paper-state';
import { itemBytes, MAX_SYNCED_NOTE_BYTES, SYNC_QUOTA } from '@/lib/sync/quota';
import { SETTINGS_KEY, SHARD_KEYS, shardKeyOf } from '@/lib/sync/shards';
import { emptySyncState, recordLocalPapers, recordLocalSettings, viewLibrary, type SyncState } from '@/lib/sync/sync-state';
import { DEFAULT_RESERVE_BYTES, planClear, planWrites, TOMBSTONE_DAYS } from '@/lib/sync/write-plan';
import { buildLibrary } from '../../fixtures/sync-library';

const NOW = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;

/** storage.sync after a plan's writes, as a plain record of values. */
function afterWrites(store: Record<string, unknown>, plan: { set: Record<string, string>; remove: string[] }): Record<string, unknown> {
  const next = { ...store, ...plan.set };
  for (const key of plan.remove) delete next[key];
  return next;
}

function totalBytes(store: Record<string, unknown>): number {
  return Object.entries(store).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
}

/** The ids of the library papers the items hold. */
function syncedIds(store: Record<string, unknown>): Set<string> {
  const state = emptySyncState();
  applyRemoteItems(state, store);
  return new Set(viewLibrary(state).papers.map((p) => p.id));
}

class Browser {
  state = emptySyncState();
  private clock: HybridClock;
  constructor(name: string) {
    this.clock = newClock(name);
  }
  record(papers: { id: string; after: LocalPaper | undefined }[], now = NOW) {
    const [stamp, clock] = tick(this.clock, now);
    this.clock = clock;
    return recordLocalPapers(this.state, papers, stamp);
  }
}

function paper(id: string, tags: string[] = [], note = '', savedAt = NOW): LocalPaper {
  return { id, tags, note, savedAt, updatedAt: savedAt };
}

describe('the quota', () => {
  it('holds a 3,000-paper library (two tags each from thirty, short notes on some) in storage.sync', () => {
    const { state, papers } = buildLibrary(3000);
    const plan = planWrites(state, {}, { now: NOW });
    const store = afterWrites({}, plan);
    const bytes = totalBytes(store);

    expect(plan.unsynced).toEqual({ papers: 0, marks: 0, blocked: 0, tooLarge: [] });
    expect(bytes).toBe(plan.bytes);
    expect(bytes).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes - DEFAULT_RESERVE_BYTES);
    for (const [key, value] of Object.entries(store)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.itemBytes);
    expect(syncedIds(store)).toEqual(new Set(papers.map((p) => p.id)));
    console.info(
      `storage.sync: ${papers.length} papers (and their removals and marks) in ${Object.keys(store).length} items, ` +
        `${bytes} bytes, ${(bytes / papers.length).toFixed(1)} bytes per paper`,
    );
  });

  it('keeps the most recently saved papers of a bigger library and says how many are left out', () => {
    const { state, papers } = buildLibrary(7000, 11);
    const plan = planWrites(state, {}, { now: NOW });
    const store = afterWrites({}, plan);
    const synced = syncedIds(store);

    expect(totalBytes(store)).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes - DEFAULT_RESERVE_BYTES);
    expect(synced.size).toBeGreaterThan(3000);
    expect(plan.unsynced.papers).toBe(papers.length - synced.size);
    const left = papers.filter((p) => !synced.has(p.id));
    const oldestSynced = Math.min(...papers.filter((p) => synced.has(p.id)).map((p) => p.savedAt));
    expect(Math.max(...left.map((p) => p.savedAt))).toBeLessThanOrEqual(oldestSynced);
    // Nothing is dropped locally.
    expect(viewLibrary(state).papers).toHaveLength(papers.length);
  });

  it('counts other keys in storage.sync against the budget', () => {
    const { state } = buildLibrary(3000);
    const alone = planWrites(state, {}, { now: NOW });
    const crowded = planWrites(state, { someoneElse: 'x'.repeat(60_000) }, { now: NOW });
    expect(alone.unsynced.papers).toBe(0);
    expect(crowded.unsynced.papers).toBeGreaterThan(1000);
    expect(crowded.bytes + itemBytes('someoneElse', 'x'.repeat(60_000))).toBeLessThanOrEqual(SYNC_QUOTA.totalBytes - DEFAULT_RESERVE_BYTES);
  });

  it('lets two browsers that choose differently near the quota settle, never past the quota', () => {
    const quota = { totalBytes: 14_000, itemBytes: 2_000 };
    const options = { now: NOW, quota, reserveBytes: 0 };
    for (const [seedX, seedY] of [[21, 22], [23, 24]]) {
      // x has a big library; y a few papers of its own, older or newer than x's, that x never had.
      const x = buildLibrary(900, seedX).state;
      const y = buildLibrary(60, seedY).state;
      let store: Record<string, unknown> = {};
      let rounds = 0;
      for (let quiet = 0; quiet < 2; rounds++) {
        expect(rounds).toBeLessThan(8);
        quiet++;
        for (const state of [x, y]) {
          applyRemoteItems(state, store);
          const plan = planWrites(state, store, options);
          expect(totalBytes(afterWrites(store, plan))).toBeLessThanOrEqual(quota.totalBytes);
          if (Object.keys(plan.set).length + plan.remove.length > 0) quiet = 0;
          store = afterWrites(store, plan);
        }
      }
    }
  });

  it('leaves out a paper whose note is too long, and says which', () => {
    const b = new Browser('b');
    b.record([{ id: '2401.00001', after: paper('2401.00001', [], 'x'.repeat(MAX_SYNCED_NOTE_BYTES + 1)) }, { id: '2401.00002', after: paper('2401.00002') }]);
    const plan = planWrites(b.state, {}, { now: NOW });
    expect(plan.unsynced).toMatchObject({ papers: 1, tooLarge: ['2401.00001'] });
    expect([...syncedIds(afterWrites({}, plan))]).toEqual(['2401.00002']);
  });
});

describe('writes', () => {
  it('touch only the item of the paper that changed', () => {
    const { state } = buildLibrary(3000);
    const store = afterWrites({}, planWrites(state, {}, { now: NOW }));
    const row = viewLibrary(state).papers[0]!;
    const id = row.id;
    recordLocalPapers(state, [{ id, after: { ...row, tags: [...row.tags, 'new tag'], updatedAt: NOW } }], { t: NOW, r: 'zz' });
    const plan = planWrites(state, store, { now: NOW });
    expect(Object.keys(plan.set)).toEqual([shardKeyOf(id)]);
    expect(plan.remove).toEqual([]);
  });

  it('are none when the store already holds everything, and none after applying a remote item (no echo)', () => {
    const a = new Browser('a');
    a.record([{ id: '2401.00001', after: paper('2401.00001', ['LLM'], 'note') }, { id: '2401.00002', after: paper('2401.00002', ['RL']) }]);
    const store = afterWrites({}, planWrites(a.state, {}, { now: NOW }));
    expect(planWrites(a.state, store, { now: NOW }).set).toEqual({});

    const b = new Browser('b');
    const first = applyRemoteItems(b.state, store);
    expect(first.changes.papers.map((c) => c.id).sort()).toEqual(['2401.00001', '2401.00002']);
    expect(planWrites(b.state, store, { now: NOW })).toMatchObject({ set: {}, remove: [] });
    // The same items again teach nothing: no library change, no write.
    const again = applyRemoteItems(b.state, store);
    expect(again.changes).toEqual({ papers: [], marks: [], settings: [] });
    expect(again.changed).toEqual({ papers: [], marks: [], settings: [] });
    // Re-encoding what was applied gives the very item that came in.
    for (const value of Object.values(store)) {
      const read = decodeItem(value);
      expect(read.ok && encodeItem(read.state)).toBe(value);
    }
  });

  it('put back what a concurrent write to the same item lost, and then stop', () => {
    const [a, b] = [new Browser('a'), new Browser('b')];
    a.record([{ id: '2401.00001', after: paper('2401.00001', ['from a']) }]);
    b.record([{ id: '2401.00001', after: paper('2401.00001', ['from b'], '', NOW + 1) }]);
    // Both write before hearing of each other; the store keeps b's write whole.
    const planA = planWrites(a.state, {}, { now: NOW });
    const planB = planWrites(b.state, {}, { now: NOW });
    let store = afterWrites(afterWrites({}, planA), planB);
    // a hears b's value, merges, and publishes the union; b hears that and has nothing to add.
    applyRemoteItems(a.state, store);
    const republish = planWrites(a.state, store, { now: NOW });
    expect(Object.keys(republish.set)).toEqual([shardKeyOf('2401.00001')]);
    store = afterWrites(store, republish);
    applyRemoteItems(b.state, store);
    expect(planWrites(b.state, store, { now: NOW }).set).toEqual({});
    expect(viewLibrary(b.state).papers[0]!.tags.sort()).toEqual(['from a', 'from b']);
  });

  it('never touch an item that could not be read, and say so', () => {
    const a = new Browser('a');
    const ids = ['2401.00001', '2401.00002', '2401.00003', '2401.00004', '2401.00005', '2401.00006'];
    a.record(ids.map((id) => ({ id, after: paper(id, ['LLM']) })));
    const blockedKey = shardKeyOf(ids[0]!);
    const newerKey = shardKeyOf(ids.find((id) => shardKeyOf(id) !== blockedKey)!);
    const store: Record<string, unknown> = { [blockedKey]: '1zdamaged!', [newerKey]: `${FORMAT_VERSION + 1}zwhatever` };

    const applied = applyRemoteItems(emptySyncState(), store);
    expect(applied.skipped.map((s) => [s.key, s.reason]).sort()).toEqual([[blockedKey, 'damaged'], [newerKey, 'newer-format']].sort());

    const plan = planWrites(a.state, store, { now: NOW });
    expect(Object.keys(plan.set)).not.toContain(blockedKey);
    expect(Object.keys(plan.set)).not.toContain(newerKey);
    expect(plan.remove).toEqual([]);
    expect(plan.items.find((i) => i.key === blockedKey)).toMatchObject({ writable: false, problem: { reason: 'damaged' } });
    expect(plan.items.find((i) => i.key === newerKey)).toMatchObject({ writable: false, problem: { reason: 'newer-format' } });
    const blocked = ids.filter((id) => [blockedKey, newerKey].includes(shardKeyOf(id))).length;
    expect(plan.unsynced).toMatchObject({ papers: blocked, blocked });

    // Only when the person agrees is a damaged item replaced.
    const replaced = planWrites(a.state, store, { now: NOW, replaceUnreadable: [blockedKey] });
    expect(Object.keys(replaced.set)).toContain(blockedKey);
    expect(Object.keys(replaced.set)).not.toContain(newerKey);
  });

  it('leave removals older than the pruning horizon out of the store', () => {
    const a = new Browser('a');
    const old = NOW - (TOMBSTONE_DAYS + 1) * DAY;
    a.record([{ id: '2401.00001', after: paper('2401.00001', [], '', old) }, { id: '2401.00002', after: paper('2401.00002', [], '', old) }], old);
    a.record([{ id: '2401.00001', after: undefined }], old + 1);
    a.record([{ id: '2401.00002', after: undefined }], NOW);
    const store = afterWrites({}, planWrites(a.state, {}, { now: NOW }));
    const held = emptySyncState();
    applyRemoteItems(held, store);
    expect([...held.papers.keys()]).toEqual(['2401.00002']);
  });

  it('carry settings in their own item', () => {
    const a = new Browser('a');
    recordLocalSettings(a.state, new Map<string, unknown>([['intervalMinutes', 45]]), { t: NOW, r: 'a' });
    const plan = planWrites(a.state, {}, { now: NOW });
    expect(Object.keys(plan.set)).toEqual([SETTINGS_KEY]);
    const b: SyncState = emptySyncState();
    expect(applyRemoteItems(b, plan.set).changes.settings).toEqual([{ name: 'intervalMinutes', value: 45 }]);
  });

  it('can clear every item of ours and nothing else', () => {
    expect(planClear({ [SHARD_KEYS[3]!]: 'x', [SETTINGS_KEY]: 'y', someoneElse: 1 }).sort()).toEqual([SETTINGS_KEY, SHARD_KEYS[3]].sort());
  });
});
