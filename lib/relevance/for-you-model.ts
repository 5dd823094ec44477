import { fitPlatt, plattProbability, quantile } from '@/lib/relevance/calibration';
import { crossValidatedModel, type LabeledSet, stratifiedFolds } from '@/lib/relevance/cross-validation';
import type { ForYouModel } from '@/lib/relevance/model';
import type { TrainingOptions } from '@/lib/relevance/options';
import { dotDense, type SparseVector } from '@/lib/relevance/sparse';

export interface ForYouData {
  /** Saved papers. */
  readonly positives: readonly SparseVector[];
  /** Papers the reader passed over (weight 1) or marked "Not interested" (a larger weight). */
  readonly feedback: ReadonlyArray<{ readonly x: SparseVector; readonly weight: number }>;
  /** Papers the reader may not have seen (trending snapshots): negatives only when there is no feedback. */
  readonly unlabeled: readonly SparseVector[];
  readonly dimension: number;
}

/**
 * The "For you" model: a linear SVM of saved papers against passed-over ones (arxiv-sanity's recipe), its score
 * calibrated into a probability by Platt scaling on out-of-fold scores, and the threshold that keeps
 * `keepShare` of held-out saved papers. Without any other paper, similarity to the library's centroid.
 */
export function* trainForYouModel(data: ForYouData, options: TrainingOptions): Generator<void, ForYouModel | null> {
  if (data.positives.length === 0) return null;
  const negatives =
    data.feedback.length > 0 ? data.feedback : data.unlabeled.map((x) => ({ x, weight: 1 }));
  if (negatives.length === 0) return centroidModel(data, options);
  const set: LabeledSet = {
    x: [...data.positives, ...negatives.map((n) => n.x)],
    y: Int8Array.from({ length: data.positives.length + negatives.length }, (_, i) => (i < data.positives.length ? 1 : -1)),
    weight: Float64Array.from([...data.positives.map(() => 1), ...negatives.map((n) => n.weight)]),
    dimension: data.dimension,
  };
  const svm = { ...options.svm, seed: options.seed };
  const { model, scores } = yield* crossValidatedModel(set, options.forYouC, options.folds, options.seed, svm);
  const positive = Array.from(set.y, (label) => label > 0);
  const platt = fitPlatt(scores, positive);
  const probabilities = Array.from(scores, (s) => plattProbability(platt, s));
  const threshold = quantile(probabilities.filter((_, i) => positive[i]), 1 - options.keepShare);
  const negativeProbabilities = probabilities.filter((_, i) => !positive[i]);
  return {
    basis: data.feedback.length > 0 ? 'feedback' : 'unlabeled',
    weights: new Float32Array(model.weights),
    intercept: model.intercept,
    platt,
    threshold,
    falsePositiveRate: negativeProbabilities.filter((p) => p >= threshold).length / negativeProbabilities.length,
  };
}

function centroid(vectors: readonly SparseVector[], dimension: number): Float32Array {
  const sum = new Float64Array(dimension);
  for (const v of vectors) for (let k = 0; k < v.indices.length; k++) sum[v.indices[k]!]! += v.values[k]!;
  let norm = 0;
  for (const s of sum) norm += s * s;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Float32Array.from(sum, (s) => s * scale);
}

/** Cosine similarity to the library's centroid; the threshold comes from papers held out of the centroid. */
function centroidModel(data: ForYouData, options: TrainingOptions): ForYouModel {
  const { positives, dimension } = data;
  const folds = Math.min(options.folds, positives.length);
  const fold = stratifiedFolds(new Int8Array(positives.length).fill(1), folds, options.seed);
  const heldOut: number[] = [];
  for (let f = 0; f < folds && folds > 1; f++) {
    const center = centroid(positives.filter((_, i) => fold[i] !== f), dimension);
    positives.forEach((v, i) => fold[i] === f && heldOut.push(dotDense(v, center)));
  }
  return {
    basis: 'centroid',
    weights: centroid(positives, dimension),
    intercept: 0,
    platt: null,
    threshold: heldOut.length > 0 ? quantile(heldOut, 1 - options.keepShare) : 0,
    falsePositiveRate: NaN,
  };
}

/** The model's score of a vector: a probability, or a cosine for the centroid basis. */
export function forYouScore(model: ForYouModel, x: SparseVector): number {
  const raw = dotDense(x, model.weights) + model.intercept;
  return model.platt ? plattProbability(model.platt, raw) : raw;
}
