import { type ForYouResult, scoreForYou } from '@/lib/relevance/for-you';
import type { RelevanceModel } from '@/lib/relevance/model';
import { paperVector, type SuggestOptions, suggestTags, type TagScore } from '@/lib/relevance/score';
import type { PaperText } from '@/lib/relevance/tokenize';

export interface PaperScores {
  readonly suggestions: TagScore[];
  readonly forYou: ForYouResult | null;
}

/** What a card shows for a paper: tag suggestions and the "For you" score with its reason. */
export function scorePaper(
  model: RelevanceModel,
  paper: PaperText & { readonly tags?: readonly string[] },
  options: SuggestOptions = {},
): PaperScores {
  const x = paperVector(model, paper);
  return { suggestions: suggestTags(model, paper, options, x), forYou: scoreForYou(model, paper, x) };
}
