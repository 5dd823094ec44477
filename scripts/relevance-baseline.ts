/**
 * A replica of the anchor's method (arxiv-sanity-lite: tf-idf of words and pairs, no stemming, one linear SVM
 * per tag with C = 0.1 and balanced class weights, tags ranked by raw SVM scores) built from the same pieces,
 * so that other cuts of the dev data can compare the shipped learner with it where no anchor figure exists.
 */
import { tagKey } from '../lib/paper/tags';
import { decision, problemOf } from '../lib/relevance/cross-validation';
import type { EvaluationResult } from '../lib/relevance/evaluate';
import { trainLinearSvm } from '../lib/relevance/linear-svm';
import { mean, precisionAt1, precisionAtK, recallAt3, rocAuc } from '../lib/relevance/metrics';
import type { LibraryPaper } from '../lib/relevance/model';
import { contentWords, paperText } from '../lib/relevance/tokenize';
import { DocumentFrequencyCounter, tfidfOfCounted } from '../lib/relevance/vocabulary';

function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export function evaluateBaseline(train: readonly LibraryPaper[], test: readonly LibraryPaper[]): EvaluationResult {
  const start = performance.now();
  const counter = new DocumentFrequencyCounter();
  const docs = [...train, ...test].map((p) => counter.add(contentWords(paperText(p), false)));
  const { vocabulary, remap } = counter.vocabulary({ minDf: 2, maxFeatures: 20_000 });
  const vectors = docs.map((d) => tfidfOfCounted(d, remap, vocabulary.idf));
  const trainX = vectors.slice(0, train.length);
  const testX = vectors.slice(train.length);
  const trainTags = train.map((p) => new Set(p.tags.map(tagKey)));
  const counts = new Map<string, number>();
  for (const tags of trainTags) for (const t of tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  const inPlay = [...counts].filter(([, n]) => n >= 3).map(([t]) => t);
  const scores = new Map<string, number[]>();
  for (const tag of inPlay) {
    const y = Int8Array.from(trainTags, (tags) => (tags.has(tag) ? 1 : -1));
    const model = finish(trainLinearSvm(problemOf({ x: trainX, y, dimension: vocabulary.terms.length }, 0.1), { tolerance: 0.01 }));
    scores.set(tag, testX.map((x) => decision(model, x)));
  }
  const trainMs = performance.now() - start;
  const truths = test.map((p) => new Set(p.tags.map(tagKey).filter((t) => counts.get(t)! >= 3)));
  const ranked = test
    .map((_, i) => ({ ranking: [...inPlay].sort((a, b) => scores.get(b)![i]! - scores.get(a)![i]!), truth: truths[i]! }))
    .filter((r) => r.truth.size > 0);
  const aucs: number[] = [];
  const p10s: number[] = [];
  for (const tag of inPlay) {
    const positive = truths.map((t) => t.has(tag));
    const n = positive.filter(Boolean).length;
    if (n < 3 || test.length - n < 3) continue;
    aucs.push(rocAuc(scores.get(tag)!, positive));
    p10s.push(precisionAtK(scores.get(tag)!, positive, 10));
  }
  return {
    p1: precisionAt1(ranked),
    r3: recallAt3(ranked),
    auc: mean(aucs),
    p10: mean(p10s),
    tags: inPlay.length,
    tagsScored: aucs.length,
    testPapers: ranked.length,
    trainMs,
    scoreMsPer100: NaN,
  };
}
