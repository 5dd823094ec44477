import { ENGLISH_STOP_WORDS } from './stop-words';

/** The text of a paper that the models read. */
export interface PaperText {
  readonly title: string;
  readonly summary: string;
}

/** Longer texts are cut: a paper's abstract is at most 20,000 characters in the model, and beyond that is noise. */
const MAX_TEXT_LENGTH = 24_000;
/** Longer "words" are identifiers, hashes or URLs run together, not topics. */
const MAX_WORD_LENGTH = 32;

/**
 * Words: runs of letters and digits; each character of scripts written without spaces (Chinese, Japanese) is a
 * word of its own, so their bigrams are character pairs.
 */
const WORD = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}])+/gu;
const SINGLE_LETTER_WORD = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u;
const DIGITS_ONLY = /^\p{N}+$/u;

/** Lower case with accents folded: "Schrödinger" gives "schrodinger", "ﬁ" gives "fi". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The words a text is about, in order: folded, without stop words, numbers alone, one-letter words (except
 * in Chinese and Japanese) and overlong runs.
 */
export function contentWords(text: string): string[] {
  const folded = foldText(text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text);
  const words: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    if (word.length > MAX_WORD_LENGTH || DIGITS_ONLY.test(word)) continue;
    if (word.length === 1 && !SINGLE_LETTER_WORD.test(word)) continue;
    if (ENGLISH_STOP_WORDS.has(word)) continue;
    words.push(word);
  }
  return words;
}

/**
 * The terms of a text: its content words and the pairs of consecutive content words ("neural network"), as
 * scikit-learn's word n-grams (1, 2) with stop words removed first. A term occurs once per occurrence.
 */
export function termsOf(text: string): string[] {
  const words = contentWords(text);
  const terms = words.slice();
  for (let i = 1; i < words.length; i++) terms.push(`${words[i - 1]} ${words[i]}`);
  return terms;
}

/** Title and abstract, the text every model of this folder reads. */
export function paperTerms(paper: PaperText): string[] {
  return termsOf(`${paper.title}\n${paper.summary}`);
}
