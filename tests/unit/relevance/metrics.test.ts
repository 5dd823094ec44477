// @vitest-environment node
import { mean, precisionAt1, precisionAtK, recallAt3, rocAuc } from '@/lib/relevance/metrics';

describe('the evaluation measures', () => {
  it('ROC AUC: 1 for a perfect ranking, 0 for a reversed one, 0.5 for ties', () => {
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [true, true, false, false])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [true, false, true, false])).toBe(0.5);
    // One of the four positive-negative pairs is out of order.
    expect(rocAuc([0.9, 0.3, 0.4, 0.1], [true, true, false, false])).toBe(0.75);
    expect(rocAuc([1, 2], [true, true])).toBeNaN();
  });

  it('P@k: the share of positives among the k best (ties in the given order)', () => {
    const scores = [0.9, 0.8, 0.7, 0.6, 0.5];
    expect(precisionAtK(scores, [true, false, true, false, false], 2)).toBe(0.5);
    expect(precisionAtK(scores, [true, true, true, true, true], 10)).toBe(1); // fewer than k items
    expect(precisionAtK([1, 1, 1], [false, true, false], 1)).toBe(0);
  });

  it('P@1 and R@3 over papers with their true tags', () => {
    const papers = [
      { ranking: ['a', 'b', 'c', 'd'], truth: new Set(['a']) }, // P@1 1, R@3 1
      { ranking: ['b', 'c', 'a', 'd'], truth: new Set(['a', 'd']) }, // P@1 0, R@3 1/2
      { ranking: ['d', 'c', 'b', 'a'], truth: new Set(['a']) }, // P@1 0, R@3 0
    ];
    expect(precisionAt1(papers)).toBeCloseTo(1 / 3);
    expect(recallAt3(papers)).toBeCloseTo(0.5);
    expect(precisionAt1([{ ranking: [], truth: new Set(['a']) }])).toBe(0);
  });

  it('mean of nothing is NaN', () => {
    expect(mean([])).toBeNaN();
    expect(mean([1, 2])).toBe(1.5);
  });
});
