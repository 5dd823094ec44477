// @vitest-environment node
import fc from 'fast-check';
import {
  deserializeModel,
  paperVector,
  rankTags,
  relatedInLibrary,
  scoreForYou,
  serializeModel,
  storedModelBytes,
  trainAll,
  type StoredRelevanceModel,
} from '@/lib/relevance';
import { library, paperOn } from './corpus';

describe('the stored model', () => {
  const saved = library(['rl', 'diffusion', 'proteins'], 10);
  const seen = library(['speech'], 10, 2).map(({ id, title, summary }) => ({ id: `s-${id}`, title, summary }));
  const model = trainAll({ library: saved, seen });
  const stored = serializeModel(model);

  it('is plain data that survives structured cloning (as IndexedDB stores it) and scores the same', () => {
    const back = deserializeModel(structuredClone(stored))!;
    expect(back).not.toBeNull();
    expect(back.vocabulary.terms).toEqual(model.vocabulary.terms);
    expect(back.tags.map((t) => [t.name, t.key, t.papers])).toEqual(model.tags.map((t) => [t.name, t.key, t.papers]));
    for (const paper of [paperOn('rl', 'a', 1), paperOn('speech', 'b', 2)]) {
      const before = rankTags(model, paperVector(model, paper));
      const after = rankTags(back, paperVector(back, paper));
      expect(after.map((s) => s.key)).toEqual(before.map((s) => s.key));
      after.forEach((s, i) => expect(s.probability).toBeCloseTo(before[i]!.probability, 3));
      expect(scoreForYou(back, paper)!.score).toBeCloseTo(scoreForYou(model, paper)!.score, 3);
      expect(relatedInLibrary(back, paper).map((r) => r.id)).toEqual(relatedInLibrary(model, paper).map((r) => r.id));
    }
    expect(back.forYou!.threshold).toBe(model.forYou!.threshold);
  });

  it('round-trips the empty model and the centroid basis', () => {
    for (const m of [trainAll({ library: [] }), trainAll({ library: saved })]) {
      const back = deserializeModel(structuredClone(serializeModel(m)));
      expect(back).not.toBeNull();
      expect(back!.forYou?.basis).toBe(m.forYou?.basis);
      expect(back!.forYou?.platt ?? null).toEqual(m.forYou?.platt ?? null);
    }
  });

  it('detects foreign and damaged values (null, never a throw)', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test that breaks the type on purpose
    const damaged = (change: (m: any) => void) => {
      const copy = structuredClone(stored);
      change(copy);
      return deserializeModel(copy);
    };
    expect(deserializeModel(undefined)).toBeNull();
    expect(deserializeModel('model')).toBeNull();
    expect(deserializeModel({})).toBeNull();
    expect(deserializeModel(JSON.parse(JSON.stringify(stored)))).toBeNull(); // typed arrays lost
    expect(damaged((m) => (m.version = 2))).toBeNull();
    expect(damaged((m) => (m.format = 'other'))).toBeNull();
    expect(damaged((m) => m.tags.weights[5]++)).toBeNull(); // one weight changed: the checksum sees it
    expect(damaged((m) => (m.idf[0] = 99))).toBeNull();
    expect(damaged((m) => m.terms.fill(0xff))).toBeNull();
    expect(damaged((m) => (m.tags.names = ['x']))).toBeNull();
    expect(damaged((m) => (m.library.offsets = new Uint32Array([0])))).toBeNull();
    expect(damaged((m) => (m.library.indices = [1, 2, 3]))).toBeNull();
    expect(damaged((m) => (m.forYou = { basis: 'other' }))).toBeNull();
    expect(damaged((m) => Object.defineProperty(m, 'tags', { get: () => { throw new Error('boom'); } }))).toBeNull();
  });

  it('survives random damage to any byte', () => {
    const parts = (m: StoredRelevanceModel) => [m.terms, m.idf, m.tags.papers, m.tags.numbers, m.tags.weights, m.forYou!.numbers, m.forYou!.weights, m.library.offsets, m.library.indices, m.library.values];
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), (part, at, xor) => {
        const copy = structuredClone(stored);
        const view = parts(copy)[part % 10]!;
        const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
        if (bytes.length === 0) return;
        bytes[at % bytes.length]! ^= xor;
        expect(deserializeModel(copy)).toBeNull();
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('reports its size', () => {
    expect(storedModelBytes(stored)).toBeGreaterThan(stored.tags.weights.byteLength);
  });
});
