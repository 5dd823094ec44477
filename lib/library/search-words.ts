import type { Paper } from '../paper/model';

/** Lower-cased words of a text, split on anything that is not a letter or digit. */
export function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase('en').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Words too common in abstracts to be worth an index entry. */
const STOP_WORDS = new Set(
  'about above after again also among based been being between both could does done each even from have having here into itself just larger large like made make many more most much must only other over same shows such than that their them then there these they this those through thus under upon using very were what when where which while with within without would your paper propose proposed present method methods approach results show model models'.split(' '),
);

/** Distinct abstract words kept in the index: enough to find a paper by its topic, few enough to import quickly. */
export const MAX_SUMMARY_WORDS = 80;

type Searchable = Pick<Paper, 'title' | 'summary' | 'authors' | 'organization' | 'tags' | 'note'>;

/**
 * The words a paper can be found by, for the multi-entry `words` index. Each word once. From the
 * abstract, only distinct words of four letters or more that are not filler, and at most
 * MAX_SUMMARY_WORDS of them: every index entry costs time on import, and short or common words
 * match everything anyway.
 */
export function searchWords(paper: Searchable): string[] {
  const words = new Set<string>();
  const add = (text: string, minLength: number) => {
    for (const w of wordsOf(text)) if (w.length >= minLength) words.add(w);
  };
  add(paper.title, 1);
  for (const author of paper.authors) add(author, 1);
  if (paper.organization) add(`${paper.organization.handle} ${paper.organization.name}`, 1);
  for (const tag of paper.tags) add(tag, 1);
  add(paper.note, 2);
  let fromSummary = 0;
  for (const w of wordsOf(paper.summary)) {
    if (fromSummary >= MAX_SUMMARY_WORDS) break;
    if (w.length < 4 || STOP_WORDS.has(w) || words.has(w)) continue;
    words.add(w);
    fromSummary++;
  }
  return [...words];
}
