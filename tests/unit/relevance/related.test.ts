// @vitest-environment node
import { relatedInLibrary, trainAll } from '@/lib/relevance';
import { library, paperOn } from './corpus';

describe('related in your library', () => {
  const papers = library(['rl', 'diffusion', 'proteins'], 8);
  const model = trainAll({ library: papers });

  it('finds up to five saved papers on the same topic, most similar first', () => {
    const related = relatedInLibrary(model, paperOn('proteins', 'new', 42));
    expect(related).toHaveLength(5);
    for (const r of related) expect(r.id).toMatch(/^proteins-/);
    expect(related.map((r) => r.similarity)).toEqual([...related.map((r) => r.similarity)].sort((a, b) => b - a));
  });

  it('never lists the paper itself, and lists nothing unrelated', () => {
    const self = papers[3]!;
    expect(relatedInLibrary(model, self).map((r) => r.id)).not.toContain(self.id);
    expect(relatedInLibrary(model, { title: 'Medieval pottery', summary: 'Kilns and glazes.' })).toEqual([]);
    expect(relatedInLibrary(model, paperOn('rl', 'n', 1), { limit: 2 })).toHaveLength(2);
  });

  it('is empty for an empty library', () => {
    expect(relatedInLibrary(trainAll({ library: [] }), paperOn('rl', 'n', 1))).toEqual([]);
  });
});
