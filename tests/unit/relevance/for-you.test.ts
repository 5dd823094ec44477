// @vitest-environment node
import { scoreForYou, sharedTerms, trainAll } from '@/lib/relevance';
import { library, paperOn } from './corpus';

describe('"For you"', () => {
  const saved = library(['rl', 'diffusion'], 12);
  const seen = library(['proteins', 'speech'], 12, 2).map(({ id, title, summary }) => ({ id: `seen-${id}`, title, summary }));
  const model = trainAll({ library: saved, seen });

  it('learns saved papers against passed-over ones', () => {
    expect(model.forYou?.basis).toBe('feedback');
    const liked = scoreForYou(model, paperOn('rl', 'a', 501))!;
    const passed = scoreForYou(model, paperOn('speech', 'b', 502))!;
    expect(liked.score).toBeGreaterThan(0.5);
    expect(passed.score).toBeLessThan(0.5);
    expect(liked.likeLibrary).toBe(true);
    expect(passed.likeLibrary).toBe(false);
  });

  it('calibrates the "like your library" threshold on held-out saved papers', () => {
    const { threshold, falsePositiveRate } = model.forYou!;
    expect(threshold).toBeGreaterThan(0);
    expect(threshold).toBeLessThan(1);
    expect(falsePositiveRate).toBeLessThan(0.2);
    const fresh = [...Array(40).keys()].map((i) => scoreForYou(model, paperOn(i % 2 ? 'rl' : 'diffusion', `f${i}`, 700 + i))!);
    expect(fresh.filter((r) => r.likeLibrary).length / fresh.length).toBeGreaterThanOrEqual(0.7);
  });

  it('gives a tag as the reason when one of the reader\'s tags fits', () => {
    expect(scoreForYou(model, paperOn('diffusion', 'c', 503))!.reason).toEqual({ kind: 'tag', tag: 'diffusion' });
  });

  it('else the terms the paper shares with the library, as the paper writes them', () => {
    const untagged = trainAll({ library: saved.map((p) => ({ ...p, tags: [] })), seen });
    const result = scoreForYou(untagged, { title: 'Exploration bonuses', summary: 'An agent explores with a reward bonus.' })!;
    expect(result.reason?.kind).toBe('terms');
    const terms = result.reason?.kind === 'terms' ? result.reason.terms : [];
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.length).toBeLessThanOrEqual(3);
    for (const term of terms) expect('exploration bonuses an agent explores with a reward bonus').toContain(term);
  });

  it('gives no reason for a paper that shares nothing with the library', () => {
    const result = scoreForYou(model, { title: 'Medieval pottery', summary: 'Kilns and glazes of northern Europe.' })!;
    expect(result.reason).toBeNull();
    expect(result.likeLibrary).toBe(false);
  });

  it('does not repeat a word inside a chosen pair', () => {
    const terms = sharedTerms(model, { title: 'Actor critic', summary: 'actor critic value function' }, 3);
    for (const term of terms.filter((t) => !t.includes(' '))) expect(terms.some((t) => t.includes(' ') && t.split(' ').includes(term))).toBe(false);
  });

  it('learns against trending papers when there is no feedback yet, else against the library\'s centroid', () => {
    const unlabeled = trainAll({ library: saved, extraCorpus: seen });
    expect(unlabeled.forYou?.basis).toBe('unlabeled');
    expect(scoreForYou(unlabeled, paperOn('rl', 'a', 501))!.score).toBeGreaterThan(scoreForYou(unlabeled, paperOn('speech', 'b', 502))!.score);
    const alone = trainAll({ library: saved });
    expect(alone.forYou?.basis).toBe('centroid');
    const near = scoreForYou(alone, paperOn('rl', 'a', 501))!;
    expect(near.score).toBeGreaterThan(scoreForYou(alone, paperOn('speech', 'b', 502))!.score);
    expect(near.likeLibrary).toBe(true);
  });

  it('counts "Not interested" papers', () => {
    const notInterested = library(['diffusion'], 6, 3).map(({ id, title, summary }) => ({ id: `no-${id}`, title, summary }));
    const withDislikes = trainAll({ library: library(['rl'], 12), seen, notInterested });
    expect(scoreForYou(withDislikes, paperOn('diffusion', 'd', 504))!.likeLibrary).toBe(false);
    expect(scoreForYou(withDislikes, paperOn('rl', 'e', 505))!.likeLibrary).toBe(true);
  });

  it('is null for an empty library', () => {
    expect(scoreForYou(trainAll({ library: [], seen }), paperOn('rl', 'a', 1))).toBeNull();
  });
});
