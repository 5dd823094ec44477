import { tagKey } from '@/lib/paper/tags';
import { mean, precisionAt1, precisionAtK, recallAt3, rocAuc, type RankedTags } from '@/lib/relevance/metrics';
import { paperVector, rankTags } from '@/lib/relevance/score';
import { deserializeModel, serializeModel } from '@/lib/relevance/serialize';
import { trainAll } from '@/lib/relevance/train';
import type { LibraryPaper } from '@/lib/relevance/model';
import type { TrainingOptions } from '@/lib/relevance/options';

export interface EvaluationResult {
  readonly p1: number;
  readonly r3: number;
  readonly auc: number;
  readonly p10: number;
  /** Tags in play: on at least 3 training papers. */
  readonly tags: number;
  /** Tags with at least 3 test papers carrying them and 3 not (those AUC and P@10 average over). */
  readonly tagsScored: number;
  /** Test papers with at least one tag in play (those P@1 and R@3 average over). */
  readonly testPapers: number;
  readonly trainMs: number;
  readonly scoreMsPer100: number;
}

/**
 * The evaluation protocol of the shared relevance data: learn tags from `train` (with the test papers' text,
 * never their tags, as extra documents for term statistics, as the extension has its trending snapshots; not
 * with `testTextForDf: false`), store and reload the model as the extension does, then score the test papers.
 */
export function evaluateRelevance(
  train: readonly LibraryPaper[],
  test: readonly LibraryPaper[],
  options: Partial<TrainingOptions> = {},
  { testTextForDf = true }: { testTextForDf?: boolean } = {},
): EvaluationResult {
  const counts = new Map<string, number>();
  for (const paper of train) for (const key of new Set(paper.tags.map(tagKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const inPlay = new Set([...counts].filter(([, n]) => n >= 3).map(([key]) => key));

  const start = performance.now();
  const trained = trainAll(
    { library: train, extraCorpus: testTextForDf ? test.map(({ id, title, summary }) => ({ id, title, summary })) : [] },
    options,
  );
  const trainMs = performance.now() - start;
  const model = deserializeModel(serializeModel(trained));
  if (!model) throw new Error('The trained model did not survive serialization');

  const scoring = performance.now();
  const rankings = test.map((paper) => rankTags(model, paperVector(model, paper)));
  const scoreMsPer100 = ((performance.now() - scoring) / Math.max(1, test.length)) * 100;

  const truths = test.map((paper) => new Set(paper.tags.map(tagKey).filter((key) => inPlay.has(key))));
  const ranked: RankedTags[] = [];
  rankings.forEach((ranking, i) => {
    if (truths[i]!.size > 0) ranked.push({ ranking: ranking.map((s) => s.key), truth: truths[i]! });
  });

  const aucs: number[] = [];
  const p10s: number[] = [];
  for (const key of inPlay) {
    const positive = truths.map((t) => t.has(key));
    const positives = positive.filter(Boolean).length;
    if (positives < 3 || test.length - positives < 3) continue;
    const scores = rankings.map((ranking) => ranking.find((s) => s.key === key)?.probability ?? 0);
    aucs.push(rocAuc(scores, positive));
    p10s.push(precisionAtK(scores, positive, 10));
  }
  return {
    p1: precisionAt1(ranked),
    r3: recallAt3(ranked),
    auc: mean(aucs),
    p10: mean(p10s),
    tags: inPlay.size,
    tagsScored: aucs.length,
    testPapers: ranked.length,
    trainMs,
    scoreMsPer100,
  };
}

/** Papers of a JSON-lines file of {"id", "title", "summary", "tags"}; a line that is not one is an error. */
export function parsePaperLines(text: string): LibraryPaper[] {
  return text
    .split('\n')
    .map((line, n) => [line.trim(), n + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, n]) => {
      const value: unknown = JSON.parse(line);
      const p = value as Partial<Record<keyof LibraryPaper, unknown>>;
      const ok =
        typeof p === 'object' && p !== null && typeof p.id === 'string' && typeof p.title === 'string' &&
        (p.summary === undefined || typeof p.summary === 'string') &&
        Array.isArray(p.tags) && p.tags.every((t) => typeof t === 'string');
      if (!ok) throw new Error(`Line ${n} is not a paper {"id", "title", "summary", "tags"}`);
      return { id: p.id as string, title: p.title as string, summary: (p.summary as string | undefined) ?? '', tags: p.tags as string[] };
    });
}

export type Split = '70/30' | 'cold';

/** The protocol's splits: the first 70% of lines train (cold start: the first 60 lines), the last 30% test. */
export function splitPapers<T>(papers: readonly T[], split: Split): { train: T[]; test: T[] } {
  const cut = Math.floor(papers.length * 0.7);
  return { train: papers.slice(0, split === 'cold' ? Math.min(60, cut) : cut), test: papers.slice(cut) };
}

/** The protocol's runs: both dev sets, 70/30 and cold start. */
export const PROTOCOL_RUNS = [
  { set: 'ml', split: '70/30' },
  { set: 'ml', split: 'cold' },
  { set: 'arxiv2007', split: '70/30' },
  { set: 'arxiv2007', split: 'cold' },
] as const satisfies ReadonlyArray<{ set: string; split: Split }>;

export type QualityFigures = Pick<EvaluationResult, 'p1' | 'r3' | 'auc' | 'p10'>;

/** arxiv-sanity-lite's method (scikit-learn) on the protocol, from the eval data's README. */
export const ANCHOR: Record<`${(typeof PROTOCOL_RUNS)[number]['set']} ${Split}`, QualityFigures> = {
  'ml 70/30': { p1: 0.939, r3: 0.879, auc: 0.81, p10: 0.478 },
  'ml cold': { p1: 0.916, r3: 0.934, auc: 0.767, p10: 0.6 },
  'arxiv2007 70/30': { p1: 0.616, r3: 0.697, auc: 0.925, p10: 0.429 },
  'arxiv2007 cold': { p1: 0.479, r3: 0.611, auc: 0.814, p10: 0.346 },
};

export const meanQuality = (f: QualityFigures) => (f.p1 + f.r3 + f.auc + f.p10) / 4;

/** The bar: every measure at least the anchor's minus 0.01, and their mean at least the anchor's mean. */
export function meetsAnchor(f: QualityFigures, anchor: QualityFigures): boolean {
  const each = (['p1', 'r3', 'auc', 'p10'] as const).every((m) => f[m] >= anchor[m] - 0.01);
  return each && meanQuality(f) >= meanQuality(anchor);
}
