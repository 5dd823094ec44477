import { forYouScore } from './for-you-model';
import type { RelevanceModel } from './model';
import { rankTags } from './score';
import type { SparseVector } from './sparse';

/** Why a paper is "for you": one of your tags fits it, or the terms it shares with what you save. */
export type ForYouReason = { readonly kind: 'tag'; readonly tag: string } | { readonly kind: 'terms'; readonly terms: readonly string[] };

export interface ForYouResult {
  /** A probability that you would save it (a cosine similarity for a library without other papers to learn from). */
  readonly score: number;
  /** At or above the threshold calibrated on your library. */
  readonly likeLibrary: boolean;
  readonly reason: ForYouReason | null;
}

/** A tag explains a paper when the paper is at least this likely to carry it. */
const TAG_REASON_PROBABILITY = 0.5;

/** How a paper fits the library; null until the library has a paper. */
export function scoreForYou(model: RelevanceModel, x: SparseVector): ForYouResult | null {
  const forYou = model.forYou;
  if (!forYou) return null;
  const score = forYouScore(forYou, x);
  const best = rankTags(model, x)[0];
  const reason: ForYouReason | null =
    best && best.probability >= TAG_REASON_PROBABILITY
      ? { kind: 'tag', tag: best.tag }
      : sharedTerms(model, x, 3).length > 0
        ? { kind: 'terms', terms: sharedTerms(model, x, 3) }
        : null;
  return { score, likeLibrary: score >= forYou.threshold, reason };
}

/**
 * The paper's terms that raise its score most (weight times value), best first; a word already inside a
 * chosen pair ("learning" in "reinforcement learning") is not repeated.
 */
export function sharedTerms(model: RelevanceModel, x: SparseVector, count: number): string[] {
  const forYou = model.forYou;
  if (!forYou) return [];
  const contributions: Array<[string, number]> = [];
  for (let k = 0; k < x.indices.length; k++) {
    const index = x.indices[k]!;
    const c = forYou.weights[index]! * x.values[k]!;
    if (c > 0) contributions.push([model.vocabulary.terms[index]!, c]);
  }
  contributions.sort((a, b) => b[1] - a[1]);
  const chosen: string[] = [];
  const words = new Set<string>();
  for (const [term] of contributions) {
    if (chosen.length >= count) break;
    const parts = term.split(' ');
    if (parts.every((w) => words.has(w))) continue;
    if (parts.length === 1 && chosen.some((c) => c.split(' ').includes(term))) continue;
    // A pair absorbs the single words it contains that were chosen before it.
    for (let i = chosen.length - 1; i >= 0; i--) if (parts.length > 1 && parts.includes(chosen[i]!)) chosen.splice(i, 1);
    chosen.push(term);
    for (const w of parts) words.add(w);
  }
  return chosen;
}
