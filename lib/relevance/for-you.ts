import { forYouScore } from '@/lib/relevance/for-you-model';
import type { RelevanceModel } from '@/lib/relevance/model';
import { paperVector, rankTags } from '@/lib/relevance/score';
import type { SparseVector } from '@/lib/relevance/sparse';
import { type PaperText, surfaceForms } from '@/lib/relevance/tokenize';

/** Why a paper is "for you": one of your tags fits it, or the terms it shares with what you save. */
export type ForYouReason =
  | { readonly kind: 'tag'; readonly tag: string }
  | { readonly kind: 'terms'; readonly terms: readonly string[] };

export interface ForYouResult {
  /** A probability that you would save it (a cosine similarity when the library is all there is to learn from). */
  readonly score: number;
  /** At or above the threshold calibrated on your library. */
  readonly likeLibrary: boolean;
  readonly reason: ForYouReason | null;
}

/** A tag explains a paper when the paper is at least this likely to carry it. */
const TAG_REASON_PROBABILITY = 0.5;

/** How well a paper fits the library, and why; null while the library is empty. */
export function scoreForYou(
  model: RelevanceModel,
  paper: PaperText,
  x: SparseVector = paperVector(model, paper),
): ForYouResult | null {
  const forYou = model.forYou;
  if (!forYou) return null;
  const score = forYouScore(forYou, x);
  const best = x.indices.length > 0 ? rankTags(model, x)[0] : undefined;
  let reason: ForYouReason | null = null;
  if (best && best.probability >= TAG_REASON_PROBABILITY) reason = { kind: 'tag', tag: best.tag };
  else {
    const terms = sharedTerms(model, paper, 3, x);
    if (terms.length > 0) reason = { kind: 'terms', terms };
  }
  return { score, likeLibrary: score >= forYou.threshold, reason };
}

/**
 * The paper's terms that raise its "For you" score most (weight times value), best first, as the paper writes
 * them; a word already inside a chosen pair ("learning" in "reinforcement learning") is not repeated.
 */
export function sharedTerms(
  model: RelevanceModel,
  paper: PaperText,
  count: number,
  x: SparseVector = paperVector(model, paper),
): string[] {
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
  for (const [term] of contributions) {
    if (chosen.length >= count) break;
    const parts = term.split(' ');
    if (parts.length === 1 && chosen.some((c) => c.split(' ').includes(term))) continue;
    // A pair takes the place of the single words in it that were chosen before it.
    for (let i = chosen.length - 1; i >= 0; i--) if (parts.length > 1 && parts.includes(chosen[i]!)) chosen.splice(i, 1);
    chosen.push(term);
  }
  const forms = surfaceForms(paper);
  return chosen.map((term) => forms.get(term) ?? term);
}
