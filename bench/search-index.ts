// The library index alone, in Node: what its saved snapshot weighs, and how long a typo takes over a
// vocabulary the size of a real library's (the bench's papers repeat 47 abstracts, so they hold only
// a few thousand distinct words).
import { serialize } from 'node:v8';
import { LibraryIndex } from '../lib/search/library-index';
import { libraryPapers } from './library';
import { repeat, type Figure } from './stats';

/**
 * The snapshot the popup saves for `count` papers, in bytes as IndexedDB stores it: Chromium keeps a
 * value as V8's structured-clone serialization, which `v8.serialize` writes.
 */
export function measureIndexSize(count: number): { bytes: number; perPaper: number } {
  const bytes = serialize(LibraryIndex.build(libraryPapers(count)).toSnapshot()).length;
  return { bytes, perPaper: bytes / count };
}

/** A query with a typo in every word, so each one falls back to close words, over about `words` distinct words. */
export async function measureTypo(count: number, words: number, query: string, runs: number): Promise<{ distinct: number; find: Figure }> {
  const papers = libraryPapers(count);
  // Made-up words from two real ones ("gradientspar"), spread over the papers, as rare words are.
  const real = [...new Set(papers.flatMap((p) => p.summary.toLowerCase().match(/[a-z]{4,}/g) ?? []))];
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pick = () => real[Math.floor(random() * real.length)]!;
  const perPaper = Math.ceil(words / count);
  for (const paper of papers) paper.summary += ` ${Array.from({ length: perPaper }, () => pick() + pick().slice(0, 4)).join(' ')}`;
  const index = LibraryIndex.build(papers);
  const distinct = index.toSnapshot().words.length;
  const ask = () => index.find({ text: query, tags: [], sort: 'relevance' });
  if (!ask().approximate) throw new Error(`"${query}" should find close words only`);
  return { distinct, find: await repeat(runs * 5, async () => {
    const started = performance.now();
    ask();
    return performance.now() - started;
  }) };
}
