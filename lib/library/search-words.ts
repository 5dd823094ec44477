import type { Paper } from '@/lib/paper/model';

/** Letters that carry no mark to strip (NFKD leaves them whole), spelled the way people type them without. */
const UNMARKED: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ŧ: 't', ŀ: 'l' };
const UNMARKED_LETTERS = new RegExp(`[${Object.keys(UNMARKED).join('')}]`, 'g');
const MARKS = /\p{M}/gu;
const ASCII = /^\p{ASCII}*$/u;

/**
 * Text as search compares it: accents and other marks removed (compatibility-decomposed, so "ﬁ" is
 * "fi"), case folded (upper- then lower-cased, so "ß" is "ss") and letters such as "ø" and "ł"
 * spelled plainly. "Müller", "MULLER" and "muller" fold alike.
 */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toUpperCase()
    .toLowerCase()
    .replace(UNMARKED_LETTERS, (letter) => UNMARKED[letter]!);
}

/** Folded words of a text, split on anything that is not a letter or digit ("GPT-4o" gives "gpt", "4o"). */
export function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Words shorter than this are not indexed: one letter or digit alone says too little to find a paper by. */
export const MIN_WORD_LENGTH = 2;

/**
 * Where a word of a paper was found, as a weight: a word in the title says most about the paper, one
 * only in the abstract least. Each is worth more than the next one down.
 */
export const FIELD_WEIGHT = { title: 8, tagsAuthorsOrganization: 4, note: 2, abstract: 1 } as const;
export type FieldWeight = (typeof FIELD_WEIGHT)[keyof typeof FIELD_WEIGHT];

type Searchable = Pick<Paper, 'title' | 'summary' | 'authors' | 'organization' | 'tags' | 'note'>;

/**
 * Every word a paper can be found by (two characters and up, letters and digits alike: "rag", "3d",
 * "7b"), each once with the weight of the best field it is in.
 */
export function paperWords(paper: Searchable): Map<string, FieldWeight> {
  const words = new Map<string, FieldWeight>();
  // Fields go from the heaviest down, so a word's first field is its best.
  const add = (text: string, weight: FieldWeight) => {
    for (const w of wordsOf(text)) if (w.length >= MIN_WORD_LENGTH && !words.has(w)) words.set(w, weight);
  };
  add(paper.title, FIELD_WEIGHT.title);
  const { tagsAuthorsOrganization } = FIELD_WEIGHT;
  for (const tag of paper.tags) add(tag, tagsAuthorsOrganization);
  for (const author of paper.authors) add(author, tagsAuthorsOrganization);
  if (paper.organization) add(`${paper.organization.handle} ${paper.organization.name}`, tagsAuthorsOrganization);
  add(paper.note, FIELD_WEIGHT.note);
  add(paper.summary, FIELD_WEIGHT.abstract);
  return words;
}

/**
 * The words of a query, each matched as the start of a word. A one-character word is left out
 * beside longer ones ("llama 3", "a survey"): it is too short to be indexed on its own, so as a
 * prefix it would only narrow the list by accident. Alone, it narrows as the first key typed.
 */
export function queryWords(text: string): string[] {
  const words = [...new Set(wordsOf(text))];
  const longer = words.filter((w) => w.length >= MIN_WORD_LENGTH);
  return longer.length > 0 ? longer : words;
}
