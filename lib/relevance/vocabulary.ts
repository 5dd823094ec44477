import type { SparseVector } from '@/lib/relevance/sparse';

/** The terms the models know, each with its inverse document frequency. */
export interface Vocabulary {
  readonly terms: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly idf: Float32Array;
}

export interface VocabularyOptions {
  /** A term must occur in at least this many documents. */
  readonly minDf: number;
  /** At most this many terms, the most widespread first. */
  readonly maxFeatures: number;
}

/** A document as counted: term numbers (as first met by the counter) with how often each occurs. */
export interface CountedDocument {
  readonly termIds: Uint32Array;
  readonly counts: Uint16Array;
}

/**
 * Counts in how many documents each term (word or pair of consecutive words) occurs, one document at a time
 * (each call costs in proportion to the document), then picks the vocabulary. Pairs are keyed by their words'
 * numbers, so no string is built for a pair until it makes the vocabulary.
 */
export class DocumentFrequencyCounter {
  private readonly wordIds = new Map<string, number>();
  /** Term number of each word number (as a single-word term). */
  private readonly wordTerm: number[] = [];
  private readonly pairIds = new PairTable();
  /** Per term: its first word and, for a pair, its second (-1 for a single word). */
  private readonly first: number[] = [];
  private readonly second: number[] = [];
  private readonly words: string[] = [];
  private df = new Uint32Array(1024);
  /** Scratch for counting within a document: the document that last saw a term, and its count there. */
  private seenIn = new Int32Array(1024).fill(-1);
  private count = new Uint32Array(1024);
  documents = 0;

  private newTerm(first: number, second: number): number {
    const id = this.first.length;
    this.first.push(first);
    this.second.push(second);
    if (id >= this.df.length) {
      const size = this.df.length * 2;
      const df = new Uint32Array(size);
      df.set(this.df);
      this.df = df;
      const seenIn = new Int32Array(size).fill(-1);
      seenIn.set(this.seenIn);
      this.seenIn = seenIn;
      const count = new Uint32Array(size);
      count.set(this.count);
      this.count = count;
    }
    return id;
  }

  /** Counts a document given as its content words, in order; returns it as term numbers and counts. */
  add(words: readonly string[]): CountedDocument {
    const doc = this.documents++;
    const terms: number[] = [];
    const see = (term: number) => {
      if (this.seenIn[term] !== doc) {
        this.seenIn[term] = doc;
        this.count[term] = 1;
        terms.push(term);
      } else this.count[term]!++;
    };
    let previous = -1;
    for (const word of words) {
      let w = this.wordIds.get(word);
      if (w === undefined) {
        w = this.words.length;
        this.wordIds.set(word, w);
        this.words.push(word);
        this.wordTerm.push(this.newTerm(w, -1));
      }
      see(this.wordTerm[w]!);
      if (previous >= 0) {
        let pair = this.pairIds.get(previous, w);
        if (pair < 0) {
          pair = this.newTerm(previous, w);
          this.pairIds.set(previous, w, pair);
        }
        see(pair);
      }
      previous = w;
    }
    const termIds = new Uint32Array(terms);
    const counts = new Uint16Array(terms.length);
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k]!;
      counts[k] = Math.min(this.count[t]!, 65_535);
      this.df[t]!++;
    }
    return { termIds, counts };
  }

  private termName(id: number): string {
    const second = this.second[id]!;
    const first = this.words[this.first[id]!]!;
    return second < 0 ? first : `${first} ${this.words[second]!}`;
  }

  /**
   * The vocabulary: terms in at least `minDf` documents, the `maxFeatures` most widespread (ties go to the
   * term met first), with smoothed idf = ln((1 + n) / (1 + df)) + 1. `remap` turns counter term numbers into
   * vocabulary indices (-1: not kept).
   */
  vocabulary(options: VocabularyOptions): { vocabulary: Vocabulary; remap: Int32Array } {
    const total = this.first.length;
    const minDf = Math.max(1, options.minDf);
    let lowest = minDf;
    // Find the df threshold that keeps at most maxFeatures terms without sorting them all.
    let kept = 0;
    for (let id = 0; id < total; id++) if (this.df[id]! >= minDf) kept++;
    let atThreshold = Infinity;
    if (kept > options.maxFeatures) {
      const byDf = new Map<number, number>();
      for (let id = 0; id < total; id++) {
        const df = this.df[id]!;
        if (df >= minDf) byDf.set(df, (byDf.get(df) ?? 0) + 1);
      }
      const levels = [...byDf.keys()].sort((a, b) => b - a);
      let sum = 0;
      for (const level of levels) {
        const count = byDf.get(level)!;
        if (sum + count > options.maxFeatures) {
          lowest = level;
          atThreshold = options.maxFeatures - sum;
          break;
        }
        sum += count;
      }
    }
    const remap = new Int32Array(total).fill(-1);
    const terms: string[] = [];
    const idf: number[] = [];
    const n = this.documents;
    for (let id = 0; id < total; id++) {
      const df = this.df[id]!;
      if (df < lowest) continue;
      if (df === lowest && atThreshold !== Infinity) {
        if (atThreshold <= 0) continue;
        atThreshold--;
      }
      remap[id] = terms.length;
      terms.push(this.termName(id));
      idf.push(Math.log((1 + n) / (1 + df)) + 1);
    }
    return { vocabulary: vocabularyOf(terms, new Float32Array(idf)), remap };
  }
}

export function vocabularyOf(terms: readonly string[], idf: Float32Array): Vocabulary {
  return { terms, index: new Map(terms.map((t, i) => [t, i])), idf };
}

/** Sublinear tf-idf, scaled to unit length: each term weighs (1 + ln tf) * idf. */
export function tfidfOfCounted(doc: CountedDocument, remap: Int32Array, idf: Float32Array): SparseVector {
  // Index and count packed in one number, so that one numeric sort orders both.
  const packed = new Float64Array(doc.termIds.length);
  let size = 0;
  for (let k = 0; k < doc.termIds.length; k++) {
    const index = remap[doc.termIds[k]!]!;
    if (index >= 0) packed[size++] = index * 65_536 + doc.counts[k]!;
  }
  const sorted = packed.subarray(0, size).sort();
  const indices = new Uint32Array(size);
  const values = new Float32Array(size);
  let norm = 0;
  for (let k = 0; k < size; k++) {
    const index = Math.floor(sorted[k]! / 65_536);
    const value = (1 + Math.log(sorted[k]! - index * 65_536)) * idf[index]!;
    indices[k] = index;
    values[k] = value;
    norm += value * value;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < size; k++) values[k]! *= scale;
  return { indices, values };
}

/** A vocabulary's terms by word numbers, so that a new text is looked up without building pair strings. */
interface Lookup {
  readonly words: Map<string, number>;
  /** Vocabulary index of each word number as a single-word term, or -1. */
  readonly single: Int32Array;
  readonly pairs: PairTable;
}

const lookups = new WeakMap<Vocabulary, Lookup>();

function lookupOf(vocabulary: Vocabulary): Lookup {
  let lookup = lookups.get(vocabulary);
  if (lookup) return lookup;
  const words = new Map<string, number>();
  const wordOf = (word: string) => {
    let w = words.get(word);
    if (w === undefined) words.set(word, (w = words.size));
    return w;
  };
  const singles: Array<[number, number]> = [];
  const pairs = new PairTable();
  vocabulary.terms.forEach((term, index) => {
    const space = term.indexOf(' ');
    if (space < 0) singles.push([wordOf(term), index]);
    else pairs.set(wordOf(term.slice(0, space)), wordOf(term.slice(space + 1)), index);
  });
  const single = new Int32Array(words.size).fill(-1);
  for (const [w, index] of singles) single[w] = index;
  lookup = { words, single, pairs };
  lookups.set(vocabulary, lookup);
  return lookup;
}

/** The tf-idf vector of a new text, given as its content words in order, against a trained vocabulary. */
export function tfidfOfWords(words: readonly string[], vocabulary: Vocabulary): SparseVector {
  const { words: known, single, pairs } = lookupOf(vocabulary);
  const found: number[] = [];
  let previous = -1;
  for (const word of words) {
    const w = known.get(word) ?? -1;
    if (w >= 0) {
      if (single[w]! >= 0) found.push(single[w]!);
      if (previous >= 0) {
        const pair = pairs.get(previous, w);
        if (pair >= 0) found.push(pair);
      }
    }
    previous = w;
  }
  const sorted = new Uint32Array(found).sort();
  // Run-length count of the sorted term indices.
  const indices: number[] = [];
  const values: number[] = [];
  let norm = 0;
  for (let k = 0; k < sorted.length; ) {
    let end = k + 1;
    while (end < sorted.length && sorted[end] === sorted[k]) end++;
    const index = sorted[k]!;
    const value = (1 + Math.log(end - k)) * vocabulary.idf[index]!;
    indices.push(index);
    values.push(value);
    norm += value * value;
    k = end;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const scaled = new Float32Array(values.length);
  for (let k = 0; k < values.length; k++) scaled[k] = values[k]! * scale;
  return { indices: new Uint32Array(indices), values: scaled };
}

/** A hash table from pairs of small non-negative integers to non-negative integers, in typed arrays. */
class PairTable {
  private keysA = new Int32Array(1 << 16).fill(-1);
  private keysB = new Int32Array(1 << 16);
  private values = new Int32Array(1 << 16);
  private size = 0;

  private slot(a: number, b: number): number {
    const mask = this.keysA.length - 1;
    // MurmurHash3's finalizer: every bit of a and b reaches the low bits, so probes stay short.
    let h = (Math.imul(a, 0x9e3779b1) + b) | 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h = (h ^ (h >>> 16)) & mask;
    while (this.keysA[h] !== -1 && (this.keysA[h] !== a || this.keysB[h] !== b)) h = (h + 1) & mask;
    return h;
  }

  /** The value for (a, b), or -1. */
  get(a: number, b: number): number {
    const h = this.slot(a, b);
    return this.keysA[h] === -1 ? -1 : this.values[h]!;
  }

  set(a: number, b: number, value: number): void {
    if (2 * (this.size + 1) > this.keysA.length) this.grow();
    const h = this.slot(a, b);
    if (this.keysA[h] === -1) this.size++;
    this.keysA[h] = a;
    this.keysB[h] = b;
    this.values[h] = value;
  }

  private grow(): void {
    const { keysA, keysB, values } = this;
    this.keysA = new Int32Array(keysA.length * 2).fill(-1);
    this.keysB = new Int32Array(keysA.length * 2);
    this.values = new Int32Array(keysA.length * 2);
    this.size = 0;
    for (let h = 0; h < keysA.length; h++) if (keysA[h] !== -1) this.set(keysA[h]!, keysB[h]!, values[h]!);
  }
}
