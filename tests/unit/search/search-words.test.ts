// @vitest-environment node
import { FIELD_WEIGHT, foldText, paperWords, queryWords, wordsOf } from '@/lib/library/search-words';
import { metadata } from '../helpers';

const indexed = (text: string) => [...paperWords({ ...metadata({ title: text, summary: '', authors: [], organization: undefined }), tags: [], note: '' }).keys()];

describe('the words search knows a paper by', () => {
  it('keeps short acronyms and words that mix letters and digits', () => {
    expect(indexed('RAG for a GPU-poor VLM: MoE, SAM 2, 3D scenes, DeepSeek-R1 and Qwen-7B in 2025')).toEqual([
      'rag', 'for', 'gpu', 'poor', 'vlm', 'moe', 'sam', '3d', 'scenes', 'deepseek', 'r1', 'and', 'qwen', '7b', 'in', '2025',
    ]);
  });

  it('leaves out words of one character, which say too little', () => {
    expect(indexed('A survey of Llama 3 and x-ray CT')).toEqual(['survey', 'of', 'llama', 'and', 'ray', 'ct']);
  });

  it('folds accents and letters without a mark to strip, the same way for papers and queries', () => {
    expect(foldText('Müller, Łukasz Kaiser, Søren, Æsop, Œuvre, Đorđe, Straße, ﬁne, İstanbul')).toBe(
      'muller, lukasz kaiser, soren, aesop, oeuvre, dorde, strasse, fine, istanbul',
    );
    expect(wordsOf('MÜLLER')).toEqual(wordsOf('muller'));
    expect(wordsOf('Mu\u0308ller')).toEqual(['muller']); // a decomposed ü
    expect(wordsOf('STRASSE straße')).toEqual(['strasse', 'strasse']);
    expect(wordsOf('李雷 and Ада Лавлейс')).toEqual(['李雷', 'and', 'ада', 'лавлеис']);
  });

  it('remembers each word once, with the best field it is in', () => {
    const words = paperWords({
      ...metadata({
        title: 'Retrieval for Agents',
        summary: 'We study retrieval-augmented generation (RAG) for agents; notes on Müller et al.',
        authors: ['Anna Müller'],
        organization: { handle: 'ai2', name: 'Allen Institute' },
      }),
      tags: ['to read'],
      note: 'compare with RAG baselines',
    });
    expect(words.get('retrieval')).toBe(FIELD_WEIGHT.title);
    expect(words.get('agents')).toBe(FIELD_WEIGHT.title);
    expect(words.get('muller')).toBe(FIELD_WEIGHT.tagsAuthorsOrganization);
    expect(words.get('ai2')).toBe(FIELD_WEIGHT.tagsAuthorsOrganization);
    expect(words.get('read')).toBe(FIELD_WEIGHT.tagsAuthorsOrganization);
    expect(words.get('rag')).toBe(FIELD_WEIGHT.note);
    expect(words.get('augmented')).toBe(FIELD_WEIGHT.abstract);
    expect(FIELD_WEIGHT.title).toBeGreaterThan(FIELD_WEIGHT.tagsAuthorsOrganization);
    expect(FIELD_WEIGHT.tagsAuthorsOrganization).toBeGreaterThan(FIELD_WEIGHT.note);
    expect(FIELD_WEIGHT.note).toBeGreaterThan(FIELD_WEIGHT.abstract);
  });

  it('reads a query as folded words, leaving a one-character word out beside longer ones', () => {
    expect(queryWords('Müller  RAG rag')).toEqual(['muller', 'rag']);
    expect(queryWords('llama 3')).toEqual(['llama']);
    expect(queryWords('c')).toEqual(['c']);
    expect(queryWords('  ')).toEqual([]);
  });
});
