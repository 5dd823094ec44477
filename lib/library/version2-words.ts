import type { Paper } from '@/lib/paper/model';

// What database versions 2 and 3 stored as a paper's words, kept as released for the version 2
// upgrade (version 4 deletes the words again). Search uses search-words.ts.

function lowerCaseWords(text: string): string[] {
  return text.toLocaleLowerCase('en').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

const STOP_WORDS = new Set(
  'about above after again also among based been being between both could does done each even from have having here into itself just larger large like made make many more most much must only other over same shows such than that their them then there these they this those through thus under upon using very were what when where which while with within without would your paper propose proposed present method methods approach results show model models'.split(' '),
);

const MAX_SUMMARY_WORDS = 80;

type Searchable = Pick<Paper, 'title' | 'summary' | 'authors' | 'organization' | 'tags' | 'note'>;

/** Each word once; from the abstract only distinct words of four letters or more that are not filler, at most 80. */
export function version2Words(paper: Searchable): string[] {
  const words = new Set<string>();
  const add = (text: string, minLength: number) => {
    for (const w of lowerCaseWords(text)) if (w.length >= minLength) words.add(w);
  };
  add(paper.title, 1);
  for (const author of paper.authors) add(author, 1);
  if (paper.organization) add(`${paper.organization.handle} ${paper.organization.name}`, 1);
  for (const tag of paper.tags) add(tag, 1);
  add(paper.note, 2);
  let fromSummary = 0;
  for (const w of lowerCaseWords(paper.summary)) {
    if (fromSummary >= MAX_SUMMARY_WORDS) break;
    if (w.length < 4 || STOP_WORDS.has(w) || words.has(w)) continue;
    words.add(w);
    fromSummary++;
  }
  return [...words];
}
