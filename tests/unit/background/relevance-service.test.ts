// @vitest-environment node
import { RelevanceService } from '@/lib/background/relevance-service';
import { createLibraryDatabase } from '@/lib/library/schema';
import { Library } from '@/lib/library/library';
import { NotInterestedStore } from '@/lib/library/not-interested';
import { routeMessage, type RouterDeps } from '@/lib/messages/router';
import { PaperMetadataSchema } from '@/lib/paper/model';
import { topicPapers, type TopicPaper } from '../../fixtures/relevance-papers';
import { freshDatabaseName, fakeTrending } from '../helpers';

const own = { id: 'papershelf-test-id', origin: 'chrome-extension://papershelf-test-id/', version: '0.1.0' };
const popup = { id: own.id, url: `${own.origin}popup.html` };
const card = { id: own.id, url: 'https://huggingface.co/papers', tab: { id: 2 } };

const all = topicPapers();
const astro = all.filter((p) => p.topic === 'astro');
const quantum = all.filter((p) => p.topic === 'quantum');
const metadata = (p: TopicPaper) => PaperMetadataSchema.parse({ id: p.id, title: p.title, summary: p.summary });

async function setup(options: { enabled?: boolean; saved?: TopicPaper[] } = {}) {
  const db = createLibraryDatabase(freshDatabaseName());
  const library = new Library(db);
  let changedAt = 1;
  library.onChange(() => (changedAt += 1));
  const enabled = { value: options.enabled ?? true };
  const make = () => new RelevanceService({ db, enabled: async () => enabled.value, libraryChangedAt: async () => changedAt, delayMs: 10 });
  const service = make();
  // A reader of both topics: 15 papers of each, tagged.
  for (const p of options.saved ?? [...astro.slice(0, 15), ...quantum.slice(0, 15)]) await library.savePaper(metadata(p), [p.topic === 'astro' ? 'astro' : 'quantum']);
  return { db, library, service, make, enabled };
}

function router(library: Library, service: RelevanceService, tagsNewSaves = false): RouterDeps {
  return {
    library,
    notInterested: new NotInterestedStore(library.db),
    own,
    trending: fakeTrending(),
    cardUndo: { keep: vi.fn(), take: vi.fn() },
    relevance: {
      suggestions: (paper, limit) => service.suggestions(paper, limit),
      forYou: (papers) => service.forYou(papers),
      related: (paper, limit) => service.related(paper, limit),
      tagsNewSaves: async () => tagsNewSaves,
      forget: () => service.forget(),
    },
  };
}

describe('the relevance service', () => {
  it('has real papers of two topics to learn from', () => {
    expect(astro.length).toBeGreaterThan(40);
    expect(quantum.length).toBeGreaterThan(25);
  });

  it("suggests the right topic's tag first for papers it has not seen", async () => {
    const { service } = await setup();
    await service.train();
    const heldOut = [...astro.slice(20, 30), ...quantum.slice(18, 24)];
    const right = (await Promise.all(heldOut.map(async (p) => (await service.suggestions(p))[0] === p.topic))).filter(Boolean).length;
    expect(right / heldOut.length).toBeGreaterThanOrEqual(0.8);
    // A paper never gets a tag it already has.
    expect(await service.suggestions({ ...astro[20]!, tags: ['astro'] })).not.toContain('astro');
  });

  it('suggests nothing for tags with fewer than 3 papers, and nothing for an empty library', async () => {
    const few = await setup({ saved: [...astro.slice(0, 2), ...quantum.slice(0, 2)] });
    await few.service.train();
    expect(await few.service.suggestions(astro[20]!)).toEqual([]);
    const empty = await setup({ saved: [] });
    await empty.service.train();
    expect(await empty.service.current()).toBeUndefined();
    expect(await empty.service.forYou([astro[20]!])).toEqual([]);
  });

  it('scores papers of the reader\'s topics above unrelated ones, and says why', async () => {
    const { service } = await setup({ saved: astro.slice(0, 25).map((p) => ({ ...p, topic: 'astro' as const })) });
    await service.train();
    const scores = await service.forYou([...astro.slice(30, 35), ...quantum.slice(0, 5)]);
    const mean = (ids: string[]) => scores.filter((s) => ids.includes(s.id)).reduce((n, s) => n + s.score, 0) / ids.length;
    expect(mean(astro.slice(30, 35).map((p) => p.id))).toBeGreaterThan(mean(quantum.slice(0, 5).map((p) => p.id)));
    expect(scores.find((s) => s.id === astro[30]!.id)?.reason).toMatch(/^(like your #astro papers|about .+)$/);
  });

  it('lists up to 5 saved papers related to a paper, most often of its own topic first', async () => {
    const { service } = await setup();
    await service.train();
    const astroIds = new Set(astro.slice(0, 15).map((p) => p.id));
    const lists = await Promise.all(astro.slice(20, 30).map((p) => service.related(p)));
    expect(lists.every((ids) => ids.length > 0 && ids.length <= 5)).toBe(true);
    expect(lists.filter((ids) => astroIds.has(ids[0]!)).length).toBeGreaterThanOrEqual(7);
  });

  it('keeps what it learned across restarts, and trains anew when the stored model is damaged', async () => {
    const { db, service, make } = await setup();
    await service.train();
    const restarted = make();
    const train = vi.spyOn(restarted, 'train');
    expect(await restarted.suggestions(astro[22]!)).toEqual(await service.suggestions(astro[22]!));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(train).not.toHaveBeenCalled();

    await db.relevance.put({ key: 'model', revision: 'x', trainedAt: 0, model: { format: 'papershelf.relevance', version: 1, data: 'garbage' } });
    const afterDamage = make();
    expect(await afterDamage.suggestions(astro[22]!)).toEqual([]);
    await vi.waitFor(async () => expect((await afterDamage.suggestions(astro[22]!))[0]).toBe('astro'), { timeout: 10_000 });
  });

  it('forgets everything when learning is turned off', async () => {
    const { db, service, enabled } = await setup();
    await service.train();
    enabled.value = false;
    await service.forget();
    expect(await service.suggestions(astro[20]!)).toEqual([]);
    expect(await db.relevance.count()).toBe(0);
  });

  it('follows a renamed tag at once after retraining', async () => {
    const { library, service } = await setup();
    await service.train();
    await library.renameTag('astro', 'astrophysics');
    await service.train();
    expect((await service.suggestions(astro[21]!))[0]).toBe('astrophysics');
  });
});

describe('relevance through the message router', () => {
  it('gives a card its suggestions after a save, and never adds a tag unless asked', async () => {
    const { library, service } = await setup();
    await service.train();
    const deps = router(library, service);
    const reply = await routeMessage({ type: 'cardSave', paper: { id: astro[25]!.id, title: astro[25]!.title, summary: astro[25]!.summary } }, card as never, deps);
    expect(reply).toMatchObject({ ok: true, saved: [{ id: astro[25]!.id, tags: [], suggested: ['astro'] }] });
    const names = await routeMessage({ type: 'cardTagNames', id: astro[25]!.id }, card as never, deps);
    expect(names).toMatchObject({ ok: true, tags: ['astro', expect.any(String)] });
  });

  it('tags a new save with the top suggestion when the reader chose so', async () => {
    const { library, service } = await setup();
    await service.train();
    const deps = router(library, service, true);
    await routeMessage({ type: 'savePapers', papers: [{ id: quantum[20]!.id, title: quantum[20]!.title, summary: quantum[20]!.summary }] }, popup as never, deps);
    expect((await library.getPaper(quantum[20]!.id))?.tags).toEqual(['quantum']);
  });

  it('marks at most a fifth of a page "For you", only papers like the library, never saved or dismissed ones', async () => {
    const { library, service } = await setup({ saved: astro.slice(0, 25) });
    await service.train();
    const deps = router(library, service);
    const page = [...astro.slice(30, 40), ...quantum.slice(0, 10), astro[0]!].map((p) => ({ id: p.id, title: p.title, summary: p.summary }));
    await routeMessage({ type: 'cardNotInterested', paper: page[0]! }, card as never, deps);
    const reply = (await routeMessage({ type: 'cardForYou', papers: page }, card as never, deps)) as { ok: true; picks: { id: string }[]; notInterested: string[] };
    expect(reply.ok).toBe(true);
    expect(reply.notInterested).toEqual([page[0]!.id]);
    expect(reply.picks.length).toBeGreaterThan(0);
    expect(reply.picks.length).toBeLessThanOrEqual(Math.floor(page.length / 5));
    const quantumIds = new Set(quantum.map((p) => p.id));
    expect(reply.picks.filter((p) => quantumIds.has(p.id))).toEqual([]);
    expect(reply.picks.map((p) => p.id)).not.toContain(astro[0]!.id);
    expect(reply.picks.map((p) => p.id)).not.toContain(page[0]!.id);
  });
});
