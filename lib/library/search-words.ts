import type { Paper } from '../paper/model';

/** Lower-cased words of a text, split on anything that is not a letter or digit. */
export function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase('en').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

type Searchable = Pick<Paper, 'title' | 'summary' | 'authors' | 'organization' | 'tags' | 'note'>;

/**
 * The words a paper can be found by, for the multi-entry `words` index. Each word once; very short
 * words from long texts are left out because they match everything and bloat the index.
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
  add(paper.summary, 3);
  return [...words];
}
