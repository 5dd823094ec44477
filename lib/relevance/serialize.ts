import { tagKey } from '@/lib/paper/tags';
import type { ForYouBasis, ForYouModel, RelevanceModel, TagModel } from '@/lib/relevance/model';
import type { SparseVector } from '@/lib/relevance/sparse';
import { vocabularyOf } from '@/lib/relevance/vocabulary';

/**
 * The trained model as one plain object of typed arrays, for IndexedDB: weights as 16-bit integers with a
 * scale per model, related-paper vectors as 8-bit values, terms as UTF-8. A checksum over everything catches a
 * damaged record; `deserializeModel` answers null for anything that is not an intact model of this format.
 */
export const MODEL_FORMAT = 'papershelf.relevance';
export const MODEL_VERSION = 1;

export interface StoredRelevanceModel {
  readonly format: typeof MODEL_FORMAT;
  readonly version: typeof MODEL_VERSION;
  readonly trainedAt: number;
  /** Vocabulary terms, UTF-8, separated by "\n". */
  readonly terms: Uint8Array;
  readonly idf: Float32Array;
  readonly tags: {
    readonly names: readonly string[];
    readonly papers: Uint32Array;
    /** Per tag: intercept, weight scale, Platt a, Platt b. */
    readonly numbers: Float64Array;
    /** Tag after tag, one weight per term. */
    readonly weights: Int16Array;
  };
  readonly forYou: {
    readonly basis: ForYouBasis;
    /** intercept, weight scale, Platt a, Platt b (NaN, NaN without), threshold, false positive rate */
    readonly numbers: Float64Array;
    readonly weights: Int16Array;
  } | null;
  readonly library: {
    readonly ids: readonly string[];
    /** Paper i's terms are at offsets[i] .. offsets[i + 1]. */
    readonly offsets: Uint32Array;
    readonly indices: Uint16Array | Uint32Array;
    /** Values times 255 (vectors are non-negative and of unit length). */
    readonly values: Uint8Array;
  };
  readonly checksum: number;
}

const BASES: readonly ForYouBasis[] = ['feedback', 'unlabeled', 'centroid'];

function quantize(weights: Float32Array, into: Int16Array, offset: number): number {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32_767 : 1;
  for (let j = 0; j < weights.length; j++) into[offset + j] = Math.round(weights[j]! / scale);
  return scale;
}

function dequantize(from: Int16Array, offset: number, length: number, scale: number): Float32Array {
  const out = new Float32Array(length);
  for (let j = 0; j < length; j++) out[j] = from[offset + j]! * scale;
  return out;
}

export function serializeModel(model: RelevanceModel): StoredRelevanceModel {
  const dimension = model.vocabulary.terms.length;
  const tagWeights = new Int16Array(model.tags.length * dimension);
  const numbers = new Float64Array(model.tags.length * 4);
  model.tags.forEach((tag, t) => {
    const scale = quantize(tag.weights, tagWeights, t * dimension);
    numbers.set([tag.intercept, scale, tag.platt.a, tag.platt.b], t * 4);
  });
  let forYou: StoredRelevanceModel['forYou'] = null;
  if (model.forYou) {
    const f = model.forYou;
    const weights = new Int16Array(dimension);
    const scale = quantize(f.weights, weights, 0);
    const numbers = Float64Array.from([f.intercept, scale, f.platt?.a ?? NaN, f.platt?.b ?? NaN, f.threshold, f.falsePositiveRate]);
    forYou = { basis: f.basis, numbers, weights };
  }
  const vectors = model.library.vectors;
  const offsets = new Uint32Array(vectors.length + 1);
  vectors.forEach((v, i) => (offsets[i + 1] = offsets[i]! + v.indices.length));
  const total = offsets[vectors.length]!;
  const indices = dimension <= 65_536 ? new Uint16Array(total) : new Uint32Array(total);
  const values = new Uint8Array(total);
  vectors.forEach((v, i) => {
    indices.set(v.indices, offsets[i]);
    for (let k = 0; k < v.values.length; k++) values[offsets[i]! + k] = Math.round(Math.min(1, Math.max(0, v.values[k]!)) * 255);
  });
  const stored: Omit<StoredRelevanceModel, 'checksum'> = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    trainedAt: model.trainedAt,
    terms: new TextEncoder().encode(model.vocabulary.terms.join('\n')),
    idf: Float32Array.from(model.vocabulary.idf),
    tags: { names: model.tags.map((t) => t.name), papers: Uint32Array.from(model.tags, (t) => t.papers), numbers, weights: tagWeights },
    forYou,
    library: { ids: [...model.library.ids], offsets, indices, values },
  };
  return { ...stored, checksum: checksumOf(stored) };
}

/** FNV-1a over the bytes of every part, in a fixed order. */
function checksumOf(m: Omit<StoredRelevanceModel, 'checksum'>): number {
  let hash = 0x811c9dc5;
  const bytes = (view: ArrayBufferView) => {
    const b = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let k = 0; k < b.length; k++) hash = Math.imul(hash ^ b[k]!, 0x01000193);
  };
  const text = (s: string) => bytes(new TextEncoder().encode(`${s}\u0000`));
  text(`${m.format}/${m.version}/${m.trainedAt}`);
  bytes(m.terms);
  bytes(m.idf);
  m.tags.names.forEach(text);
  bytes(m.tags.papers);
  bytes(m.tags.numbers);
  bytes(m.tags.weights);
  if (m.forYou) {
    text(m.forYou.basis);
    bytes(m.forYou.numbers);
    bytes(m.forYou.weights);
  }
  m.library.ids.forEach(text);
  bytes(m.library.offsets);
  bytes(m.library.indices);
  bytes(m.library.values);
  return hash >>> 0;
}

const isArray = (value: unknown, kind: string): boolean => Object.prototype.toString.call(value) === `[object ${kind}]`;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((s) => typeof s === 'string');

/** Checks every part's kind and length (not yet the checksum). */
function looksLikeModel(value: unknown): value is StoredRelevanceModel {
  if (!isObject(value) || value.format !== MODEL_FORMAT || value.version !== MODEL_VERSION) return false;
  if (typeof value.trainedAt !== 'number' || typeof value.checksum !== 'number') return false;
  if (!isArray(value.terms, 'Uint8Array') || !isArray(value.idf, 'Float32Array')) return false;
  const dimension = (value.idf as Float32Array).length;
  const { tags, forYou, library } = value;
  if (!isObject(tags) || !isStringList(tags.names)) return false;
  const tagCount = tags.names.length;
  if (!isArray(tags.papers, 'Uint32Array') || (tags.papers as Uint32Array).length !== tagCount) return false;
  if (!isArray(tags.numbers, 'Float64Array') || (tags.numbers as Float64Array).length !== tagCount * 4) return false;
  if (!isArray(tags.weights, 'Int16Array') || (tags.weights as Int16Array).length !== tagCount * dimension) return false;
  if (forYou !== null) {
    if (!isObject(forYou) || !BASES.includes(forYou.basis as ForYouBasis)) return false;
    if (!isArray(forYou.numbers, 'Float64Array') || (forYou.numbers as Float64Array).length !== 6) return false;
    if (!isArray(forYou.weights, 'Int16Array') || (forYou.weights as Int16Array).length !== dimension) return false;
  }
  if (!isObject(library) || !isStringList(library.ids) || !isArray(library.offsets, 'Uint32Array')) return false;
  const offsets = library.offsets as Uint32Array;
  if (offsets.length !== library.ids.length + 1 || offsets[0] !== 0) return false;
  if (!(isArray(library.indices, 'Uint16Array') || isArray(library.indices, 'Uint32Array'))) return false;
  if (!isArray(library.values, 'Uint8Array')) return false;
  const total = (library.values as Uint8Array).length;
  if ((library.indices as Uint16Array).length !== total || offsets[offsets.length - 1] !== total) return false;
  for (let i = 1; i < offsets.length; i++) if (offsets[i]! < offsets[i - 1]!) return false;
  for (const index of library.indices as Uint16Array) if (index >= dimension) return false;
  return true;
}

/** The stored model, ready to score; null when the value is not an intact model of this format and version. */
export function deserializeModel(value: unknown): RelevanceModel | null {
  try {
    if (!looksLikeModel(value)) return null;
    const { checksum, ...rest } = value;
    if (checksumOf(rest) !== checksum) return null;
    const dimension = value.idf.length;
    const terms = dimension === 0 ? [] : new TextDecoder('utf-8', { fatal: true }).decode(value.terms).split('\n');
    if (terms.length !== dimension) return null;
    const tags: TagModel[] = value.tags.names.map((name, t) => {
      const [intercept, scale, a, b] = value.tags.numbers.subarray(t * 4, t * 4 + 4);
      return {
        name,
        key: tagKey(name),
        papers: value.tags.papers[t]!,
        weights: dequantize(value.tags.weights, t * dimension, dimension, scale!),
        intercept: intercept!,
        platt: { a: a!, b: b! },
      };
    });
    let forYou: ForYouModel | null = null;
    if (value.forYou) {
      const [intercept, scale, a, b, threshold, falsePositiveRate] = value.forYou.numbers;
      forYou = {
        basis: value.forYou.basis,
        weights: dequantize(value.forYou.weights, 0, dimension, scale!),
        intercept: intercept!,
        platt: Number.isNaN(a) ? null : { a: a!, b: b! },
        threshold: threshold!,
        falsePositiveRate: falsePositiveRate!,
      };
    }
    const { offsets, indices, values } = value.library;
    const vectors: SparseVector[] = value.library.ids.map((_, i) => ({
      indices: Uint32Array.from(indices.subarray(offsets[i], offsets[i + 1])),
      values: Float32Array.from(values.subarray(offsets[i], offsets[i + 1]), (v) => v / 255),
    }));
    return {
      trainedAt: value.trainedAt,
      vocabulary: vocabularyOf(terms, value.idf),
      tags,
      forYou,
      library: { ids: value.library.ids, vectors },
    };
  } catch {
    return null;
  }
}

/** Bytes the stored model takes (typed arrays, and strings as UTF-8). */
export function storedModelBytes(stored: StoredRelevanceModel): number {
  const text = (s: string) => new TextEncoder().encode(s).length;
  const views = [stored.terms, stored.idf, stored.tags.papers, stored.tags.numbers, stored.tags.weights, stored.library.offsets, stored.library.indices, stored.library.values];
  if (stored.forYou) views.push(stored.forYou.numbers, stored.forYou.weights);
  return (
    views.reduce((sum, v) => sum + v.byteLength, 0) +
    stored.tags.names.reduce((sum, s) => sum + text(s), 0) +
    stored.library.ids.reduce((sum, s) => sum + text(s), 0) +
    64
  );
}
