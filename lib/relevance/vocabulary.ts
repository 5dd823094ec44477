import { type SparseVector, unitVector } from './sparse';

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
 * Counts in how many documents each term occurs, one document at a time (each call costs in proportion to the
 * document), then picks the vocabulary.
 */
export class DocumentFrequencyCounter {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private df: Uint32Array = new Uint32Array(1024);
  documents = 0;

  /** Counts a document and returns it as term numbers and counts, to vectorize once the vocabulary is known. */
  add(terms: readonly string[]): CountedDocument {
    const local = new Map<number, number>();
    for (const term of terms) {
      let id = this.ids.get(term);
      if (id === undefined) {
        id = this.names.length;
        this.ids.set(term, id);
        this.names.push(term);
      }
      local.set(id, (local.get(id) ?? 0) + 1);
    }
    if (this.names.length > this.df.length) {
      const grown = new Uint32Array(Math.max(this.names.length, this.df.length * 2));
      grown.set(this.df);
      this.df = grown;
    }
    this.documents++;
    for (const id of local.keys()) this.df[id]!++;
    const termIds = new Uint32Array(local.size);
    const counts = new Uint16Array(local.size);
    let k = 0;
    for (const [id, count] of local) {
      termIds[k] = id;
      counts[k++] = Math.min(count, 65_535);
    }
    return { termIds, counts };
  }

  /**
   * The vocabulary: terms in at least `minDf` documents, the `maxFeatures` most widespread (ties go to the
   * term met first), with smoothed idf = ln((1 + n) / (1 + df)) + 1. `remap` turns counter term numbers into
   * vocabulary indices (-1: not kept).
   */
  vocabulary(options: VocabularyOptions): { vocabulary: Vocabulary; remap: Int32Array } {
    const total = this.names.length;
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
      terms.push(this.names[id]!);
      idf.push(Math.log((1 + n) / (1 + df)) + 1);
    }
    return { vocabulary: vocabularyOf(terms, Float32Array.from(idf)), remap };
  }
}

export function vocabularyOf(terms: readonly string[], idf: Float32Array): Vocabulary {
  return { terms, index: new Map(terms.map((t, i) => [t, i])), idf };
}

/** Sublinear tf-idf, scaled to unit length: each term weighs (1 + ln tf) * idf. */
export function tfidfOfCounted(doc: CountedDocument, remap: Int32Array, idf: Float32Array): SparseVector {
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < doc.termIds.length; k++) {
    const index = remap[doc.termIds[k]!]!;
    if (index >= 0) pairs.push([index, (1 + Math.log(doc.counts[k]!)) * idf[index]!]);
  }
  return unitVector(pairs);
}

/** The same for the terms of a new text, against a trained vocabulary. */
export function tfidf(terms: readonly string[], vocabulary: Vocabulary): SparseVector {
  const counts = new Map<number, number>();
  for (const term of terms) {
    const index = vocabulary.index.get(term);
    if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  const pairs: Array<[number, number]> = [];
  for (const [index, count] of counts) pairs.push([index, (1 + Math.log(count)) * vocabulary.idf[index]!]);
  return unitVector(pairs);
}
