import { seededRandom, shuffle } from '@/lib/relevance/random';
import { type SparseVector, squaredNorm } from '@/lib/relevance/sparse';

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

/** A trained SVM with its dual variables (one per example), to warm-start a related problem. */
export interface DualSolution extends LinearModel {
  readonly alpha: Float64Array;
}

export interface SvmOptions {
  /** 'squared-hinge' is LIBLINEAR's L2-loss SVM (scikit-learn's LinearSVC default); 'hinge' the L1-loss one. */
  readonly loss: 'squared-hinge' | 'hinge';
  /** Stop when the projected gradient spans less than this (LIBLINEAR's eps; 0.1 is its default). */
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
  tolerance: 0.1,
  maxEpochs: 300,
  bias: 1,
  seed: 1,
  workPerStep: 300_000,
};

/**
 * Trains an L2-regularized linear SVM by dual coordinate descent with shrinking (Hsieh et al. 2008, as in
 * LIBLINEAR): min_w 1/2 |w|^2 + sum_i C_i loss(y_i w.x_i). A generator: it yields after about `workPerStep`
 * multiply-adds, so a caller can spread training over short slices; it returns the model. `initialAlpha`
 * (dual variables of a similar problem, one per example) makes it start from there.
 */
export function* trainLinearSvm(
  problem: LinearProblem,
  options: Partial<SvmOptions> = {},
  initialAlpha?: Float64Array,
): Generator<void, DualSolution> {
  const o = { ...DEFAULT_SVM_OPTIONS, ...options };
  const s = new DualState(problem, o, initialAlpha);
  for (let epoch = 0; epoch < o.maxEpochs; epoch++) {
    s.startEpoch();
    while (!s.sweep(o.workPerStep)) {
      s.work = 0;
      yield;
    }
    if (s.converged()) break;
  }
  return { weights: s.w, intercept: s.b * o.bias, alpha: s.alpha };
}

/** The solver's state; `sweep` holds the inner loop, outside the generator so that it optimizes well. */
class DualState {
  readonly w: Float64Array;
  b = 0;
  readonly alpha: Float64Array;
  private readonly diag: Float64Array;
  private readonly upper: Float64Array;
  private readonly qd: Float64Array;
  private readonly index: Int32Array;
  private readonly random: () => number;
  private active: number;
  private position = 0;
  /** Multiply-adds since the last yield (across epochs). */
  work = 0;
  private pgMaxOld = Infinity;
  private pgMinOld = -Infinity;
  private pgMax = -Infinity;
  private pgMin = Infinity;

  constructor(
    private readonly problem: LinearProblem,
    private readonly o: SvmOptions,
    initialAlpha?: Float64Array,
  ) {
    const { x, y, cost } = problem;
    const n = x.length;
    this.w = new Float64Array(problem.dimension);
    this.alpha = new Float64Array(n);
    this.diag = new Float64Array(n);
    this.upper = new Float64Array(n);
    this.qd = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = cost[i]!;
      this.diag[i] = o.loss === 'squared-hinge' ? 0.5 / c : 0;
      this.upper[i] = o.loss === 'squared-hinge' ? Infinity : c;
      this.qd[i] = squaredNorm(x[i]!) + o.bias * o.bias + this.diag[i]!;
      const start = Math.min(Math.max(initialAlpha?.[i] ?? 0, 0), this.upper[i]!);
      if (start > 0) {
        this.alpha[i] = start;
        const d = start * y[i]!;
        const { indices, values } = x[i]!;
        for (let k = 0; k < indices.length; k++) this.w[indices[k]!]! += d * values[k]!;
        this.b += d * o.bias;
      }
    }
    this.random = seededRandom(o.seed);
    this.index = new Int32Array(n);
    for (let i = 0; i < n; i++) this.index[i] = i;
    this.active = n;
  }

  startEpoch(): void {
    shuffle(this.index.subarray(0, this.active), this.random);
    this.position = 0;
    this.pgMax = -Infinity;
    this.pgMin = Infinity;
  }

  /** Updates coordinates until `work` reaches `budget` or the epoch ends; true when the epoch is done. */
  sweep(budget: number): boolean {
    const { x, y } = this.problem;
    const { w, alpha, diag, upper, qd, index } = this;
    const bias = this.o.bias;
    let work = this.work;
    while (this.position < this.active) {
      const s = this.position;
      const i = index[s]!;
      const { indices, values } = x[i]!;
      const yi = y[i]!;
      let wx = this.b * bias;
      for (let k = 0; k < indices.length; k++) wx += w[indices[k]!]! * values[k]!;
      const g = yi * wx - 1 + diag[i]! * alpha[i]!;
      work += 2 * indices.length + 8;
      let pg = 0;
      const a = alpha[i]!;
      if (a === 0 ? g > this.pgMaxOld : a === upper[i] && g < this.pgMinOld) {
        // Shrink: this example is at a bound and likely to stay there.
        this.active--;
        index[s] = index[this.active]!;
        index[this.active] = i;
        if (work >= budget) {
          this.work = work;
          return false;
        }
        continue;
      }
      if (a === 0) pg = Math.min(g, 0);
      else if (a === upper[i]) pg = Math.max(g, 0);
      else pg = g;
      if (pg > this.pgMax) this.pgMax = pg;
      if (pg < this.pgMin) this.pgMin = pg;
      if (Math.abs(pg) > 1e-12) {
        const next = Math.min(Math.max(a - g / qd[i]!, 0), upper[i]!);
        alpha[i] = next;
        const d = (next - a) * yi;
        for (let k = 0; k < indices.length; k++) w[indices[k]!]! += d * values[k]!;
        this.b += d * bias;
      }
      this.position++;
      if (work >= budget && this.position < this.active) {
        this.work = work;
        return false;
      }
    }
    this.work = work;
    return true;
  }

  /** After an epoch: true when optimal within tolerance; else sets up the next epoch's shrinking. */
  converged(): boolean {
    const n = this.problem.x.length;
    if (this.pgMax - this.pgMin <= this.o.tolerance) {
      if (this.active === n) return true;
      this.active = n;
      this.pgMaxOld = Infinity;
      this.pgMinOld = -Infinity;
      return false;
    }
    this.pgMaxOld = this.pgMax <= 0 ? Infinity : this.pgMax;
    this.pgMinOld = this.pgMin >= 0 ? -Infinity : this.pgMin;
    return false;
  }
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
  const costs = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) costs[i] = (y[i]! > 0 ? costPositive : costNegative) * (weight?.[i] ?? 1);
  return costs;
}
