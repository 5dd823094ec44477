import { balancedCosts, type LinearModel, type LinearProblem, type SvmOptions, trainLinearSvm } from '@/lib/relevance/linear-svm';
import { seededRandom, shuffle } from '@/lib/relevance/random';
import { dotDense, type SparseVector } from '@/lib/relevance/sparse';

/** Examples for a binary model: vectors, labels +1 / -1 and an optional weight per example. */
export interface LabeledSet {
  readonly x: readonly SparseVector[];
  readonly y: Int8Array;
  readonly weight?: Float64Array;
  readonly dimension: number;
}

export function decision(model: LinearModel, x: SparseVector): number {
  return dotDense(x, model.weights) + model.intercept;
}

/** The SVM problem for a set (or the part of it that `keep` selects), with balanced class weights. */
export function problemOf(set: LabeledSet, c: number, keep?: (i: number) => boolean): LinearProblem {
  const indices: number[] = [];
  for (let i = 0; i < set.y.length; i++) if (keep?.(i) ?? true) indices.push(i);
  const y = new Int8Array(indices.length);
  const weight = set.weight && new Float64Array(indices.length);
  indices.forEach((i, k) => {
    y[k] = set.y[i]!;
    if (weight) weight[k] = set.weight![i]!;
  });
  return { x: indices.map((i) => set.x[i]!), y, cost: balancedCosts(y, c, weight), dimension: set.dimension };
}

/**
 * Fold numbers for stratified k-fold cross-validation: positives and negatives are each shuffled and dealt
 * round-robin, so every fold has its share of a rare class.
 */
export function stratifiedFolds(y: Int8Array, folds: number, seed: number): Int8Array {
  const random = seededRandom(seed);
  const fold = new Int8Array(y.length);
  for (const label of [1, -1]) {
    const members = [...y.keys()].filter((i) => y[i] === label);
    shuffle(members, random);
    const start = Math.floor(random() * folds);
    members.forEach((i, k) => (fold[i] = (start + k) % folds));
  }
  return fold;
}

/**
 * k-fold cross-validation that also yields the average of the fold models: out-of-fold scores for calibration,
 * and a model whose scores on new papers are distributed like those scores. Each fold starts from the dual
 * variables the previous folds reached for its examples.
 */
export function* crossValidatedModel(
  set: LabeledSet,
  c: number,
  folds: number,
  seed: number,
  svm: Partial<SvmOptions>,
): Generator<void, { scores: Float64Array; model: LinearModel }> {
  const fold = stratifiedFolds(set.y, folds, seed);
  const scores = new Float64Array(set.y.length);
  const alpha = new Float64Array(set.y.length);
  const weights = new Float64Array(set.dimension);
  let intercept = 0;
  for (let f = 0; f < folds; f++) {
    const members: number[] = [];
    for (let i = 0; i < set.y.length; i++) if (fold[i] !== f) members.push(i);
    const start = new Float64Array(members.length);
    members.forEach((i, k) => (start[k] = alpha[i]!));
    const model = yield* trainLinearSvm(problemOf(set, c, (i) => fold[i] !== f), svm, start);
    members.forEach((i, k) => (alpha[i] = model.alpha[k]!));
    for (let i = 0; i < set.y.length; i++) if (fold[i] === f) scores[i] = decision(model, set.x[i]!);
    for (let j = 0; j < weights.length; j++) weights[j]! += model.weights[j]! / folds;
    intercept += model.intercept / folds;
  }
  return { scores, model: { weights, intercept } };
}
