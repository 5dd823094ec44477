// @vitest-environment node
import fc from 'fast-check';
import { allowedEdits, byCodeUnits, closeWords, prefixRange } from '@/lib/search/sorted-words';

/** Damerau-Levenshtein distance, each letter edited once (optimal string alignment), the plain way. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const sorted = (words: string[]) => [...new Set(words)].sort(byCodeUnits);

describe('the sorted word list', () => {
  it('finds the range of words that start with a prefix', () => {
    const words = sorted(['rag', 'ragged', 'rank', 'ra', 'retrieval', 'r1']);
    const [first, end] = prefixRange(words, 'rag');
    expect(words.slice(first, end)).toEqual(['rag', 'ragged']);
    expect(prefixRange(words, 'zebra')).toEqual([words.length, words.length]);
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 200 }), word, (list, prefix) => {
        const all = sorted(list);
        const [from, to] = prefixRange(all, prefix);
        expect(all.slice(from, to)).toEqual(all.filter((w) => w.startsWith(prefix)));
      }),
    );
  });

  it('allows no edit below four letters, one up to seven, two from eight', () => {
    expect(['rag', 'tran', 'transfo', 'transfor'].map(allowedEdits)).toEqual([0, 1, 1, 2]);
  });

  it('finds words within a typo: a swap, a missing, an extra or a wrong letter', () => {
    const words = sorted(['transformer', 'transformers', 'transfer', 'translation', 'continual', 'continuous', 'contrastive']);
    const close = (term: string, edits: number) => closeWords(words, term, edits).map((w) => words[w]);
    expect(close('trasnformer', 2)).toEqual(['transformer', 'transformers']);
    expect(close('continaul', 2)).toEqual(['continual']);
    expect(close('contiual', 1)).toEqual(['continual']);
    expect(close('contrastivee', 2)).toEqual(['contrastive']);
    expect(close('xyzzyplugh', 2)).toEqual([]);
  });

  it('finds exactly the words within the allowed edits, however the list is made', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), word, fc.integer({ min: 1, max: 2 }), (list, term, edits) => {
        const words = sorted(list);
        const expected = words.filter((w) => distance(w, term) <= edits);
        expect(closeWords(words, term, edits).map((w) => words[w])).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
