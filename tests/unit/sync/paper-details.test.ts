// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { lookUpPaper } from '@/lib/hf/paper-api';
import { placeholderPaper } from '@/lib/paper/paper';
import { DETAILS_ALARM, DETAILS_PACE, PaperDetailsFiller, queueDetails } from '@/lib/sync/service/paper-details';
import { manyPapers, SEED_PAPERS } from '../../fixtures/hf/markup';
import { paperApiAnswer } from '../../fixtures/hf/paper-api';
import { freshLibrary } from '../helpers';
import { FakeAlarms, MemoryArea, simulatedClock } from './profiles';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** A Hugging Face that knows `papers`, logs every request and answers as told. */
function fakeHuggingFace(papers = SEED_PAPERS, clock = simulatedClock()) {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const requests: { id: string; at: number }[] = [];
  let fault: ((id: string) => Response | undefined) | undefined;
  const fetch = vi.fn(async (url: string | URL | Request) => {
    const id = decodeURIComponent(String(url).split('/api/papers/')[1]!);
    requests.push({ id, at: clock.now() });
    const faulty = fault?.(id);
    if (faulty) return faulty;
    const paper = byId.get(id);
    return paper ? json(paperApiAnswer(paper)) : json({ error: 'Paper not found' }, 404);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests, clock, setFault: (f: typeof fault) => (fault = f) };
}

async function placeholders(library: ReturnType<typeof freshLibrary>, ids: string[], now: number) {
  await library.writeWith([library.db.paperDetails], async () => {
    await library.db.papers.bulkPut(ids.map((id, i) => placeholderPaper({ id, tags: ['from sync'], note: i === 0 ? 'a synced note' : '', savedAt: now - i * 1000, updatedAt: now - i * 1000 })));
    await queueDetails(library, ids.map((id, i) => ({ id, kind: 'paper' as const, savedAt: now - i * 1000 })), now);
    return { result: undefined, changed: ids };
  });
}

function filler(library: ReturnType<typeof freshLibrary>, hf: ReturnType<typeof fakeHuggingFace>) {
  const alarms = new FakeAlarms();
  const local = new MemoryArea();
  const details = new PaperDetailsFiller({
    library,
    local,
    alarms,
    fetch: hf.fetch,
    now: hf.clock.now,
    sleep: async (ms) => void hf.clock.advance(ms),
  });
  return { details, alarms, local };
}

describe('looking a paper up on Hugging Face', () => {
  // The real answer beside the project (../shared): a missing file fails the test rather than skipping it.
  it('reads the real answer shape', async () => {
    const entry = JSON.parse(readFileSync('../shared/fixtures/hf/daily-papers-entry-2606.03748.json', 'utf8'));
    const lookup = await lookUpPaper('2606.03748', { fetch: (async () => json(entry.paper)) as unknown as typeof fetch });
    expect(lookup).toMatchObject({
      kind: 'found',
      paper: { id: '2606.03748', title: 'Ultralytics YOLO26: Unified Real-Time End-to-End Vision Models', authors: expect.arrayContaining(['Glenn Jocher']), publishedAt: '2026-06-02' },
    });
  });

  it('refuses answers that are not the paper asked for, and says why', async () => {
    const answer = (body: unknown, status = 200) => lookUpPaper('2401.00001', { fetch: (async () => (typeof body === 'string' ? new Response(body, { status }) : json(body, status))) as unknown as typeof fetch });
    expect(await answer({ error: 'nope' }, 404)).toMatchObject({ kind: 'missing' });
    expect(await answer('{"id": "24')).toMatchObject({ kind: 'missing', message: expect.stringMatching(/not JSON/) });
    expect(await answer({ id: '2401.00001', title: 'T' })).toMatchObject({ kind: 'missing', message: expect.stringMatching(/not a paper/) });
    expect(await answer(paperApiAnswer({ ...SEED_PAPERS[0]!, id: '2401.00002' }))).toMatchObject({ kind: 'missing', message: expect.stringMatching(/not this paper/) });
    expect(await answer({}, 503)).toMatchObject({ kind: 'failed', message: 'Hugging Face answered HTTP 503' });
    expect(await lookUpPaper('2401.00001', { fetch: (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch })).toMatchObject({ kind: 'failed', message: expect.stringMatching(/Offline/) });
  });
});

describe('filling in the details of synced papers', () => {
  it('fills placeholders with titles, authors and abstracts, keeping tags, notes and dates', async () => {
    const hf = fakeHuggingFace();
    const library = freshLibrary(hf.clock.now);
    const ids = SEED_PAPERS.slice(0, 3).map((p) => p.id);
    await placeholders(library, ids, hf.clock.now());
    const heard: string[][] = [];
    library.onChange((changed) => heard.push(changed));
    const before = await library.getPaper(ids[0]!);
    expect(before).toMatchObject({ title: ids[0], detailsPending: true });

    const { details } = filler(library, hf);
    await details.run();

    const after = await library.getPaper(ids[0]!);
    expect(after).toMatchObject({ title: SEED_PAPERS[0]!.title, authors: SEED_PAPERS[0]!.authors, tags: ['from sync'], note: 'a synced note', savedAt: before!.savedAt, updatedAt: before!.updatedAt });
    expect(after).not.toHaveProperty('detailsPending');
    expect(heard.flat().sort()).toEqual([...ids].sort());
    expect(await library.db.paperDetails.count()).toBe(0);
    expect((await details.progress()).waiting).toBe(0);
  });

  it('asks a few at a time, newest first, far below the API limit, and resumes on the alarm', async () => {
    const papers = manyPapers(400);
    const hf = fakeHuggingFace(papers.map((p) => ({ ...SEED_PAPERS[0]!, id: p.id, title: p.title })));
    const library = freshLibrary(hf.clock.now);
    await placeholders(library, papers.map((p) => p.id), hf.clock.now());
    const { details, alarms } = filler(library, hf);
    const start = hf.clock.now();

    await details.run();
    // One window's allowance, then a stop until the next window, with the alarm set for it.
    expect(hf.requests).toHaveLength(DETAILS_PACE.perWindow);
    expect(alarms.set.get(DETAILS_ALARM)?.when).toBe(start + DETAILS_PACE.windowMs);
    expect(hf.requests.slice(0, 5).map((r) => r.id)).toEqual(papers.slice(0, 5).map((p) => p.id));

    while (await library.db.paperDetails.count()) {
      hf.clock.advance(Math.max(0, alarms.set.get(DETAILS_ALARM)!.when - hf.clock.now()));
      await details.run();
    }
    expect(hf.requests).toHaveLength(400);
    expect(await library.getPaper(papers[399]!.id)).toMatchObject({ title: papers[399]!.title });
    // Never more than the pace allows in any 5-minute window (a quarter of the 500 Hugging Face allows), batches of five, ten seconds apart.
    for (const r of hf.requests) {
      expect(hf.requests.filter((s) => s.at > r.at - 5 * 60_000 && s.at <= r.at).length).toBeLessThanOrEqual(125);
    }
    const perInstant = new Map<number, number>();
    for (const r of hf.requests) perInstant.set(r.at, (perInstant.get(r.at) ?? 0) + 1);
    expect(Math.max(...perInstant.values())).toBeLessThanOrEqual(DETAILS_PACE.batch);
    const instants = [...perInstant.keys()].sort((a, b) => a - b);
    for (let i = 1; i < instants.length; i++) expect(instants[i]! - instants[i - 1]!).toBeGreaterThanOrEqual(DETAILS_PACE.gapMs);
  });

  it('waits when Hugging Face asks it to slow down, and retries papers it could not get', async () => {
    const hf = fakeHuggingFace();
    const library = freshLibrary(hf.clock.now);
    const ids = [SEED_PAPERS[0]!.id, '2401.99999', SEED_PAPERS[1]!.id];
    await placeholders(library, ids, hf.clock.now());
    const { details, alarms } = filler(library, hf);

    hf.setFault(() => json({ error: 'Too many requests' }, 429, { 'Retry-After': '900' }));
    await details.run();
    const { problem } = await details.progress();
    expect(problem).toMatch(/^Hugging Face asked PaperShelf to slow down; details resume after \d\d:\d\d\.$/);
    expect(alarms.set.get(DETAILS_ALARM)?.when).toBe(hf.clock.now() + 900_000);
    const asked = hf.requests.length;
    await details.run();
    expect(hf.requests).toHaveLength(asked);

    hf.setFault(undefined);
    hf.clock.advance(900_000);
    await details.run();
    expect((await library.getPaper(ids[0]!))?.detailsPending).toBeUndefined();
    // Hugging Face does not list this one: it stays a placeholder and is asked for again a day later.
    expect(await library.getPaper('2401.99999')).toMatchObject({ title: '2401.99999', detailsPending: true });
    const askedAt = hf.requests.findLast((r) => r.id === '2401.99999')!.at;
    expect(await library.db.paperDetails.get('2401.99999')).toMatchObject({ attempts: 1, due: askedAt + 86_400_000 });
    expect(await details.progress()).toEqual({ waiting: 1 });
  });

  it('skips papers whose details came another way (saved from a page meanwhile)', async () => {
    const hf = fakeHuggingFace();
    const library = freshLibrary(hf.clock.now);
    const id = SEED_PAPERS[2]!.id;
    await placeholders(library, [id], hf.clock.now());
    await library.savePapers([{ id, title: SEED_PAPERS[2]!.title, summary: '', authors: [] }], [], 'page');
    expect(await library.getPaper(id)).toMatchObject({ title: SEED_PAPERS[2]!.title, tags: ['from sync'] });
    expect((await library.getPaper(id))?.detailsPending).toBeUndefined();
    const { details } = filler(library, hf);
    await details.run();
    expect(hf.requests).toHaveLength(0);
    expect(await library.db.paperDetails.count()).toBe(0);
  });

  it('keeps a placeholder waiting when it is saved again with its own stand-in metadata (tagging it in bulk)', async () => {
    const hf = fakeHuggingFace();
    const library = freshLibrary(hf.clock.now);
    const id = SEED_PAPERS[3]!.id;
    await placeholders(library, [id], hf.clock.now());
    await library.savePapers([{ id, title: id, summary: '', authors: [] }], ['bulk']);
    expect(await library.getPaper(id)).toMatchObject({ title: id, tags: ['from sync', 'bulk'], detailsPending: true });
    const { details } = filler(library, hf);
    await details.run();
    expect(await library.getPaper(id)).toMatchObject({ title: SEED_PAPERS[3]!.title, tags: ['from sync', 'bulk'] });
  });
});
