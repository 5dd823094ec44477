import { seededRandom, shuffle } from './random';
import type { SparseVector } from './sparse';

/** A binary problem on sparse vectors: labels +1 / -1 and a cost (C, times the class weight) per example. */
export interface LinearProblem {
  readonly x: readonly SparseVector[];
  readonly y: Int8Array;
  readonly cost: Float64Array;
  readonly dimension: number;
}

/** score(x) = weights . x + intercept */
export interface LinearModel {
  readonly weights: Float64Array;
  readonly intercept: number;
}

export interface SvmOptions {
  /** 'squared-hinge' is LIBLINEAR's L2-loss SVM (scikit-learn's LinearSVC default); 'hinge' the L1-loss one. */
  readonly loss: 'squared-hinge' | 'hinge';
  /** Stop when the projected gradient spans less than this (LIBLINEAR's eps). */
  readonly tolerance: number;
  readonly maxEpochs: number;
  /** Value of the constant feature that carries the intercept (regularized, as in LIBLINEAR). */
  readonly bias: number;
  readonly seed: number;
  /** Rough number of multiply-adds between two yields. */
  readonly workPerStep: number;
}

export const DEFAULT_SVM_OPTIONS: SvmOptions = {
  loss: 'squared-hinge',
  tolerance: 0.01,
  maxEpochs: 200,
  bias: 1,
  seed: 1,
  workPerStep: 200_000,
};

/**
 * Trains an L2-regularized linear SVM by dual coordinate descent with shrinking (Hsieh et al. 2008, as in
 * LIBLINEAR): min_w 1/2 |w|^2 + sum_i C_i loss(y_i w.x_i). A generator: it yields after about `workPerStep`
 * multiply-adds, so a caller can spread training over short slices; it returns the model.
 */
export function* trainLinearSvm(problem: LinearProblem, options: Partial<SvmOptions> = {}): Generator<void, LinearModel> {
  const o = { ...DEFAULT_SVM_OPTIONS, ...options };
  const { x, y, cost } = problem;
  const n = x.length;
  const w = new Float64Array(problem.dimension);
  let b = 0; // weight of the bias feature
  const bias = o.bias;
  const alpha = new Float64Array(n);
  const diag = new Float64Array(n);
  const upper = new Float64Array(n);
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cost[i]!;
    diag[i] = o.loss === 'squared-hinge' ? 0.5 / c : 0;
    upper[i] = o.loss === 'squared-hinge' ? Infinity : c;
    let sq = bias * bias;
    for (const v of x[i]!.values) sq += v * v;
    qd[i] = sq + diag[i]!;
  }
  const random = seededRandom(o.seed);
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  let active = n;
  let pgMaxOld = Infinity;
  let pgMinOld = -Infinity;
  let work = 0;
  for (let epoch = 0; epoch < o.maxEpochs; epoch++) {
    shuffle(index.subarray(0, active), random);
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < active; s++) {
      const i = index[s]!;
      const xi = x[i]!;
      const yi = y[i]!;
      const { indices, values } = xi;
      let wx = b * bias;
      for (let k = 0; k < indices.length; k++) wx += w[indices[k]!]! * values[k]!;
      const g = yi * wx - 1 + diag[i]! * alpha[i]!;
      let pg = 0;
      if (alpha[i] === 0) {
        if (g > pgMaxOld) {
          active--;
          index[s] = index[active]!;
          index[active] = i;
          s--;
          continue;
        }
        if (g < 0) pg = g;
      } else if (alpha[i] === upper[i]) {
        if (g < pgMinOld) {
          active--;
          index[s] = index[active]!;
          index[active] = i;
          s--;
          continue;
        }
        if (g > 0) pg = g;
      } else pg = g;
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i]!;
        alpha[i] = Math.min(Math.max(old - g / qd[i]!, 0), upper[i]!);
        const d = (alpha[i]! - old) * yi;
        for (let k = 0; k < indices.length; k++) w[indices[k]!]! += d * values[k]!;
        b += d * bias;
      }
      work += 2 * indices.length + 8;
      if (work >= o.workPerStep) {
        work = 0;
        yield;
      }
    }
    if (pgMax - pgMin <= o.tolerance) {
      if (active === n) break;
      active = n;
      pgMaxOld = Infinity;
      pgMinOld = -Infinity;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
    pgMinOld = pgMin >= 0 ? -Infinity : pgMin;
  }
  return { weights: w, intercept: b * bias };
}

/**
 * Costs C_i with balanced class weights: each class counts the same in total, C * W / (2 W_class) times the
 * example's own weight (W: total weight; with unit weights, scikit-learn's "balanced").
 */
export function balancedCosts(y: Int8Array, c: number, weight?: ArrayLike<number>): Float64Array {
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i]! > 0) positive += weight?.[i] ?? 1;
    else negative += weight?.[i] ?? 1;
  }
  const total = positive + negative;
  const costPositive = positive > 0 ? (c * total) / (2 * positive) : c;
  const costNegative = negative > 0 ? (c * total) / (2 * negative) : c;
  return Float64Array.from(y, (label, i) => (label > 0 ? costPositive : costNegative) * (weight?.[i] ?? 1));
}

/** Runs a generator to its end (for Node, tests and small problems). */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
