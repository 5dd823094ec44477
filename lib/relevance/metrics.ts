/**
 * The measures of /shared/eval/relevance (see lib/relevance/README.md): tag suggestion ranks per paper (P@1,
 * R@3) and per-tag rankings of papers (ROC AUC, P@10).
 */

/** A paper's ranked tags and the tags it truly has (both as tag keys). */
export interface RankedTags {
  readonly ranking: readonly string[];
  readonly truth: ReadonlySet<string>;
}

/** Share of papers whose first-ranked tag is one of theirs. */
export function precisionAt1(papers: readonly RankedTags[]): number {
  return mean(papers.map((p) => (p.ranking.length > 0 && p.truth.has(p.ranking[0]!) ? 1 : 0)));
}

/** Mean share of a paper's tags found among its first three. */
export function recallAt3(papers: readonly RankedTags[]): number {
  return mean(papers.map((p) => p.ranking.slice(0, 3).filter((t) => p.truth.has(t)).length / p.truth.size));
}

/** ROC AUC: the chance that a random positive outscores a random negative (ties count half). */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  // Mann-Whitney U from average ranks.
  let rankSum = 0;
  let positives = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (positive[order[k]!]) {
        rankSum += averageRank;
        positives++;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Share of positives among the k best-scored items (ties keep the given order). */
export function precisionAtK(scores: ArrayLike<number>, positive: ArrayLike<boolean>, k: number): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const top = order.slice(0, k);
  return top.length === 0 ? NaN : top.filter((i) => positive[i]).length / top.length;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
