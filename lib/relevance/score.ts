import { plattProbability } from '@/lib/relevance/calibration';
import type { RelevanceModel } from '@/lib/relevance/model';
import { dotDense, type SparseVector } from '@/lib/relevance/sparse';
import { contentWords, paperText, type PaperText } from '@/lib/relevance/tokenize';
import { tfidfOfWords } from '@/lib/relevance/vocabulary';
import { tagKey } from '@/lib/paper/tags';

/** A paper as the trained model sees it; compute once per paper and pass to every scorer. */
export function paperVector(model: RelevanceModel, paper: PaperText): SparseVector {
  return tfidfOfWords(contentWords(paperText(paper)), model.vocabulary);
}

export interface TagScore {
  /** The tag as the reader spells it. */
  readonly tag: string;
  readonly key: string;
  /** Calibrated probability that the reader would put this tag on the paper. */
  readonly probability: number;
}

/** Every learned tag with its probability for the paper, most likely first. */
export function rankTags(model: RelevanceModel, x: SparseVector): TagScore[] {
  return model.tags
    .map((t) => ({ tag: t.name, key: t.key, probability: plattProbability(t.platt, dotDense(x, t.weights) + t.intercept) }))
    .sort((a, b) => b.probability - a.probability);
}

export interface SuggestOptions {
  /** At most this many suggestions (default 3). */
  readonly limit?: number;
  /** Suggest only tags at least this likely (default 0.3). */
  readonly minProbability?: number;
}

/**
 * Tags to suggest for a paper: learned tags (each on at least 3 saved papers) that it does not carry yet, most
 * likely first. None for a paper that shares no term with what the model knows: a tag's base rate alone is
 * no reason to suggest it.
 */
export function suggestTags(
  model: RelevanceModel,
  paper: PaperText & { readonly tags?: readonly string[] },
  options: SuggestOptions = {},
  x: SparseVector = paperVector(model, paper),
): TagScore[] {
  const has = new Set((paper.tags ?? []).map(tagKey));
  if (x.indices.length === 0) return [];
  const minProbability = options.minProbability ?? 0.3;
  return rankTags(model, x)
    .filter((s) => !has.has(s.key) && s.probability >= minProbability)
    .slice(0, options.limit ?? 3);
}
