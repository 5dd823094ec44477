import { applyRemoteItems } from '@/lib/sync/apply-remote';
import { emptySyncState, viewLibrary } from '@/lib/sync/sync-state';
import { listingPage, SEED_PAPERS } from '../fixtures/hf/markup';
import { paperApiAnswer } from '../fixtures/hf/paper-api';
import { buildLibrary } from '../fixtures/sync-library';
import { BROWSER, fixtureSite, json, launchExtension, sleep, type Extension, type Site, type Tab } from './harness';

/**
 * Two browser profiles syncing through storage.sync. The test plays the browser vendor's sync service:
 * it reads one profile's sync area (`storage.sync.get(null)` in an extension page) and writes each
 * item that differs into the other's, key by key. Hugging Face's API answers /api/papers/<id> from
 * fixtures, held back until the test lets it through.
 */

type StorageSync = {
  storage: { sync: { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
};

interface Profile {
  ext: Extension;
  /** The settings page, kept open to reach the browser's storage and to read the Sync section. */
  page: Tab;
  /** Requests for /api/papers/<id>, by id. */
  asked: string[];
}

let a: Profile;
let b: Profile;
/** Answers to /api/papers/<id> wait until this opens. */
let apiOpen: Promise<void>;
let openApi: () => void;

const PAPERS = SEED_PAPERS.slice(0, 4);
const byId = new Map(SEED_PAPERS.map((p) => [p.id, p]));
const TOGGLE = { role: 'checkbox', name: 'Sync my library through this browser’s sync' };

async function launch(): Promise<Profile> {
  const ext = await launchExtension();
  const asked: string[] = [];
  // A daily listing showing one of the synced papers.
  const pages = fixtureSite({ '/papers': () => listingPage({ kind: 'daily', papers: SEED_PAPERS.slice(0, 1) }) });
  const site: Site = async (request) => {
    const api = /^\/api\/papers\/([^/]+)$/.exec(request.url.pathname);
    if (request.url.hostname !== 'huggingface.co' || !api) return pages(request);
    const id = decodeURIComponent(api[1]!);
    asked.push(id);
    await apiOpen;
    const paper = byId.get(id);
    return paper ? json(paperApiAnswer(paper)) : json({ error: 'Paper not found' }, 404);
  };
  ext.serve(site);
  return { ext, page: await ext.openPage('options.html'), asked };
}

const syncArea = (profile: Profile) => profile.page.evaluate(() => (chrome as unknown as StorageSync).storage.sync.get(null));

/**
 * The vendor's sync service: a server holding the latest write of each key. Each profile uploads the
 * items it wrote since it last heard from the server; then `to` receives, one key at a time, each item
 * the server holds that its sync area holds otherwise. Returns how many items moved.
 */
const server: Record<string, unknown> = {};
const heard = new Map<Profile, Record<string, unknown>>();
const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

async function upload(profile: Profile): Promise<number> {
  let moved = 0;
  const written = await syncArea(profile);
  for (const [key, value] of Object.entries(written)) {
    if (same(value, heard.get(profile)?.[key]) || same(value, server[key])) continue;
    server[key] = value;
    moved++;
  }
  heard.set(profile, written);
  return moved;
}

async function deliver(from: Profile, to: Profile): Promise<number> {
  let moved = (await upload(from)) + (await upload(to));
  const held = await syncArea(to);
  for (const [key, value] of Object.entries(server)) {
    if (same(held[key], value)) continue;
    await to.page.evaluate(([k, v]) => (chrome as unknown as StorageSync).storage.sync.set({ [k as string]: v }), [key, value] as const);
    moved++;
  }
  heard.set(to, { ...held, ...server });
  return moved;
}

/** What a profile's sync area holds, read as another browser would. */
async function syncedLibrary(profile: Profile) {
  const state = emptySyncState();
  applyRemoteItems(state, await syncArea(profile));
  return viewLibrary(state);
}

const send = <R = Record<string, unknown>>(profile: Profile, message: unknown) => profile.ext.send<R>(message);

/** The settings page, brought to the front as the person goes back to it. */
async function settings(profile: Profile): Promise<Tab> {
  await profile.page.bringToFront();
  return profile.page;
}

async function turnOnSync(profile: Profile) {
  await (await settings(profile)).reload();
  await expect.poll(async () => (await profile.page.one(TOGGLE)).disabled === true).toBe(false);
  expect((await profile.page.one(TOGGLE)).checked === true).toBe(false);
  await profile.page.click(TOGGLE);
  await expect.poll(async () => (await profile.page.one(TOGGLE)).checked === true).toBe(true);
}

const statusLine = async (profile: Profile) => (await settings(profile)).text({ role: 'status', name: 'Sync status' });
const problems = async (profile: Profile) => (await settings(profile)).text({ role: 'alert', name: 'Sync problems' });

async function libraryOf(profile: Profile) {
  const reply = await send<{ papers: { id: string; title: string; tags: string[]; note: string; detailsPending?: true }[] }>(profile, { type: 'listPapers' });
  return Object.fromEntries(reply.papers.map((p) => [p.id, p]));
}

/** Both ways until neither has anything to deliver (each writes a second or two after it hears something). */
async function exchangeUntilQuiet() {
  for (let round = 0; round < 8; round++) {
    await sleep(4_000);
    if ((await deliver(a, b)) + (await deliver(b, a)) === 0) return round;
  }
  throw new Error('The two profiles did not settle');
}

beforeAll(async () => {
  apiOpen = new Promise((resolve) => (openApi = resolve));
  a = await launch();
  b = await launch();
}, 120_000);

afterAll(async () => {
  openApi?.();
  await a?.ext.close();
  await b?.ext.close();
});

describe(`syncing the library between two ${BROWSER} profiles`, () => {
  it('is off by default; once on, a library saved in one profile is written to its sync area', async () => {
    expect(await syncArea(a)).toEqual({});
    for (const [i, p] of PAPERS.entries()) {
      await send(a, { type: 'savePapers', papers: [{ id: p.id, title: p.title, authors: p.authors }], tags: i % 2 ? ['vision'] : ['LLM', 'to read'] });
    }
    await send(a, { type: 'setNote', id: PAPERS[0]!.id, note: 'Compare with our baseline' });
    await sleep(3_000);
    expect(await syncArea(a)).toEqual({});

    await turnOnSync(a);
    await expect.poll(async () => (await syncedLibrary(a)).papers.length, { timeout: 20_000 }).toBe(PAPERS.length);
    const synced = (await syncedLibrary(a)).papers.find((p) => p.id === PAPERS[0]!.id);
    expect(synced).toMatchObject({ tags: ['LLM', 'to read'], note: 'Compare with our baseline' });
    // Titles are not synced: only ids, tags, notes and dates.
    expect(JSON.stringify(await syncArea(a))).not.toContain(PAPERS[0]!.title.slice(0, 12));
    await expect.poll(() => statusLine(a), { timeout: 10_000 }).toMatch(/^4 papers synced, less than 1% of the space\. Last change sent at \d\d:\d\d; nothing received yet\./);
  });

  it('shows them in the other profile with tags and notes, details on the way, then from Hugging Face', { timeout: 120_000 }, async () => {
    await turnOnSync(b);
    await deliver(a, b);
    await expect.poll(async () => Object.keys(await libraryOf(b)).length, { timeout: 20_000 }).toBe(PAPERS.length);
    const waiting = await libraryOf(b);
    expect(waiting[PAPERS[0]!.id]).toMatchObject({ title: PAPERS[0]!.id, tags: ['LLM', 'to read'], note: 'Compare with our baseline', detailsPending: true });

    const popup = await b.ext.openPage('popup.html');
    const list = { role: 'list', name: 'Saved papers' };
    const onTheWay = async () => ((await popup.text(list)).match(/details on the way/g) ?? []).length;
    await expect.poll(onTheWay, { timeout: 10_000 }).toBe(PAPERS.length);
    expect(await popup.count({ role: 'link', name: PAPERS[0]!.id, within: list })).toBe(1);

    // A page that shows one of them fills it in, before Hugging Face's API answers.
    const listing = await b.ext.openTab('https://huggingface.co/papers');
    await expect.poll(async () => (await libraryOf(b))[PAPERS[0]!.id]?.title, { timeout: 15_000 }).toBe(PAPERS[0]!.title);
    await listing.close();
    await popup.bringToFront();
    await expect.poll(onTheWay, { timeout: 10_000 }).toBe(PAPERS.length - 1);

    openApi();
    await expect.poll(onTheWay, { timeout: 30_000 }).toBe(0);
    expect((await popup.names({ role: 'link', within: list })).sort()).toEqual(PAPERS.map((p) => p.title).sort());
    expect(await popup.text(list)).toContain('#LLM #to read');
    const filled = await libraryOf(b);
    expect(filled[PAPERS[0]!.id]).toMatchObject({ title: PAPERS[0]!.title, tags: ['LLM', 'to read'], note: 'Compare with our baseline' });
    expect(filled[PAPERS[0]!.id]!.detailsPending).toBeUndefined();
    // Each of the others was asked for (the one the page filled in, only if asked before the page came).
    expect(PAPERS.map((p) => p.id)).toEqual(expect.arrayContaining([...new Set(b.asked)]));
    expect(b.asked).toEqual(expect.arrayContaining(PAPERS.slice(1).map((p) => p.id)));
    await popup.close();
    // B wrote nothing back of what it received.
    expect(await deliver(b, a)).toBe(0);
    await expect.poll(() => statusLine(b), { timeout: 10_000 }).toMatch(/4 papers synced.*last received at \d\d:\d\d\./);
  });

  it('converges after concurrent edits in both profiles', { timeout: 90_000 }, async () => {
    const [first, second] = [PAPERS[0]!.id, PAPERS[1]!.id];
    await send(a, { type: 'addTag', id: first, tag: 'from A' });
    await send(b, { type: 'addTag', id: first, tag: 'from B' });
    await send(b, { type: 'setNote', id: second, note: 'Noted in B' });
    await send(a, { type: 'unsavePapers', ids: [PAPERS[3]!.id] });
    await send(b, { type: 'removeTag', id: PAPERS[2]!.id, tag: 'LLM' });
    await exchangeUntilQuiet();

    const [inA, inB] = [await libraryOf(a), await libraryOf(b)];
    const synced = (lib: typeof inA) => Object.fromEntries(Object.values(lib).map((p) => [p.id, { tags: [...p.tags].sort(), note: p.note }]));
    expect(synced(inA)).toEqual(synced(inB));
    expect(inA[first]!.tags.sort()).toEqual(['LLM', 'from A', 'from B', 'to read']);
    expect(inA[second]!.note).toBe('Noted in B');
    expect(inA[PAPERS[3]!.id]).toBeUndefined();
    expect(inA[PAPERS[2]!.id]!.tags).toEqual(['to read']);
  });

  it('writes a change made just before the background stopped', async () => {
    await send(a, { type: 'setNote', id: PAPERS[1]!.id, note: 'written before the stop' });
    await a.ext.stopBackground(async () => {
      await send(a, { type: 'ping' });
    });
    await expect.poll(async () => (await syncedLibrary(a)).papers.find((p) => p.id === PAPERS[1]!.id)?.note, { timeout: 20_000 }).toBe('written before the stop');
  });

  const large = buildLibrary(3_000, 5).papers;
  const larger = buildLibrary(6_000, 9).papers.filter((p) => !large.some((q) => q.id === p.id));

  it('holds a 3,000-paper library', { timeout: 120_000 }, async () => {
    const papers = large;
    const rows = papers.map((p) => ({ id: p.id, title: `Paper ${p.id}`, tags: p.tags, note: p.note, savedAt: p.savedAt, updatedAt: p.updatedAt }));
    expect(await send(a, { type: 'restorePapers', papers: rows })).toMatchObject({ ok: true });
    const total = rows.length + 3;
    await expect.poll(() => statusLine(a), { timeout: 30_000 }).toMatch(new RegExp(`^${total.toLocaleString('en')} papers synced, \\d+% of the space\\.`));
    expect(await (await settings(a)).count({ role: 'alert', name: 'Sync problems' })).toBe(0);
    expect((await syncedLibrary(a)).papers).toHaveLength(total);
    await deliver(a, b);
    // Each look lists thousands of papers: looking once a second leaves the background to its work.
    await expect.poll(async () => Object.keys(await libraryOf(b)).length, { timeout: 60_000, interval: 1_000 }).toBe(total);
  });

  it('past the quota, says how many papers are not synced', { timeout: 180_000 }, async () => {
    const rows = larger.map((p) => ({ id: p.id, title: `Paper ${p.id}`, tags: p.tags, note: p.note, savedAt: p.savedAt, updatedAt: p.updatedAt }));
    expect(await send(a, { type: 'restorePapers', papers: rows })).toMatchObject({ ok: true });
    await expect.poll(() => problems(a), { timeout: 150_000 }).toMatch(/^The sync space is full: [\d,]+ papers are not synced; a backup export moves the rest\./);
    const line = await statusLine(a);
    const syncedCount = Number(/^([\d,]+) papers synced/.exec(line)![1]!.replace(/,/g, ''));
    const left = Number(/full: ([\d,]+) papers/.exec(await problems(a))![1]!.replace(/,/g, ''));
    expect(syncedCount + left).toBe(Object.keys(await libraryOf(a)).length);
    expect(syncedCount).toBeGreaterThan(3_000);
    // Nothing is dropped locally.
    expect(Object.keys(await libraryOf(a)).length).toBe(3_003 + rows.length);
  });

  it('deleting all data in one profile turns its sync off first: the other keeps its library', { timeout: 120_000 }, async () => {
    const before = Object.keys(await libraryOf(a)).length;
    const options = await b.ext.openPage('options.html');
    await options.click({ role: 'button', name: 'Delete all data…' });
    const confirm = { role: 'group', name: 'Confirm deleting all data' };
    await expect.poll(() => options.text({ role: 'note', within: confirm })).toMatch(/^Sync is on: PaperShelf turns it off in this browser first/);
    await options.click({ role: 'button', name: 'Delete everything', within: confirm });
    // The page says what it is doing, then that it is done. Thousands of papers (the 3,000-paper test
    // filled it): on a busy machine that takes longer than most waits. Asking for the library meanwhile
    // would only slow the background down.
    await expect.poll(() => options.text({ role: 'status', within: { role: 'region', name: 'Data' } }), { timeout: 75_000, interval: 1_000 }).toBe(
      'All data deleted in this browser. Sync is off; your other browsers keep their library.',
    );
    expect(Object.keys(await libraryOf(b))).toHaveLength(0);
    expect((await options.one(TOGGLE)).checked === true).toBe(false);
    await sleep(4_000);
    await deliver(b, a);
    await sleep(4_000);
    expect(Object.keys(await libraryOf(a)).length).toBe(before);
    await options.close();
  });
});
