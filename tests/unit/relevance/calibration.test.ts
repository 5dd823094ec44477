// @vitest-environment node
import { fitPlatt, plattProbability, quantile } from '@/lib/relevance/calibration';
import { seededRandom } from '@/lib/relevance/random';

describe('Platt scaling', () => {
  it('recovers the sigmoid that generated the labels', () => {
    const random = seededRandom(3);
    const scores: number[] = [];
    const labels: boolean[] = [];
    for (let i = 0; i < 5000; i++) {
      const s = random() * 8 - 4;
      scores.push(s);
      labels.push(random() < 1 / (1 + Math.exp(-2 * s + 1))); // a = -2, b = 1
    }
    const platt = fitPlatt(scores, labels);
    expect(platt.a).toBeCloseTo(-2, 0);
    expect(platt.b).toBeCloseTo(1, 0);
  });

  it('gives higher probabilities to higher scores, never exactly 0 or 1 from few examples', () => {
    const platt = fitPlatt([-1, -0.5, 0.5, 1], [false, false, true, true]);
    expect(platt.a).toBeLessThan(0);
    const p = [-2, 0, 2].map((s) => plattProbability(platt, s));
    expect(p[0]).toBeLessThan(p[1]!);
    expect(p[1]).toBeLessThan(p[2]!);
    expect(plattProbability(platt, 1)).toBeLessThan(1);
    expect(plattProbability(platt, -1)).toBeGreaterThan(0);
  });

  it('fits only the offset when the slope is given', () => {
    const platt = fitPlatt([0, 0, 0, 0], [true, false, false, false], -3);
    expect(platt.a).toBe(-3);
    // Smoothed targets: (1 + 1) / (1 + 2) for the positive, 1 / (3 + 2) for the negatives.
    expect(plattProbability(platt, 0)).toBeCloseTo((2 / 3 + 3 * 0.2) / 4, 4);
  });

  it('does not overflow on extreme scores', () => {
    const platt = { a: -50, b: 0 };
    expect(plattProbability(platt, 1e6)).toBe(1);
    expect(plattProbability(platt, -1e6)).toBe(0);
    expect(Number.isFinite(fitPlatt([1e6, -1e6], [true, false]).a)).toBe(true);
  });
});

describe('quantile', () => {
  it('interpolates between order statistics', () => {
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 5], 0.2)).toBeCloseTo(1.8);
    expect(quantile([7], 0.2)).toBe(7);
    expect(quantile([], 0.2)).toBeNaN();
  });
});
