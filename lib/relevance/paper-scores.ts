import { type ForYouResult, scoreForYou } from './for-you';
import type { RelevanceModel } from './model';
import { paperVector, type SuggestOptions, suggestTags, type TagScore } from './score';
import type { PaperText } from './tokenize';

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
