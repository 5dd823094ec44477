// The index's words are one sorted list (by UTF-16 code units). Words that share a start sit together,
// so a prefix is a range of the list, and the list can be walked like a trie.

export const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** First position in the sorted `words` whose word is not below `term`. */
export function lowerBound(words: readonly string[], term: string): number {
  return search(words, term, 0, words.length);
}

/** The same, from `from` on, for a position likely near it: steps out in doubling strides, then halves. */
function lowerBoundNear(words: readonly string[], term: string, from: number): number {
  let lo = from;
  let stride = 1;
  while (lo + stride <= words.length && words[lo + stride - 1]! < term) {
    lo += stride;
    stride *= 2;
  }
  return search(words, term, lo, Math.min(lo + stride, words.length));
}

function search(words: readonly string[], term: string, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Past every word that starts with a given prefix (no word holds this character: it is not a letter). */
const AFTER_PREFIX = '\uffff';

/** The positions `[first, end)` of the words that start with `prefix`. */
export function prefixRange(words: readonly string[], prefix: string): [number, number] {
  const first = lowerBound(words, prefix);
  return [first, lowerBoundNear(words, prefix + AFTER_PREFIX, first)];
}

/**
 * How many edits a typed word may be from a word in the library and still find it: none for short
 * words (one edit turns "rag" into a hundred others), one up to seven letters, two from eight.
 */
export function allowedEdits(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
}

/**
 * Positions of the words in the sorted `words` within `maxEdits` of `term`: insertions, deletions,
 * substitutions and swaps of two neighbouring letters (Damerau-Levenshtein, each letter edited once).
 *
 * One distance row per letter of a word, kept while the next word shares those letters, so the list
 * is walked like a trie; a start already too far from `term` skips every word that shares it. At
 * ~100,000 words that visits a few thousand starts, not every word.
 */
export function closeWords(words: readonly string[], term: string, maxEdits: number): number[] {
  const n = term.length;
  // Row j holds the distances from the first j letters of the word to each start of `term`; no row
  // past `depth` can come within maxEdits, and the walk stops before it.
  const depth = n + maxEdits + 1;
  const rows = Array.from({ length: depth + 1 }, () => new Int32Array(n + 1));
  for (let i = 0; i <= n; i++) rows[0]![i] = i;
  const found: number[] = [];
  let previous = '';
  let valid = 0; // rows 0..valid hold the start of `previous`
  let w = 0;
  while (w < words.length) {
    const word = words[w]!;
    let j = 0;
    const shared = Math.min(valid, word.length, previous.length);
    while (j < shared && word.charCodeAt(j) === previous.charCodeAt(j)) j++;
    let tooFar = false;
    for (; j < word.length; j++) {
      // A row's least distance is at most one more than the row before's, so when it passes
      // maxEdits the row before is at maxEdits already, and no later row (a swap reaches back
      // two rows, plus one) comes back within it.
      if (nextRow(rows, j, word, term) > maxEdits) {
        tooFar = true;
        j++;
        break;
      }
    }
    previous = word;
    valid = j;
    if (tooFar) {
      w = lowerBoundNear(words, word.slice(0, j) + AFTER_PREFIX, w + 1);
      continue;
    }
    if (rows[word.length]![n]! <= maxEdits) found.push(w);
    w++;
  }
  return found;
}

/** Fills row j + 1 (the word's first j + 1 letters) from rows j and j - 1; returns its least distance. */
function nextRow(rows: Int32Array[], j: number, word: string, term: string): number {
  const above = rows[j]!;
  const twoAbove = j > 0 ? rows[j - 1]! : above;
  const row = rows[j + 1]!;
  const letter = word.charCodeAt(j);
  const before = j > 0 ? word.charCodeAt(j - 1) : -1;
  row[0] = j + 1;
  let min = j + 1;
  for (let i = 1; i <= term.length; i++) {
    const t = term.charCodeAt(i - 1);
    let d = Math.min(above[i]! + 1, row[i - 1]! + 1, above[i - 1]! + (t === letter ? 0 : 1));
    if (i > 1 && j > 0 && t === before && term.charCodeAt(i - 2) === letter) d = Math.min(d, twoAbove[i - 2]! + 1);
    row[i] = d;
    if (d < min) min = d;
  }
  return min;
}
