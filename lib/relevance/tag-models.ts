import { tagKey } from '@/lib/paper/tags';
import { fitPlatt, quantile } from '@/lib/relevance/calibration';
import { crossValidatedModel, type LabeledSet } from '@/lib/relevance/cross-validation';
import type { TagModel } from '@/lib/relevance/model';
import type { TrainingOptions } from '@/lib/relevance/options';
import type { SparseVector } from '@/lib/relevance/sparse';

export interface TagInPlay {
  readonly key: string;
  readonly name: string;
  /** Indices of the library papers that carry it. */
  readonly members: readonly number[];
}

/** Tags on at least `minPapers` papers, by tagKey, most used first; the first spelling met is the name. */
export function tagsInPlay(tagLists: ReadonlyArray<readonly string[]>, minPapers: number): TagInPlay[] {
  const byKey = new Map<string, { name: string; members: number[] }>();
  tagLists.forEach((tags, i) => {
    const keys = new Set<string>();
    for (const tag of tags) {
      const key = tagKey(tag);
      if (key === '' || keys.has(key)) continue;
      keys.add(key);
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { name: tag.trim(), members: [] }));
      entry.members.push(i);
    }
  });
  return [...byKey]
    .filter(([, e]) => e.members.length >= minPapers)
    .map(([key, e]) => ({ key, name: e.name, members: e.members }))
    .sort((a, b) => b.members.length - a.members.length || (a.key < b.key ? -1 : 1));
}

export interface TagTrainingData {
  /** The library's vectors and each paper's tags. */
  readonly vectors: readonly SparseVector[];
  readonly tagLists: ReadonlyArray<readonly string[]>;
  /** Other papers (not saved), used as negatives only when the library has too few papers without a tag. */
  readonly others: readonly SparseVector[];
  readonly dimension: number;
}

/**
 * The examples for one tag: its papers against the tagged papers without it. Untagged papers say nothing
 * about a tag (the reader may not tag at all), so they, then unsaved papers, serve only when fewer than
 * `minNegatives` tagged papers lack the tag.
 */
export function tagExamples(data: TagTrainingData, tag: TagInPlay, minNegatives: number): LabeledSet | null {
  const members = new Set(tag.members);
  const x: SparseVector[] = [];
  const y: number[] = [];
  const untagged: SparseVector[] = [];
  data.vectors.forEach((v, i) => {
    if (members.has(i)) {
      x.push(v);
      y.push(1);
    } else if (data.tagLists[i]!.length > 0) {
      x.push(v);
      y.push(-1);
    } else untagged.push(v);
  });
  for (const extra of [untagged, data.others]) {
    const negatives = y.length - members.size;
    if (negatives >= minNegatives) break;
    for (const v of extra) {
      x.push(v);
      y.push(-1);
    }
  }
  if (y.length === members.size) return null;
  return { x, y: new Int8Array(y), dimension: data.dimension };
}

/**
 * One linear SVM per tag in play (balanced class weights): the average of the k fold models of a
 * cross-validation, calibrated by Platt scaling on their out-of-fold scores so that the probabilities of
 * different tags can be ranked against each other (scikit-learn's CalibratedClassifierCV, ensemble style).
 */
export function* trainTagModels(data: TagTrainingData, options: TrainingOptions): Generator<void, TagModel[]> {
  const models: Array<TagModel & { scores: Float64Array; positive: boolean[] }> = [];
  for (const tag of tagsInPlay(data.tagLists, options.minTagPapers)) {
    const set = tagExamples(data, tag, options.minTagPapers);
    if (!set) continue; // nothing to tell the tag's papers apart from
    const svm = { ...options.svm, seed: options.seed };
    const { model, scores } = yield* crossValidatedModel(set, options.tagC, options.folds, options.seed, svm);
    const positive = Array.from(set.y, (label) => label > 0);
    models.push({
      name: tag.name,
      key: tag.key,
      papers: tag.members.length,
      weights: new Float32Array(model.weights),
      intercept: model.intercept,
      platt: fitPlatt(scores, positive),
      scores,
      positive,
    });
  }
  // With a handful of papers, held-out scores can happen to rank the tag's papers lower: a calibration that
  // would turn the model's ranking upside down. Such a tag takes the slope the other tags agree on.
  const slopes = models.map((m) => m.platt.a).filter((a) => a < 0);
  return models.map(({ scores, positive, ...model }) => {
    if (model.platt.a < 0) return model;
    const slope = slopes.length > 0 ? quantile(slopes, 0.5) : -1 / Math.max(1e-6, standardDeviation(scores));
    return { ...model, platt: fitPlatt(scores, positive, slope) };
  });
}

function standardDeviation(values: Float64Array): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
}
