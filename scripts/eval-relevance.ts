/**
 * npm run eval:relevance -- --train FILE --test FILE [--options JSON]
 *   prints one JSON line: {"p1","r3","auc","p10","tags","tagsScored","testPapers","trainMs","scoreMsPer100"}
 * npm run eval:relevance -- --all [DIR]
 *   the protocol's four rows (both dev sets, 70/30 and cold start) beside the anchor
 * npm run eval:relevance -- --cross-check [DIR]
 *   the same on other cuts of the dev data, to see that choices generalize
 * --train-text-only: document frequencies from the training papers alone (by default the test papers' text,
 *   never their tags, is the learner's extra corpus, as trending snapshots are in the extension)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ANCHOR,
  evaluateRelevance,
  meanQuality,
  meetsAnchor,
  parsePaperLines,
  PROTOCOL_RUNS,
  splitPapers,
  type EvaluationResult,
  type QualityFigures,
} from '../lib/relevance/evaluate';
import type { LibraryPaper } from '../lib/relevance/model';
import { evaluateBaseline } from './relevance-baseline';
import type { TrainingOptions } from '../lib/relevance/options';

const DEFAULT_DIR = resolve(import.meta.dirname, '../../shared/eval/relevance');

const read = (file: string) => parsePaperLines(readFileSync(file, 'utf8'));
const round = (x: number) => Math.round(x * 1000) / 1000;
const metrics = ['p1', 'r3', 'auc', 'p10'] as const;

function printable(r: EvaluationResult) {
  return {
    p1: round(r.p1),
    r3: round(r.r3),
    auc: round(r.auc),
    p10: round(r.p10),
    tags: r.tags,
    tagsScored: r.tagsScored,
    testPapers: r.testPapers,
    trainMs: Math.round(r.trainMs),
    scoreMsPer100: round(r.scoreMsPer100),
  };
}

function table(rows: Array<{ name: string; result: EvaluationResult; anchor?: QualityFigures }>) {
  const lines = ['| set | split | P@1 | R@3 | AUC | P@10 | mean | anchor P@1 / R@3 / AUC / P@10 (mean) | meets | train |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const { name, result, anchor } of rows) {
    const mean = meanQuality(result);
    const [set, ...split] = name.split(' ');
    let anchorText = '';
    let meets = '';
    if (anchor) {
      anchorText = `${metrics.map((m) => anchor[m].toFixed(3)).join(' / ')} (${meanQuality(anchor).toFixed(3)})`;
      meets = meetsAnchor(result, anchor) ? 'yes' : 'NO';
    }
    lines.push(
      `| ${set} | ${split.join(' ')} | ${metrics.map((m) => result[m].toFixed(3)).join(' | ')} | ${mean.toFixed(3)} | ${anchorText} | ${meets} | ${Math.round(result.trainMs)} ms |`,
    );
  }
  return lines.join('\n');
}

function protocolRows(dir: string, options: Partial<TrainingOptions>, evaluation: { testTextForDf: boolean }) {
  return PROTOCOL_RUNS.map(({ set, split }) => {
    const { train, test } = splitPapers(read(join(dir, `${set}-dev.jsonl`)), split);
    const name = `${set} ${split}` as const;
    return { name, result: evaluateRelevance(train, test, options, evaluation), anchor: ANCHOR[name] };
  });
}

/**
 * Other cuts: the last 70% train and the first 30% test (and cold start on the last 60), 70/30 cuts after a
 * seeded shuffle; beside each, the replica of the anchor's method (scripts/relevance-baseline.ts) on the same cut.
 */
function crossCheckRows(dir: string, options: Partial<TrainingOptions>, evaluation: { testTextForDf: boolean }) {
  const shuffled = (papers: LibraryPaper[], seed: number) => {
    let state = seed;
    const random = () => ((state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296);
    return papers.map((p) => [random(), p] as const).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  };
  return (['ml', 'arxiv2007'] as const).flatMap((set) => {
    const papers = read(join(dir, `${set}-dev.jsonl`));
    const cut = Math.floor(papers.length * 0.3);
    const cuts: Array<[string, LibraryPaper[], LibraryPaper[]]> = [
      ['70/30 (replica check)', ...Object.values(splitPapers(papers, '70/30')) as [LibraryPaper[], LibraryPaper[]]],
      ['cold (replica check)', ...Object.values(splitPapers(papers, 'cold')) as [LibraryPaper[], LibraryPaper[]]],
      ['last-70/first-30', papers.slice(cut), papers.slice(0, cut)],
      ['cold-last-60/first-30', papers.slice(-60), papers.slice(0, cut)],
      ...[1, 2, 3].map((seed) => {
        const { train, test } = splitPapers(shuffled(papers, seed), '70/30');
        return [`shuffled-${seed}-70/30`, train, test] as [string, LibraryPaper[], LibraryPaper[]];
      }),
      ...[1, 2, 3].map((seed) => {
        const { train, test } = splitPapers(shuffled(papers, seed), 'cold');
        return [`shuffled-${seed}-cold`, train, test] as [string, LibraryPaper[], LibraryPaper[]];
      }),
    ];
    return cuts.map(([name, train, test]) => ({
      name: `${set} ${name}`,
      result: evaluateRelevance(train, test, options, evaluation),
      anchor: evaluateBaseline(train, test),
    }));
  });
}

function main(args: string[]) {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const options = JSON.parse(value('--options') ?? '{}') as Partial<TrainingOptions>;
  const evaluation = { testTextForDf: !args.includes('--train-text-only') };
  if (args.includes('--all') || args.includes('--cross-check')) {
    const flag = args.includes('--all') ? '--all' : '--cross-check';
    const next = value(flag);
    const dir = next && !next.startsWith('--') ? next : DEFAULT_DIR;
    if (flag === '--all') console.log(table(protocolRows(dir, options, evaluation)));
    else console.log(table(crossCheckRows(dir, options, evaluation)).replace('anchor P@1', 'replica of the anchor\'s method: P@1'));
    return;
  }
  const trainFile = value('--train');
  const testFile = value('--test');
  if (!trainFile || !testFile) {
    console.error('usage: npm run eval:relevance -- --train FILE --test FILE | --all [DIR] | --cross-check [DIR]');
    process.exit(2);
  }
  console.log(JSON.stringify(printable(evaluateRelevance(read(trainFile), read(testFile), options, evaluation))));
}

main(process.argv.slice(2));
