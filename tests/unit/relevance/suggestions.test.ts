// @vitest-environment node
import { rankTags, suggestTags, trainAll, type LibraryPaper } from '@/lib/relevance';
import { library, paperOn } from './corpus';

describe('tag suggestions', () => {
  const papers = library(['rl', 'diffusion', 'proteins', 'speech'], 8);
  const model = trainAll({ library: papers });

  it('suggest the tag of papers like it, first', () => {
    const fresh = paperOn('diffusion', 'new', 999, []);
    const suggestions = suggestTags(model, fresh);
    expect(suggestions[0]?.tag).toBe('diffusion');
    expect(suggestions[0]!.probability).toBeGreaterThan(0.5);
    expect(suggestions.length).toBeLessThanOrEqual(3);
  });

  it('gives at most three, best first, and none the paper already has', () => {
    const fresh = paperOn('rl', 'new', 998, []);
    const all = suggestTags(model, fresh, { minProbability: 0 });
    expect(all).toHaveLength(3);
    expect(all.map((s) => s.probability)).toEqual([...all.map((s) => s.probability)].sort((a, b) => b - a));
    expect(suggestTags(model, { ...fresh, tags: ['RL'] }, { minProbability: 0 }).map((s) => s.key)).not.toContain('rl');
  });

  it('suggests a tag only once it is on at least 3 papers', () => {
    const two = [...papers, { ...paperOn('speech', 'x1', 5), tags: ['audio'] }, { ...paperOn('speech', 'x2', 6), tags: ['audio'] }];
    expect(trainAll({ library: two }).tags.map((t) => t.key)).not.toContain('audio');
    const three = [...two, { ...paperOn('speech', 'x3', 7), tags: ['Audio'] }];
    const tags = trainAll({ library: three }).tags;
    expect(tags.find((t) => t.key === 'audio')).toMatchObject({ name: 'audio', papers: 3 }); // "Audio" is the same tag
  });

  it('suggests nothing from an empty library or for an off-topic paper', () => {
    const empty = trainAll({ library: [] });
    expect(suggestTags(empty, paperOn('rl', 'p', 1))).toEqual([]);
    const offTopic = { title: 'Medieval pottery of northern Europe', summary: 'Shards, kilns and glazes from excavations.' };
    expect(suggestTags(model, offTopic)).toEqual([]);
  });

  it('follows renamed and merged tags when retrained on the library as it now is', () => {
    // The reader merged "RL" into "reinforcement learning" and renamed "diffusion" to "generative".
    const before: LibraryPaper[] = papers.map((p, i) => (p.tags[0] === 'rl' ? { ...p, tags: [i % 2 ? 'RL' : 'reinforcement learning'] } : p));
    const after = before.map((p) => ({
      ...p,
      tags: p.tags.map((t) => (t === 'RL' ? 'reinforcement learning' : t === 'diffusion' ? 'generative' : t)),
    }));
    const retrained = trainAll({ library: after });
    const keys = retrained.tags.map((t) => t.key);
    expect(keys).toContain('reinforcement learning');
    expect(keys).toContain('generative');
    expect(keys).not.toContain('rl');
    expect(keys).not.toContain('diffusion');
    expect(suggestTags(retrained, paperOn('rl', 'n', 77, []))[0]?.tag).toBe('reinforcement learning');
  });

  it('ranks every learned tag with a probability', () => {
    const ranked = rankTags(model, { indices: new Uint32Array(0), values: new Float32Array(0) });
    expect(ranked.map((s) => s.key).sort()).toEqual(['diffusion', 'proteins', 'rl', 'speech']);
    for (const s of ranked) expect(s.probability).toBeGreaterThanOrEqual(0);
  });
});
