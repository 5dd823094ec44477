import { balancedCosts, type DualSolution, type LinearModel, type LinearProblem, type SvmOptions, trainLinearSvm } from './linear-svm';
import { seededRandom, shuffle } from './random';
import { dotDense, type SparseVector } from './sparse';

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
 * Out-of-fold decision values: each example scored by a model trained without its fold. What a model will
 * say of papers it has not seen, the honest input for calibration. `full`, the model trained on every example,
 * is where each fold's training starts (it converges in a few passes from there).
 */
export function* outOfFoldScores(
  set: LabeledSet,
  c: number,
  folds: number,
  seed: number,
  svm: Partial<SvmOptions>,
  full?: DualSolution,
): Generator<void, Float64Array> {
  const fold = stratifiedFolds(set.y, folds, seed);
  const scores = new Float64Array(set.y.length);
  for (let f = 0; f < folds; f++) {
    const keep = (i: number) => fold[i] !== f;
    const start = full && new Float64Array(full.alpha.filter((_, i) => keep(i)));
    const model = yield* trainLinearSvm(problemOf(set, c, keep), svm, start);
    for (let i = 0; i < set.y.length; i++) if (fold[i] === f) scores[i] = decision(model, set.x[i]!);
  }
  return scores;
}
