// @vitest-environment node
import { contentWords } from '@/lib/relevance/tokenize';
import { DocumentFrequencyCounter, tfidfOfCounted, tfidfOfWords } from '@/lib/relevance/vocabulary';
import { squaredNorm } from '@/lib/relevance/sparse';

const words = (text: string) => text.split(' ');

function counted(texts: string[], minDf = 1, maxFeatures = 100) {
  const counter = new DocumentFrequencyCounter();
  const docs = texts.map((t) => counter.add(words(t)));
  return { docs, ...counter.vocabulary({ minDf, maxFeatures }) };
}

describe('the vocabulary and tf-idf', () => {
  it('counts words and pairs once per document, with smoothed idf', () => {
    const { vocabulary } = counted(['apple apple pear', 'apple fig', 'fig']);
    const idf = (term: string) => vocabulary.idf[vocabulary.index.get(term)!]!;
    expect(vocabulary.terms).toEqual(['apple', 'apple apple', 'pear', 'apple pear', 'fig', 'apple fig']);
    expect(idf('apple')).toBeCloseTo(Math.log(4 / 3) + 1, 6); // in 2 of 3 documents
    expect(idf('pear')).toBeCloseTo(Math.log(4 / 2) + 1, 6);
  });

  it('keeps terms in at least minDf documents', () => {
    const { vocabulary } = counted(['apple pear', 'apple fig', 'kiwi'], 2);
    expect(vocabulary.terms).toEqual(['apple']);
  });

  it('keeps the maxFeatures most widespread terms (ties: the first met)', () => {
    const { vocabulary } = counted(['a b c', 'b c', 'c', 'd'], 1, 2);
    expect(vocabulary.terms).toEqual(['b', 'c']); // "b c" has b's df but is met after it
    // df: c 3, b 2, "b c" 2, then a, "a b", d 1.
    expect(counted(['a b c', 'b c', 'c', 'd'], 1, 3).vocabulary.terms).toEqual(['b', 'c', 'b c']);
  });

  it('weighs terms by (1 + ln tf) * idf, at unit length', () => {
    const { docs, vocabulary, remap } = counted(['apple apple pear', 'pear']);
    const v = tfidfOfCounted(docs[0]!, remap, vocabulary.idf);
    expect(squaredNorm(v)).toBeCloseTo(1, 6);
    const apple = v.values[v.indices.indexOf(vocabulary.index.get('apple')!)]!;
    const pear = v.values[v.indices.indexOf(vocabulary.index.get('pear')!)]!;
    const appleIdf = Math.log(3 / 2) + 1;
    expect(apple / pear).toBeCloseTo(((1 + Math.log(2)) * appleIdf) / 1, 5); // pear is in both: idf 1
    expect([...v.indices]).toEqual([...v.indices].sort((a, b) => a - b));
  });

  it('gives a new text the same vector as a counted one, and an empty vector to unknown words', () => {
    const counter = new DocumentFrequencyCounter();
    const texts = ['Neural networks learn networks', 'Neural networks for proteins', 'Proteins learn'];
    const docs = texts.map((t) => counter.add(contentWords(t)));
    const { vocabulary, remap } = counter.vocabulary({ minDf: 2, maxFeatures: 100 });
    expect(vocabulary.terms).toContain('neural network');
    for (const [i, text] of texts.entries()) {
      const fresh = tfidfOfWords(contentWords(text), vocabulary);
      const stored = tfidfOfCounted(docs[i]!, remap, vocabulary.idf);
      expect([...fresh.indices]).toEqual([...stored.indices]);
      fresh.values.forEach((v, k) => expect(v).toBeCloseTo(stored.values[k]!, 6));
    }
    expect(tfidfOfWords(['zebra', 'neural'], vocabulary).indices).toEqual(new Uint32Array([vocabulary.index.get('neural')!]));
    expect(tfidfOfWords([], vocabulary).indices.length).toBe(0);
  });
});
