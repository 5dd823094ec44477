import { stemmer } from 'stemmer';
import { ENGLISH_STOP_WORDS } from '@/lib/relevance/stop-words';

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
const RUN = /[\p{L}\p{N}]+/gu;
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
const UNSPACED_OR_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}])+/gu;
const SINGLE_LETTER_WORD = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u;
const DIGITS_ONLY = /^\p{N}+$/u;
const LATIN_LETTERS = /^[a-z]+$/;

/** Lower case with accents folded: "Schrödinger" gives "schrodinger", "ﬁ" gives "fi". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

const stems = new Map<string, string>();

/** Porter's stem of an English word ("networks", "network"); other words stay as they are. Memoized. */
export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = LATIN_LETTERS.test(word) ? stemmer(word) : word;
    if (stems.size >= 100_000) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** A word as read (folded) and as the models know it (stemmed). */
interface Word {
  readonly surface: string;
  readonly stem: string;
}

function words(text: string, stem = true): Word[] {
  const folded = foldText(text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text);
  const out: Word[] = [];
  for (const [run] of folded.matchAll(RUN)) {
    // Runs are split further only when they hold Chinese or Japanese (the slower expression is rarely needed).
    for (const word of UNSPACED.test(run) ? Array.from(run.matchAll(UNSPACED_OR_RUN), (m) => m[0]) : [run]) add(word);
  }
  return out;

  function add(word: string) {
    if (word.length > MAX_WORD_LENGTH || DIGITS_ONLY.test(word)) return;
    if (word.length === 1 && !SINGLE_LETTER_WORD.test(word)) return;
    if (ENGLISH_STOP_WORDS.has(word)) return;
    out.push({ surface: word, stem: stem ? stemOf(word) : word });
  }
}

/**
 * The terms of a text: its content words (folded, stemmed, without stop words, numbers alone, one-letter words
 * except in Chinese and Japanese, and overlong runs) and the pairs of consecutive content words ("neural
 * network"), as scikit-learn's word n-grams (1, 2) with stop words removed first. A term occurs once per
 * occurrence.
 */
export function termsOf(text: string): string[] {
  return termsOfWords(contentWords(text));
}

/** The content words of a text, stemmed (unless told not to), in order: the terms of `termsOf` without pairs. */
export function contentWords(text: string, stem = true): string[] {
  return words(text, stem).map((w) => w.stem);
}

export function termsOfWords(stemmed: readonly string[]): string[] {
  const terms = stemmed.slice();
  for (let i = 1; i < stemmed.length; i++) terms.push(`${stemmed[i - 1]} ${stemmed[i]}`);
  return terms;
}

/** Title and abstract, the text every model of this folder reads. */
export function paperText(paper: PaperText): string {
  return `${paper.title}\n${paper.summary}`;
}


/** How the terms of a paper are written in it (first occurrence): "reinforc learn" is "reinforcement learning". */
export function surfaceForms(paper: PaperText): Map<string, string> {
  const list = words(paperText(paper));
  const forms = new Map<string, string>();
  list.forEach((w, i) => {
    if (!forms.has(w.stem)) forms.set(w.stem, w.surface);
    const previous = list[i - 1];
    if (previous) {
      const pair = `${previous.stem} ${w.stem}`;
      if (!forms.has(pair)) forms.set(pair, `${previous.surface} ${w.surface}`);
    }
  });
  return forms;
}
