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

  it('finds a word anywhere in a long abstract, short acronyms and numbers included', () => {
    const long = newPaper(
      metadata({
        id: '2601.00004',
        title: 'Grounded Answers from Long Documents',
        summary: `${'Language models answer questions over long documents but often lose track of the evidence. '.repeat(30)}We release our code, and show the gains carry over to RAG pipelines on 7B models and 3D scenes.`,
        authors: ['Jörg Müller', 'Søren Kierkegaard'],
      }),
      at(4),
    );
    const index = LibraryIndex.build([...papers(), long]);
    for (const text of ['RAG', 'rag pipelines', '7b', '3d', 'muller', 'MÜLLER', 'soren', 'Jorg']) expect(ask(index, { text })).toEqual(['2601.00004']);
    expect(index.find({ text: 'rag', tags: [], sort: 'savedAt' }).approximate).toBe(false);
  });

  it('ranks papers with the words in the title first, then tags, authors and organization, then the note, then the abstract', () => {
    const paper = (id: string, day: number, fields: Partial<Paper>) => ({
      ...newPaper(metadata({ id, title: 'Untitled', summary: 'Nothing here.', authors: ['Someone Else'], organization: undefined }), at(day)),
      ...fields,
    });
    const index = LibraryIndex.build([
      paper('2601.00010', 9, { summary: 'We study sparse attention.' }),
      paper('2601.00011', 1, { title: 'Sparse Attention at Scale' }),
      paper('2601.00012', 8, { note: 'sparse attention, see section 3' }),
      paper('2601.00013', 7, { tags: ['sparse attention'] }),
      paper('2601.00014', 2, { title: 'Sparse Mixtures', summary: 'Attention is all we need.' }),
      paper('2601.00015', 6, { summary: 'Sparse attention, again.' }),
    ]);
    expect(ask(index, { text: 'sparse attention', sort: 'relevance' })).toEqual([
      '2601.00011', // both words in the title
      '2601.00014', // one in the title, one in the abstract
      '2601.00013', // tags
      '2601.00012', // note
      '2601.00010', // abstract only: newest saved first
      '2601.00015',
    ]);
    // The other sorts keep their order; relevance with nothing typed is newest saved first.
    expect(ask(index, { text: 'sparse attention', sort: 'savedAt' })).toEqual(['2601.00010', '2601.00012', '2601.00013', '2601.00015', '2601.00014', '2601.00011']);
    expect(ask(index, { sort: 'relevance' })).toEqual(ask(index, { sort: 'savedAt' }));
    expect(ask(index, { sort: 'relevance', tags: ['sparse attention'] })).toEqual(['2601.00013']);
  });

  it('finds close words when a word typed starts no word in the library, and says so', () => {
    const index = LibraryIndex.build(papers());
    const typo = index.find({ text: 'trasnformers', tags: [], sort: 'relevance' });
    expect(typo).toMatchObject({ ids: ['2601.00002'], approximate: true });
    expect(index.find({ text: 'difusion scal', tags: [], sort: 'savedAt' })).toMatchObject({ ids: ['2601.00002'], approximate: true });
    expect(index.find({ text: 'lovelac', tags: [], sort: 'savedAt' })).toMatchObject({ ids: ['2601.00002'], approximate: false });
    // Exact and prefix matches never fall back, even where close words would find more.
    expect(index.find({ text: 'agent', tags: [], sort: 'savedAt' })).toMatchObject({ ids: ['2601.00003'], approximate: false });
    // Too short for a typo to be told from another word, or too far from any word: nothing.
    expect(index.find({ text: 'vdo', tags: [], sort: 'savedAt' })).toMatchObject({ ids: [], approximate: false });
    expect(index.find({ text: 'xylophone', tags: [], sort: 'savedAt' })).toMatchObject({ ids: [], approximate: false });
    // A close word for one word, nothing for another: no paper, and no talk of close ones found.
    expect(index.find({ text: 'difusion xylophone', tags: [], sort: 'savedAt' }).ids).toEqual([]);
  });

  it('finds close words among papers added since the last snapshot too', () => {
    const [yolo, diffusion] = papers();
    const index = LibraryIndex.build([yolo!]);
    index.upsert(diffusion!);
    expect(index.find({ text: 'trasnformers', tags: [], sort: 'savedAt' })).toMatchObject({ ids: ['2601.00002'], approximate: true });
    index.remove(diffusion!.id);
    expect(index.find({ text: 'trasnformers', tags: [], sort: 'savedAt' })).toMatchObject({ ids: [], approximate: false });
    expect(index.find({ text: 'diffusion', tags: [], sort: 'savedAt' })).toMatchObject({ ids: [], approximate: false });
  });

  it('gives the same answers after a snapshot round trip, with holes compacted away', () => {
    const all = papers();
    const index = LibraryIndex.build(all);
    index.remove(all[0]!.id);
    index.upsert({ ...all[2]!, note: 'Revisit' });
    const snapshot = structuredClone(index.toSnapshot());
    expect(snapshot.ids).toEqual(['2601.00002', '2601.00003']);
    const loaded = LibraryIndex.fromSnapshot(snapshot);
    const queries: Partial<LibraryQuery>[] = [
      { text: 'revis' },
      { text: 'react' },
      { tags: ['llm'] },
      { sort: 'title' },
      { text: 'diff trans' },
      { text: 'agents plan', sort: 'relevance' },
      { text: 'trasnformers' },
    ];
    for (const query of queries) expect(loaded.find({ text: '', tags: [], sort: 'savedAt', ...query })).toEqual(index.find({ text: '', tags: [], sort: 'savedAt', ...query }));
    expect(ask(loaded, { text: 'revis' })).toEqual(['2601.00003']);
  });

  it('refuses a damaged snapshot', () => {
    const snapshot = LibraryIndex.build(papers()).toSnapshot();
    expect(() => LibraryIndex.fromSnapshot({ ...snapshot, savedAt: [1] })).toThrow(/damaged/);
    expect(() => LibraryIndex.fromSnapshot({ ...snapshot, postings: snapshot.postings.subarray(1) })).toThrow(/damaged/);
    // The format before postings were packed: one number a posting.
    expect(() => LibraryIndex.fromSnapshot({ ...snapshot, postings: new Int32Array(snapshot.postings.length) as unknown as Uint8Array })).toThrow(/damaged/);
  });
});
