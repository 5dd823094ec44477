// @vitest-environment node
import { fakeBrowser } from 'wxt/testing';
import { createLibraryDatabase } from '@/lib/library/schema';
import { Library } from '@/lib/library/library';
import { saveTrendingSettings, TRENDING_LIST_SIZE } from '@/lib/trending/settings';
import { loadTrendingStatus } from '@/lib/trending/status';
import { NEW_PAPERS_KEY } from '@/lib/trending/new-papers-signal';
import { TRENDING_ALARM, TrendingWatcher } from '@/lib/trending/watcher';
import { FIRST_RETRY_MS, MAX_RETRY_MS } from '@/lib/trending/schedule';
import { apiEntry, manyPapers, SEED_PAPERS } from '../../fixtures/hf/markup';
import { clock, freshDatabaseName } from '../helpers';

const MINUTE = 60_000;
const entries = (from: number, to: number) => SEED_PAPERS.slice(from, to).map(apiEntry);

/** A fake Hugging Face API: answers with whatever the test queued, and counts requests. */
function fakeApi() {
  const answers: (() => Response | Promise<Response>)[] = [];
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), headers: (init?.headers ?? {}) as Record<string, string> });
    const next = answers.shift();
    if (!next) throw new Error('no answer queued');
    return next();
  });
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    requests,
    json: (body: unknown, headers: Record<string, string> = {}) =>
      answers.push(() => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ...headers } })),
    status: (status: number, headers: Record<string, string> = {}) => answers.push(() => new Response(status === 304 ? null : '', { status, headers })),
    raw: (body: string) => answers.push(() => new Response(body, { status: 200 })),
    offline: () =>
      answers.push(() => {
        throw new TypeError('Failed to fetch');
      }),
    timeout: () =>
      answers.push(() => {
        throw new DOMException('The operation timed out.', 'TimeoutError');
      }),
  };
}

function setup() {
  const time = clock();
  const api = fakeApi();
  const db = createLibraryDatabase(freshDatabaseName());
  const watcher = new TrendingWatcher({ db, fetch: api.fetch, now: time.now, random: () => 0.5 });
  const badge = () => fakeBrowser.action.getBadgeText({});
  const alarm = async () => (await fakeBrowser.alarms.get(TRENDING_ALARM))?.scheduledTime;
  return { time, api, db, watcher, badge, alarm, library: new Library(db, time.now) };
}

describe('trending watcher', () => {
  it('sets a baseline on the first check: nothing is new yet', async () => {
    const { api, watcher, badge, alarm, time } = setup();
    api.json(entries(0, 10));
    const report = await watcher.check();
    expect(report).toMatchObject({ outcome: 'changed', requests: 1, rowsWritten: 10 });
    expect(await badge()).toBe('');
    expect((await loadTrendingStatus()).baselineAt).toBe(time.now());
    expect(await alarm()).toBe(time.now() + 30 * MINUTE);
    expect(api.requests[0]!.url).toBe('https://huggingface.co/api/daily_papers?sort=trending&limit=50');
  });

  it('keeps only the papers it asked for when an answer holds thousands, and says so', async () => {
    const { api, watcher, db, badge } = setup();
    api.json(entries(0, 10));
    await watcher.check();
    const flood = manyPapers(10_000, 100).map(apiEntry);
    api.json(flood);
    const report = await watcher.check();
    expect(report.outcome).toBe('changed');
    expect(await db.trending.count()).toBe(10 + TRENDING_LIST_SIZE);
    expect(await badge()).toBe(String(TRENDING_LIST_SIZE));
    expect((await loadTrendingStatus()).notice).toBe('Hugging Face sent 10,000 papers; PaperShelf kept the first 50, as it asked.');
  });

  it('tells which papers have left the list since the last change', async () => {
    const { api, watcher, db, time } = setup();
    api.json(entries(0, 10));
    await watcher.check();
    time.advance(30 * MINUTE);
    api.json(entries(2, 12));
    await watcher.check();
    const { listedAt } = await loadTrendingStatus();
    const left = (await db.trending.toArray()).filter((r) => r.lastSeenAt < listedAt!).map((r) => r.id);
    expect(left.sort()).toEqual(SEED_PAPERS.slice(0, 2).map((p) => p.id).sort());
  });

  it('counts papers that enter later on the badge and names them in the tooltip', async () => {
    const { api, watcher, badge } = setup();
    api.json(entries(0, 10));
    await watcher.check();
    api.json([...entries(8, 10), ...entries(0, 8), ...entries(10, 13)]);
    await watcher.check();
    expect(await badge()).toBe('3');
    const title = await fakeBrowser.action.getTitle({});
    expect(title).toMatch(/^PaperShelf: 3 new trending papers/);
    expect(title).toContain(SEED_PAPERS[10]!.title.slice(0, 40));
    const fresh = await watcher.newPapers();
    expect(fresh.map((r) => r.id)).toEqual(SEED_PAPERS.slice(10, 13).map((p) => p.id));
    expect(fresh.map((r) => r.rank)).toEqual([11, 12, 13]);
    // papers pages get the ids for their New markers
    expect((await fakeBrowser.storage.local.get(NEW_PAPERS_KEY))[NEW_PAPERS_KEY]).toEqual(fresh.map((r) => r.id));
  });

  it('shows "99+" above 99', async () => {
    const { api, watcher, badge } = setup();
    api.json(entries(0, 1));
    await watcher.check();
    // Fifty new papers a check, three checks.
    for (const offset of [100, 150, 200]) {
      api.json(manyPapers(TRENDING_LIST_SIZE, offset).map(apiEntry));
      await watcher.check();
    }
    expect(await badge()).toBe('99+');
  });

  it('does not count a paper that leaves and comes back', async () => {
    const { api, watcher, badge } = setup();
    api.json(entries(0, 5));
    await watcher.check();
    api.json(entries(1, 5));
    await watcher.check();
    api.json(entries(0, 5));
    await watcher.check();
    expect(await badge()).toBe('');
  });

  it('treats papers already saved as seen, and saving one clears it', async () => {
    const { api, watcher, badge, library } = setup();
    api.json(entries(0, 3));
    await watcher.check();
    const [alreadySaved, later] = [SEED_PAPERS[3]!, SEED_PAPERS[4]!];
    await library.savePaper({ id: alreadySaved.id, title: alreadySaved.title, summary: '', authors: [] });
    api.json(entries(0, 5));
    await watcher.check();
    expect(await badge()).toBe('1');
    await library.savePaper({ id: later.id, title: later.title, summary: '', authors: [] });
    expect(await watcher.markSeen([later.id])).toBe(1);
    expect(await badge()).toBe('');
  });

  it('"Mark all seen" clears the badge', async () => {
    const { api, watcher, badge } = setup();
    api.json(entries(0, 3));
    await watcher.check();
    api.json(entries(0, 6));
    await watcher.check();
    expect(await badge()).toBe('3');
    expect(await watcher.markSeen()).toBe(3);
    expect(await badge()).toBe('');
    expect((await fakeBrowser.storage.local.get(NEW_PAPERS_KEY))[NEW_PAPERS_KEY]).toEqual([]);
  });

  it('with a watch filter counts only new papers about the watched words', async () => {
    const { api, watcher, badge } = setup();
    await saveTrendingSettings({ watchWords: ['LoRA'] });
    api.json(entries(0, 20));
    await watcher.check();
    api.json(entries(0, 47));
    await watcher.check();
    const fresh = await watcher.newPapers();
    const expected = SEED_PAPERS.slice(20).filter((p) => /\bLoRA\b/i.test(`${p.title} ${p.summary}`));
    expect(expected.length).toBeGreaterThan(0);
    expect(fresh.map((r) => r.id)).toEqual(expected.map((p) => p.id));
    expect(await badge()).toBe(String(expected.length));
  });

  it('writes nothing to the database when the list is unchanged', async () => {
    const { api, watcher, db } = setup();
    api.json(entries(0, 10));
    await watcher.check();
    const writes = vi.spyOn(db.trending, 'bulkPut');
    api.json(entries(0, 10));
    expect(await watcher.check()).toMatchObject({ outcome: 'unchanged', requests: 1, rowsWritten: 0 });
    expect(writes).not.toHaveBeenCalled();
  });

  it('sends If-None-Match with the ETag and takes a 304 as unchanged', async () => {
    const { api, watcher } = setup();
    api.json(entries(0, 10), { ETag: 'W/"abc"' });
    await watcher.check();
    api.status(304);
    expect(await watcher.check()).toMatchObject({ outcome: 'unchanged', rowsWritten: 0 });
    expect(api.requests[1]!.headers['If-None-Match']).toBe('W/"abc"');
  });

  it('keeps 30 days of snapshots and prunes older ones', async () => {
    const { api, watcher, db, time } = setup();
    api.json(entries(0, 5));
    await watcher.check();
    time.advance(31 * 24 * 60 * MINUTE);
    api.json(entries(5, 10));
    const report = await watcher.check();
    expect(report.rowsWritten).toBe(10); // 5 written, 5 pruned
    expect((await db.trending.toArray()).map((r) => r.id).sort()).toEqual(SEED_PAPERS.slice(5, 10).map((p) => p.id).sort());
  });

  it('records rank movement', async () => {
    const { api, watcher, db } = setup();
    api.json(entries(0, 3));
    await watcher.check();
    api.json([...entries(2, 3), ...entries(0, 2)]);
    await watcher.check();
    expect(await db.trending.get(SEED_PAPERS[2]!.id)).toMatchObject({ rank: 1, previousRank: 3 });
  });

  describe.each([
    ['offline', (api: ReturnType<typeof fakeApi>) => api.offline(), /Offline/],
    ['a timeout', (api: ReturnType<typeof fakeApi>) => api.timeout(), /in time/],
    ['a server error', (api: ReturnType<typeof fakeApi>) => api.status(503), /HTTP 503/],
    ['malformed JSON', (api: ReturnType<typeof fakeApi>) => api.raw('[{"paper": {"id": "2601.'), /not JSON/],
    ['JSON of the wrong shape', (api: ReturnType<typeof fakeApi>) => api.json({ papers: [] }), /not a list of papers/],
    ['entries missing required fields', (api: ReturnType<typeof fakeApi>) => api.json([{ paper: { id: '2601.00001' } }]), /not a list of papers/],
    ['an empty list', (api: ReturnType<typeof fakeApi>) => api.json([]), /empty list/],
  ])('on %s', (_, fail, message) => {
    it('keeps the list and the badge, records the error and backs off', async () => {
      const { api, watcher, badge, alarm, time, db } = setup();
      api.json(entries(0, 3));
      await watcher.check();
      api.json(entries(0, 5));
      await watcher.check();
      const rows = await db.trending.count();

      fail(api);
      const first = await watcher.check();
      expect(first.outcome).toBe('failed');
      expect(await badge()).toBe('2');
      expect(await db.trending.count()).toBe(rows);
      const status = await loadTrendingStatus();
      expect(status.error?.message).toMatch(message);
      expect(await alarm()).toBe(time.now() + FIRST_RETRY_MS);

      fail(api);
      await watcher.check();
      expect(await alarm()).toBe(time.now() + 2 * FIRST_RETRY_MS);

      // back to the normal interval after a success
      api.json(entries(0, 5));
      await watcher.check();
      expect(await alarm()).toBe(time.now() + 30 * MINUTE);
      expect((await loadTrendingStatus()).error).toBeUndefined();
    });
  });

  it('says there is no access to huggingface.co, not that it is offline, when the user withdrew it', async () => {
    const { api, db, time } = setup();
    let access = false;
    const watcher = new TrendingWatcher({ db, fetch: api.fetch, now: time.now, random: () => 0.5, hostAccess: async () => access });
    api.offline();
    expect((await watcher.check()).status.error).toMatchObject({ kind: 'no-access', message: 'No access to huggingface.co' });
    access = true;
    api.offline();
    expect((await watcher.check()).status.error).toMatchObject({ kind: 'offline' });
  });

  it('honours Retry-After on HTTP 429', async () => {
    const { api, watcher, alarm, time } = setup();
    api.status(429, { 'Retry-After': '900' });
    const report = await watcher.check();
    expect(report.status.error).toMatchObject({ kind: 'rate-limited', message: 'Hugging Face asked us to slow down' });
    expect(await alarm()).toBe(time.now() + 900_000);
  });

  it('caps the backoff', async () => {
    const { api, watcher, alarm, time } = setup();
    for (let i = 0; i < 12; i++) {
      api.offline();
      await watcher.check();
    }
    expect(await alarm()).toBe(time.now() + MAX_RETRY_MS);
  });

  it('re-creates a dropped alarm from the stored schedule when the worker starts', async () => {
    const { api, watcher, alarm, time } = setup();
    api.json(entries(0, 3));
    await watcher.check();
    await fakeBrowser.alarms.clearAll();
    await watcher.ensureScheduled();
    expect(await alarm()).toBe(time.now() + 30 * MINUTE);
  });

  it('a check interrupted before it finished counts nothing twice', async () => {
    const { api, watcher, badge, db, time } = setup();
    const fresh = () => new TrendingWatcher({ db, fetch: api.fetch, now: time.now, random: () => 0.5 });
    api.json(entries(0, 3));
    await watcher.check();
    // The worker stops after the snapshot was written but before the status was saved.
    const status = await loadTrendingStatus();
    api.json(entries(0, 6));
    await watcher.check();
    await fakeBrowser.storage.local.set({ trendingStatus: status });
    // A new worker checks again and sees the same list.
    api.json(entries(0, 6));
    await fresh().check();
    expect(await badge()).toBe('3');
  });

  it('joins a check already under way instead of making a second request', async () => {
    const { api, watcher } = setup();
    api.json(entries(0, 3));
    await Promise.all([watcher.check(), watcher.check()]);
    expect(api.requests).toHaveLength(1);
  });

  it('watches the daily list when the user chooses it', async () => {
    const { api, watcher } = setup();
    await saveTrendingSettings({ source: 'daily', intervalMinutes: 60 });
    api.json(entries(0, 3));
    await watcher.check();
    expect(api.requests[0]!.url).toBe('https://huggingface.co/api/daily_papers?limit=50');
  });

  it('notifies about new papers only when the user turned it on and allowed it', async () => {
    const { api, watcher } = setup();
    const contains = vi.fn(async () => true);
    fakeBrowser.permissions.contains = contains as never;
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    api.json(entries(0, 3));
    await watcher.check();
    api.json(entries(0, 4));
    await watcher.check();
    expect(create).not.toHaveBeenCalled();
    await saveTrendingSettings({ notifications: true });
    api.json(entries(0, 5));
    await watcher.check();
    expect(create).toHaveBeenCalledOnce();
    expect((create.mock.calls[0] as unknown[])[1]).toMatchObject({ title: '1 new trending paper' });
  });
});
