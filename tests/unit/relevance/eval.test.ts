// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ANCHOR,
  evaluateRelevance,
  meetsAnchor,
  parsePaperLines,
  PROTOCOL_RUNS,
  splitPapers,
  type QualityFigures,
} from '@/lib/relevance/evaluate';

/** The shared relevance data sits beside the repository (../shared/eval/relevance). */
const DATA = fileURLToPath(new URL('../../../../shared/eval/relevance/', import.meta.url));

/** What the shipped learner measures on the protocol, a little under (0.01) the figures it reaches. */
const FLOORS: Record<keyof typeof ANCHOR, QualityFigures> = {
  'ml 70/30': { p1: 0.929, r3: 0.873, auc: 0.81, p10: 0.512 },
  'ml cold': { p1: 0.912, r3: 0.923, auc: 0.783, p10: 0.59 },
  'arxiv2007 70/30': { p1: 0.692, r3: 0.763, auc: 0.927, p10: 0.429 },
  'arxiv2007 cold': { p1: 0.519, r3: 0.666, auc: 0.847, p10: 0.436 },
};

describe('relevance on the shared evaluation data', () => {
  it('has the data', () => {
    expect(existsSync(`${DATA}ml-dev.jsonl`), `missing ${DATA}ml-dev.jsonl`).toBe(true);
    expect(existsSync(`${DATA}arxiv2007-dev.jsonl`), `missing ${DATA}arxiv2007-dev.jsonl`).toBe(true);
  });

  it.each(PROTOCOL_RUNS)('$set, $split: at its floors and at the anchor\'s bar', ({ set, split }) => {
    const { train, test } = splitPapers(parsePaperLines(readFileSync(`${DATA}${set}-dev.jsonl`, 'utf8')), split);
    const result = evaluateRelevance(train, test);
    const name = `${set} ${split}` as const;
    const floor = FLOORS[name];
    expect({ p1: result.p1, r3: result.r3, auc: result.auc, p10: result.p10 }).toSatisfy(
      (r: QualityFigures) => r.p1 >= floor.p1 && r.r3 >= floor.r3 && r.auc >= floor.auc && r.p10 >= floor.p10,
      `${name} under its floors ${JSON.stringify(floor)}`,
    );
    expect(meetsAnchor(result, ANCHOR[name]), `${name} under the anchor's bar`).toBe(true);
    expect(result.testPapers).toBeGreaterThan(100);
  });
});
