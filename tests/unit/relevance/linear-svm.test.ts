// @vitest-environment node
import { balancedCosts, type LinearProblem, trainLinearSvm } from '@/lib/relevance/linear-svm';
import { decision } from '@/lib/relevance/cross-validation';
import { seededRandom } from '@/lib/relevance/random';
import { type SparseVector, unitVector } from '@/lib/relevance/sparse';

function run<T>(steps: Generator<void, T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, yields };
    yields++;
  }
}

/** Points around (1, 1, 0, ...) and (-1, -1, 0, ...) with noise on 20 other features: linearly separable. */
function separable(n: number, seed = 7): LinearProblem {
  const random = seededRandom(seed);
  const x: SparseVector[] = [];
  const y = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 2 === 0 ? 1 : -1;
    const pairs: Array<[number, number]> = [
      [0, label * (1 + random())],
      [1, label * (1 + random())],
    ];
    for (let j = 2; j < 22; j++) if (random() < 0.3) pairs.push([j, random() - 0.5]);
    x.push(unitVector(pairs));
    y[i] = label;
  }
  return { x, y, cost: balancedCosts(y, 1), dimension: 22 };
}

describe('the linear SVM (dual coordinate descent)', () => {
  it.each(['squared-hinge', 'hinge'] as const)('learns separable data (%s loss)', (loss) => {
    const problem = separable(200);
    const { value: model } = run(trainLinearSvm(problem, { loss, tolerance: 0.001 }));
    problem.x.forEach((x, i) => expect(Math.sign(decision(model, x))).toBe(problem.y[i]));
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeGreaterThan(0);
  });

  it('yields in bounded steps and gives the same model however it is sliced', () => {
    const problem = separable(400);
    const whole = run(trainLinearSvm(problem, { workPerStep: 1e12 }));
    const sliced = run(trainLinearSvm(problem, { workPerStep: 500 }));
    expect(sliced.yields).toBeGreaterThan(whole.yields + 10);
    expect([...sliced.value.weights]).toEqual([...whole.value.weights]);
  });

  it('counts work across epochs, so that small problems yield too', () => {
    const problem = separable(20); // an epoch is about 20 * (2 * 8 + 8) multiply-adds
    const { yields } = run(trainLinearSvm(problem, { workPerStep: 2000, tolerance: 1e-9, maxEpochs: 100 }));
    expect(yields).toBeGreaterThanOrEqual(10);
  });

  it('reaches the same optimum from a warm start', () => {
    const problem = separable(300);
    const cold = run(trainLinearSvm(problem, { tolerance: 1e-6, maxEpochs: 5000 })).value;
    const warm = run(trainLinearSvm(problem, { tolerance: 1e-6, maxEpochs: 5000 }, cold.alpha.map((a) => a * 0.5))).value;
    cold.weights.forEach((w, j) => expect(warm.weights[j]).toBeCloseTo(w, 3));
  });

  it('balances classes: each class carries the same total cost', () => {
    const y = Int8Array.from([1, -1, -1, -1]);
    const costs = balancedCosts(y, 0.1);
    expect(costs[0]).toBeCloseTo(0.2);
    expect(costs[1]! * 3).toBeCloseTo(0.2);
    // With example weights, the classes' weighted totals balance: 2 against 3.
    const weighted = balancedCosts(y, 0.1, [2, 1, 1, 1]);
    expect(weighted[0]).toBeCloseTo(0.25);
    expect(weighted[1]! * 3).toBeCloseTo(0.25);
  });

  it('copes with one class only and with empty vectors', () => {
    const x = [unitVector([[0, 1]]), unitVector([])];
    const y = Int8Array.from([1, 1]);
    const { value } = run(trainLinearSvm({ x, y, cost: balancedCosts(y, 0.1), dimension: 1 }));
    expect(decision(value, x[0]!)).toBeGreaterThan(0);
    expect(Number.isFinite(value.intercept)).toBe(true);
  });
});
