// @vitest-environment node
import { LibraryIndex, type LibraryQuery } from '@/lib/search/library-index';
import { newPaper } from '@/lib/paper/paper';
import type { Paper } from '@/lib/paper/model';
import { metadata } from '../helpers';

const at = (day: number) => Date.UTC(2026, 10, day);

function papers(): Paper[] {
  const yolo = newPaper(metadata(), at(1), ['Vision']);
  const diffusion = newPaper(
    metadata({
      id: '2601.00002',
      title: 'Scaling Diffusion Transformers to Video',
      summary: 'We study how latent diffusion transformers scale with compute for text-to-video generation.',
      authors: ['Ada Lovelace'],
      organization: { handle: 'deepmind', name: 'Google DeepMind' },
      publishedAt: '2026-01-15',
      upvotes: 80,
    }),
    at(3),
    ['LLM', 'to read'],
  );
  const agents = {
    ...newPaper(metadata({ id: '2601.00003', title: 'agents that plan', summary: 'Planning agents with tools.', authors: ['Alan Turing'], organization: undefined, publishedAt: undefined, upvotes: undefined }), at(2), ['llm']),
    note: 'Compare with ReAct',
  };
  return [yolo, diffusion, agents];
}

const ask = (index: LibraryIndex, query: Partial<LibraryQuery>) => index.find({ text: '', tags: [], sort: 'savedAt', ...query }).ids;

describe('the library index', () => {
  it('finds papers by the start of any word of title, abstract, authors, organization, tags and note', () => {
    const index = LibraryIndex.build(papers());
    expect(ask(index, { text: 'diffus' })).toEqual(['2601.00002']);
    expect(ask(index, { text: 'lat' })).toEqual(['2601.00002']); // "latent", in the abstract
    expect(ask(index, { text: 'lovel' })).toEqual(['2601.00002']);
    expect(ask(index, { text: 'deepmind' })).toEqual(['2601.00002']);
    expect(ask(index, { text: 'reac' })).toEqual(['2601.00003']); // note "ReAct"
    expect(ask(index, { text: 'read' })).toEqual(['2601.00002']); // tag "to read"
    expect(ask(index, { text: 'ultra' })).toEqual(['2606.03748']);
    expect(ask(index, { text: 'REACT' })).toEqual(['2601.00003']);
  });

  it('needs every word typed, in any order', () => {
    const index = LibraryIndex.build(papers());
    expect(ask(index, { text: 'video scal' })).toEqual(['2601.00002']);
    expect(ask(index, { text: 'video yolo' })).toEqual([]);
    expect(ask(index, { text: '  ' })).toHaveLength(3);
  });

  it('filters by tags in any spelling, together with the words', () => {
    const index = LibraryIndex.build(papers());
    expect(ask(index, { tags: ['LLM'] })).toEqual(['2601.00002', '2601.00003']);
    expect(ask(index, { tags: ['llm', 'To Read'] })).toEqual(['2601.00002']);
    expect(ask(index, { tags: ['llm'], text: 'plan' })).toEqual(['2601.00003']);
  });

  it('orders by date saved, date published, upvotes or title; unknown dates and upvotes last', () => {
    const index = LibraryIndex.build(papers());
    expect(ask(index, { sort: 'savedAt' })).toEqual(['2601.00002', '2601.00003', '2606.03748']);
    expect(ask(index, { sort: 'publishedAt' })).toEqual(['2606.03748', '2601.00002', '2601.00003']);
    expect(ask(index, { sort: 'upvotes' })).toEqual(['2601.00002', '2606.03748', '2601.00003']);
    // Case does not split the alphabet: "agents…" comes before "Scaling…".
    expect(ask(index, { sort: 'title' })).toEqual(['2601.00003', '2601.00002', '2606.03748']);
  });

  it('counts tags across the library, most used first', () => {
    const { tagCounts, total } = LibraryIndex.build(papers()).find({ text: 'yolo', tags: [], sort: 'savedAt' });
    expect(total).toBe(3);
    expect(tagCounts).toEqual([
      { tag: 'LLM', count: 2 },
      { tag: 'to read', count: 1 },
      { tag: 'Vision', count: 1 },
    ]);
  });

  it('follows changes: a replaced paper is found by its new words only, a removed one not at all', () => {
    const [yolo, diffusion] = papers();
    const index = LibraryIndex.build([yolo!, diffusion!]);
    index.upsert({ ...diffusion!, title: 'Scaling Flow Matching', summary: 'Flows.', tags: [] });
    expect(ask(index, { text: 'diffus' })).toEqual([]);
    expect(ask(index, { text: 'flow' })).toEqual(['2601.00002']);
    expect(ask(index, { tags: ['llm'] })).toEqual([]);
    index.remove(yolo!.id);
    expect(ask(index, { text: 'ultra' })).toEqual([]);
    expect(index.find({ text: '', tags: [], sort: 'title' })).toMatchObject({ ids: ['2601.00002'], total: 1 });
  });

  it('gives the same answers after a snapshot round trip, with holes compacted away', () => {
    const all = papers();
    const index = LibraryIndex.build(all);
    index.remove(all[0]!.id);
    index.upsert({ ...all[2]!, note: 'Revisit' });
    const snapshot = structuredClone(index.toSnapshot());
    expect(snapshot.ids).toEqual(['2601.00002', '2601.00003']);
    const loaded = LibraryIndex.fromSnapshot(snapshot);
    for (const query of [{ text: 'revis' }, { text: 'react' }, { tags: ['llm'] }, { sort: 'title' as const }, { text: 'diff trans' }]) {
      expect(ask(loaded, query)).toEqual(ask(index, query));
    }
    expect(ask(loaded, { text: 'revis' })).toEqual(['2601.00003']);
  });

  it('refuses a damaged snapshot', () => {
    const snapshot = LibraryIndex.build(papers()).toSnapshot();
    expect(() => LibraryIndex.fromSnapshot({ ...snapshot, savedAt: [1] })).toThrow(/damaged/);
    expect(() => LibraryIndex.fromSnapshot({ ...snapshot, postings: snapshot.postings.subarray(1) })).toThrow(/damaged/);
  });
});
