// @vitest-environment node
import 'fake-indexeddb/auto';
import { applyRemoteItems } from '@/lib/sync/apply-remote';
import { FORMAT_VERSION } from '@/lib/sync/codec/item';
import { SHARD_KEYS, shardKeyOf } from '@/lib/sync/shards';
import { SYNC_PRUNE_ALARM, SYNC_RETRY_ALARM, SYNC_WRITE_ALARM } from '@/lib/sync/service/service';
import { describeSyncStatus } from '@/lib/sync/service/status';
import { emptySyncState, viewLibrary } from '@/lib/sync/sync-state';
import { StoredLibraryIndex } from '@/lib/search/stored-index';
import { manyPapers } from '../../fixtures/hf/markup';
import { buildLibrary } from '../../fixtures/sync-library';
import { metadata } from '../helpers';
import { exchange, profile, serviceFor, settleAll, simulatedClock, syncedRows, type Profile } from './profiles';

const paper = (id: string, title = `Paper ${id}`) => metadata({ id, title });

/** What storage.sync holds, as a library. */
function syncedLibrary(p: Profile) {
  const state = emptySyncState();
  const applied = applyRemoteItems(state, Object.fromEntries(p.sync.data));
  return { ...viewLibrary(state), skipped: applied.skipped };
}

async function turnOn(p: Profile) {
  const status = await p.service.setEnabled(true);
  await p.settle();
  return status;
}

describe('sync service: local actions', () => {
  it('is off by default and writes nothing', async () => {
    const clock = simulatedClock();
    const a = profile('aaaa', clock);
    await a.library.savePaper(paper('2401.00001'), ['LLM']);
    await a.flush();
    expect(a.sync.data.size).toBe(0);
    expect((await a.service.status()).on).toBe(false);
  });

  it('writes each edit to storage.sync in one batch after it settles', async () => {
    const clock = simulatedClock();
    const a = profile('aaaa', clock);
    await turnOn(a);
    await a.flush();
    const first = a.sync.operations;

    await a.library.savePaper(paper('2401.00001'), ['LLM']);
    await a.library.setNote('2401.00001', 'read section 3');
    await a.library.addTag('2401.00001', 'to read');
    await a.settle();
    expect(a.alarms.set.get(SYNC_WRITE_ALARM)?.when).toBeGreaterThan(clock.now());
    await a.flush();

    expect(a.sync.operations - first).toBe(1);
    const synced = syncedLibrary(a);
    expect(synced.papers).toEqual([expect.objectContaining({ id: '2401.00001', tags: ['LLM', 'to read'], note: 'read section 3' })]);
    const status = await a.service.status();
    expect(status).toMatchObject({ on: true, papers: 1, syncedPapers: 1, lastSentAt: clock.now() });
    expect(describeSyncStatus(status, clock.now()).summary[0]).toBe('1 paper synced, less than 1% of the space.');
  });

  it('records changes the settings page made to the library (through the change log)', async () => {
    const clock = simulatedClock();
    const a = profile('aaaa', clock);
    await a.library.importPapers([1, 2, 3].map((i) => ({ ...paper(`2401.0000${i}`), links: undefined as never, tags: ['LLM'], note: '', savedAt: clock.now(), updatedAt: clock.now() })));
    await turnOn(a);
    await a.flush();
    // Another context (the settings page) renames a tag: the background hears only that the library changed.
    const settingsPage = new (a.library.constructor as typeof import('@/lib/library/library').Library)(a.library.db, clock.now);
    await settingsPage.renameTag('LLM', 'language models');
    await a.service.libraryChanged();
    await a.flush();
    expect(syncedLibrary(a).papers.map((p) => p.tags)).toEqual([['language models'], ['language models'], ['language models']]);
  });

  it('catches up after the worker stopped between an action and recording it', async () => {
    const clock = simulatedClock();
    const a = profile('aaaa', clock);
    await turnOn(a);
    // The service never hears of this save (the worker stopped right after the commit).
    await a.library.db.papers.put({ ...paper('2401.00002'), links: undefined as never, tags: ['RL'], note: '', savedAt: clock.now(), updatedAt: clock.now() });
    a.service = serviceFor(a, clock);
    await a.service.start();
    await a.flush();
    expect(syncedLibrary(a).papers.map((p) => p.id)).toEqual(['2401.00002']);
  });

  it('keeps the change entries sync has not read when the search index prunes the log', async () => {
    const clock = simulatedClock();
    const a = profile('aaaa', clock);
    await turnOn(a);
    await a.library.db.papers.put({ ...paper('2401.00003'), links: undefined as never, tags: [], note: '', savedAt: clock.now(), updatedAt: clock.now() });
    const index = new StoredLibraryIndex(a.library.db);
    await index.find({ text: '', tags: [], sort: 'savedAt' });
    await index.save();
    a.service = serviceFor(a, clock);
    await a.service.libraryChanged();
    await a.flush();
    expect(syncedLibrary(a).papers.map((p) => p.id)).toEqual(['2401.00003']);
  });
});

describe('sync service: what other browsers wrote', () => {
  it('shows their papers with tags and notes, as placeholders until the details come, in one transaction', async () => {
    const clock = simulatedClock();
    const [a, b] = [profile('aaaa', clock), profile('bbbb', clock)];
    await turnOn(a);
    await turnOn(b);
    await a.library.savePaper(paper('2401.00001'), ['LLM', 'to read']);
    await a.library.setNote('2401.00001', 'compare with ours');
    await a.library.savePaper(paper('2312.12345'), ['vision']);
    await a.flush();
    await b.flush();
    const logBefore = await b.library.db.changes.count();
    const writesBefore = b.sync.operations;

    await exchange(a, b);

    const rows = await b.library.db.papers.toArray();
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === '2401.00001')).toMatchObject({ title: '2401.00001', tags: ['LLM', 'to read'], note: 'compare with ours', detailsPending: true });
    expect(rows.find((r) => r.id === '2312.12345')).toMatchObject({ tags: ['vision'], detailsPending: true });
    // Each item delivered was applied in one transaction: one change-log entry per item of papers.
    const paperItems = [...a.sync.data.keys()].filter((key) => key.startsWith('papers/'));
    expect((await b.library.db.changes.count()) - logBefore).toBe(paperItems.length);
    expect(await b.library.db.paperDetails.count()).toBe(2);
    expect(b.detailsRuns).toBeGreaterThan(0);
    // No echo: B has nothing to add to what it received.
    await b.flush();
    expect(b.sync.operations).toBe(writesBefore);
    expect((await b.service.status()).lastReceivedAt).toBe(clock.now() - 11_000);
  });

  it('applies nothing of a remote change whose transaction fails, and says so', async () => {
    const clock = simulatedClock();
    const [a, b] = [profile('aaaa', clock), profile('bbbb', clock)];
    await turnOn(a);
    await turnOn(b);
    await a.library.savePaper(paper('2401.00001'), ['LLM']);
    await a.flush();
    const failing = vi.spyOn(b.library.db.syncPapers, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await exchange(a, b);
    expect(failing).toHaveBeenCalled();
    expect(await b.library.db.papers.count()).toBe(0);
    expect(await b.library.db.syncPapers.count()).toBe(0);
    expect(describeSyncStatus(await b.service.status()).problems).toContain('Sync stopped on an error (disk full); it tries again in a minute.');
    // A minute later everything is read again.
    expect(b.alarms.set.get(SYNC_RETRY_ALARM)?.when).toBe(clock.now() + 60_000);
    clock.advance(60_000);
    await b.service.alarm(SYNC_RETRY_ALARM);
    expect((await b.library.db.papers.toArray()).map((r) => r.tags)).toEqual([['LLM']]);
    expect((await b.service.status()).failure).toBeUndefined();
  });

  it('converges after concurrent edits on both browsers', async () => {
    const clock = simulatedClock();
    const [a, b] = [profile('aaaa', clock), profile('bbbb', clock)];
    await a.library.savePaper(paper('2401.00001'), ['LLM']);
    await turnOn(a);
    await turnOn(b);
    await settleAll(a, b);
    await b.library.savePaper(paper('2401.00001')); // B has fetched the details meanwhile
    await a.library.addTag('2401.00001', 'to read');
    clock.advance(5);
    await b.library.addTag('2401.00001', 'vision');
    await b.library.setNote('2401.00001', 'from B');
    await a.library.savePaper(paper('2312.12345'), ['RL']);
    await b.library.unsavePaper('2312.12345');
    const rounds = await settleAll(a, b);
    expect(rounds).toBeLessThanOrEqual(3);
    expect(await syncedRows(a.library)).toEqual(await syncedRows(b.library));
    expect((await a.library.getPaper('2401.00001'))?.tags.sort()).toEqual(['LLM', 'to read', 'vision']);
    expect((await a.library.getPaper('2401.00001'))?.note).toBe('from B');
  });

  it('skips a damaged shard and a shard from a newer format, says so, and never overwrites them', async () => {
    const clock = simulatedClock();
    const b = profile('bbbb', clock);
    const damagedKey = shardKeyOf('2401.00001');
    const newerKey = SHARD_KEYS.find((key) => key !== damagedKey)!;
    const newerId = manyPapers(400).map((p) => p.id).find((id) => shardKeyOf(id) === newerKey)!;
    await b.sync.set({ [damagedKey]: '1zthis is not an item', [newerKey]: `${FORMAT_VERSION + 1}zfrom the future` });
    await b.library.savePaper(paper('2401.00001'), ['LLM']);
    await b.library.savePaper(paper(newerId), ['later']);
    await turnOn(b);
    await b.flush();
    await b.library.addTag('2401.00001', 'edited');
    await b.flush();

    expect(b.sync.data.get(damagedKey)).toBe('1zthis is not an item');
    expect(b.sync.data.get(newerKey)).toBe(`${FORMAT_VERSION + 1}zfrom the future`);
    const { problems } = describeSyncStatus(await b.service.status());
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`Synced data in "${damagedKey}" could not be read \\(damaged: .+\\); it is skipped and left as it is.`)),
        `Synced data in "${newerKey}" was written by a newer PaperShelf: update PaperShelf to read it. It is left as it is.`,
        '2 papers are not synced from this browser while that data cannot be read.',
      ]),
    );
    // Both papers stay in the library.
    expect(await b.library.countPapers()).toBe(2);
  });

  it('takes in settings (the trending watch) but not notifications, and hears changes back', async () => {
    const clock = simulatedClock();
    const [a, b] = [profile('aaaa', clock), profile('bbbb', clock)];
    const applied = vi.fn();
    b.service = serviceFor(b, clock, { onSettingsApplied: applied });
    b.sync.onChanged((changes) => void b.service.syncAreaChanged(changes));
    await a.local.set({ trendingSettings: { source: 'daily', intervalMinutes: 60, watchWords: ['diffusion'], watchTags: true, notifications: true } });
    await b.local.set({ trendingSettings: { source: 'trending', intervalMinutes: 30, watchWords: [], watchTags: false, notifications: false } });
    await turnOn(a);
    await a.flush();
    await exchange(a, b);
    await b.service.setEnabled(true);
    expect((await b.local.get('trendingSettings')).trendingSettings).toEqual({ source: 'daily', intervalMinutes: 60, watchWords: ['diffusion'], watchTags: true, notifications: false });
    expect(applied).toHaveBeenCalled();

    await b.local.set({ trendingSettings: { source: 'daily', intervalMinutes: 45, watchWords: ['diffusion'], watchTags: true, notifications: false } });
    await b.service.localSettingsChanged();
    await b.flush();
    await exchange(b, a);
    expect((await a.local.get('trendingSettings')).trendingSettings).toMatchObject({ intervalMinutes: 45, notifications: true });
  });

  it('syncs "not interested" marks', async () => {
    const clock = simulatedClock();
    const [a, b] = [profile('aaaa', clock), profile('bbbb', clock)];
    await turnOn(a);
    await turnOn(b);
    await a.notInterested.mark([paper('2401.00009')]);
    await a.flush();
    await exchange(a, b);
    expect(await b.library.db.notInterested.get('2401.00009')).toMatchObject({ id: '2401.00009', detailsPending: true });
    await b.notInterested.unmark(['2401.00009']);
    await b.flush();
    await exchange(b, a);
    expect(await a.notInterested.ids()).toEqual(new Set());
  });
});

describe('sync service: turning it on and off', () => {
  it('unites an existing library with the synced one when turned on', async () => {
    const clock = simulatedClock();
    const [a, b] = [profile('aaaa', clock), profile('bbbb', clock)];
    await a.library.savePaper(paper('2401.00001'), ['LLM']);
    await a.library.savePaper(paper('2401.00002'), ['shared']);
    await b.library.savePaper(paper('2401.00002'), ['mine']);
    await b.library.savePaper(paper('2401.00003'));
    await turnOn(a);
    await a.flush();
    await exchange(a, b);
    await turnOn(b);
    await settleAll(a, b);
    expect(Object.keys(await syncedRows(a.library)).sort()).toEqual(['2401.00001', '2401.00002', '2401.00003']);
    expect(await syncedRows(a.library)).toEqual(await syncedRows(b.library));
    expect((await b.library.getPaper('2401.00002'))?.tags.sort()).toEqual(['mine', 'shared']);
    // B's own copies keep their details; the paper from A is a placeholder.
    expect((await b.library.getPaper('2401.00002'))?.detailsPending).toBeUndefined();
    expect((await b.library.getPaper('2401.00001'))?.detailsPending).toBe(true);
  });

  it('stops writing when turned off, and leaves storage.sync for the other browsers', async () => {
    const clock = simulatedClock();
    const a = profile('aaaa', clock);
    await turnOn(a);
    await a.library.savePaper(paper('2401.00001'), ['LLM']);
    await a.flush();
    const held = new Map(a.sync.data);
    const status = await a.service.setEnabled(false);
    expect(status.on).toBe(false);
    expect(a.alarms.set.has(SYNC_WRITE_ALARM)).toBe(false);
    expect(a.alarms.set.has(SYNC_PRUNE_ALARM)).toBe(false);
    await a.library.deleteAll();
    await a.flush();
    expect(a.sync.data).toEqual(held);
    expect(await a.library.db.syncPapers.count()).toBe(0);
  });
});

describe('sync service: limits', () => {
  it('past the quota, syncs the newest papers and says how many are not synced', async () => {
    const clock = simulatedClock();
    const a = profile('aaaa', clock, { enforceQuota: true });
    // A library as people keep one (tags from thirty, notes on some, saved over a year).
    const papers = buildLibrary(8000, 11).papers.map((p) => ({ ...metadata({ id: p.id, title: `Paper ${p.id}` }), links: undefined as never, ...p }));
    papers.sort((x, y) => x.savedAt - y.savedAt);
    await a.library.importPapers(papers);
    await turnOn(a);
    await a.flush();
    const status = await a.service.status();
    expect(status.unsynced.papers).toBeGreaterThan(0);
    expect(status.syncedPapers + status.unsynced.papers).toBe(papers.length);
    expect(a.sync.bytes()).toBeLessThanOrEqual(102_400);
    const { summary, problems } = describeSyncStatus(status);
    expect(summary[0]).toMatch(/^[\d,]+ papers synced, (9\d|100)% of the space\.$/);
    expect(problems).toContain(`The sync space is full: ${status.unsynced.papers.toLocaleString('en')} papers are not synced; a backup export moves the rest.`);
    // The newest papers are the ones synced.
    const synced = new Set(syncedLibrary(a).papers.map((p) => p.id));
    expect(synced.has(papers.at(-1)!.id)).toBe(true);
    expect(synced.has(papers[0]!.id)).toBe(false);
  }, 60_000);

  it('retries a write the browser refused, and says when', async () => {
    const clock = simulatedClock();
    const a = profile('aaaa', clock);
    await turnOn(a);
    await a.flush();
    await a.library.savePaper(paper('2401.00001'), ['LLM']);
    a.sync.failNext = new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    await a.flush();
    const status = await a.service.status();
    expect(status.writeProblem).toMatchObject({ kind: 'rate', retryAt: clock.now() + 60_000 });
    expect(describeSyncStatus(status, clock.now()).problems).toContainEqual(expect.stringMatching(/^The browser limits how often sync may write: PaperShelf tries again at \d\d:\d\d\.$/));
    expect(a.alarms.set.get(SYNC_WRITE_ALARM)?.when).toBe(clock.now() + 60_000);
    await a.service.flush();
    expect(syncedLibrary(a).papers).toHaveLength(0);
    clock.advance(60_000);
    await a.service.alarm(SYNC_WRITE_ALARM);
    expect(syncedLibrary(a).papers).toHaveLength(1);
    expect((await a.service.status()).writeProblem).toBeUndefined();
  });

  it('never writes faster than the browser allows, however fast the edits come', async () => {
    const clock = simulatedClock();
    const a = profile('aaaa', clock);
    await turnOn(a);
    const times: number[] = [];
    const set = a.sync.set.bind(a.sync);
    a.sync.set = async (items) => {
      times.push(clock.now());
      return set(items);
    };
    for (let i = 0; i < 300; i++) {
      await a.library.addTag('2401.00001', `tag ${i % 50}`, paper('2401.00001'));
      await a.settle();
      clock.advance(1_000);
      const alarm = a.alarms.set.get(SYNC_WRITE_ALARM);
      if (alarm && alarm.when <= clock.now()) await a.service.alarm(SYNC_WRITE_ALARM);
    }
    for (let i = 0; i < times.length; i++) {
      expect(times.filter((t) => t > times[i]! - 60_000 && t <= times[i]!).length).toBeLessThanOrEqual(60);
    }
    expect(times.length).toBeGreaterThan(10);
  });

  it('prunes old tombstones daily', async () => {
    const clock = simulatedClock();
    const a = profile('aaaa', clock);
    await turnOn(a);
    await a.library.savePaper(paper('2401.00001'));
    await a.settle();
    await a.library.unsavePaper('2401.00001');
    await a.settle();
    expect(await a.library.db.syncPapers.count()).toBe(1);
    expect(a.alarms.set.get(SYNC_PRUNE_ALARM)?.periodInMinutes).toBe(1440);
    clock.advance(91 * 86_400_000);
    await a.service.alarm(SYNC_PRUNE_ALARM);
    expect(await a.library.db.syncPapers.count()).toBe(0);
  });
});
