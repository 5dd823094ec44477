/**
 * What learning from the library costs, in Node: training from scratch on 2,000 saved papers with 25 tags,
 * scoring a 50-paper list, the longest training step, the stored model's size.
 *   npx tsx bench/relevance.ts [DIR]   (DIR: the relevance eval data, ../shared/eval/relevance by default)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  relatedInLibrary,
  scorePaper,
  serializeModel,
  storedModelBytes,
  trainAll,
  trainRelevance,
  type CorpusPaper,
  type LibraryPaper,
} from '../lib/relevance';
import { parsePaperLines } from '../lib/relevance/evaluate';
import { summarize, type Figure } from './stats';

const DEFAULT_DIR = resolve(import.meta.dirname, '../../shared/eval/relevance');

export interface RelevanceFigures {
  papers: number;
  tags: number;
  trainMs: Figure;
  /** The longest single step of the sliced training (what one slice can cost at least). */
  longestStepMs: number;
  score50Ms: Figure;
  related1Ms: Figure;
  modelBytes: number;
}

/** 2,000 papers from the dev sets (repeated under fresh ids), keeping their 25 most used tags; 300 seen ones. */
export function benchLibrary(dir = DEFAULT_DIR, size = 2000, tagCount = 25): { library: LibraryPaper[]; seen: CorpusPaper[] } {
  const all = ['ml-dev.jsonl', 'arxiv2007-dev.jsonl'].flatMap((file) => parsePaperLines(readFileSync(join(dir, file), 'utf8')));
  const counts = new Map<string, number>();
  for (const p of all) for (const t of p.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  const kept = new Set([...counts].sort((a, b) => b[1] - a[1]).slice(0, tagCount).map(([t]) => t));
  const at = (i: number) => all[i % all.length]!;
  const library = Array.from({ length: size }, (_, i) => ({ ...at(i), id: `lib-${i}`, tags: at(i).tags.filter((t) => kept.has(t)) }));
  const seen = Array.from({ length: 300 }, (_, i) => ({ ...at(i * 7 + 3), id: `seen-${i}` }));
  return { library, seen };
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export function benchRelevance(dir = DEFAULT_DIR, runs = 3): RelevanceFigures {
  const { library, seen } = benchLibrary(dir);
  const input = { library, seen };
  let model = trainAll(input);
  const trainMs = summarize(Array.from({ length: runs }, () => time(() => (model = trainAll(input)))));
  let longestStepMs = 0;
  const steps = trainRelevance(input);
  for (;;) {
    const start = performance.now();
    const next = steps.next();
    longestStepMs = Math.max(longestStepMs, performance.now() - start);
    if (next.done) break;
  }
  const list = seen.slice(0, 50);
  const score50Ms = summarize(Array.from({ length: 20 }, () => time(() => list.forEach((p) => scorePaper(model, p)))));
  const related1Ms = summarize(Array.from({ length: 20 }, (_, i) => time(() => relatedInLibrary(model, seen[i]!))));
  return {
    papers: library.length,
    tags: model.tags.length,
    trainMs,
    longestStepMs,
    score50Ms,
    related1Ms,
    modelBytes: storedModelBytes(serializeModel(model)),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const f = benchRelevance(process.argv[2] ?? DEFAULT_DIR);
  const ms = (x: Figure) => `${x.median.toFixed(1)} ms (${x.min.toFixed(1)}-${x.max.toFixed(1)})`;
  console.log(`relevance, ${f.papers} papers, ${f.tags} tags`);
  console.log(`  training from scratch   ${ms(f.trainMs)}`);
  console.log(`  longest training step   ${f.longestStepMs.toFixed(1)} ms`);
  console.log(`  scoring 50 papers       ${ms(f.score50Ms)}`);
  console.log(`  related for one paper   ${ms(f.related1Ms)}`);
  console.log(`  stored model            ${(f.modelBytes / 1024 / 1024).toFixed(2)} MB`);
}
