import type { PaperMetadata } from '@/lib/paper/model';
import { wordsOf } from '@/lib/library/search-words';

/**
 * "New and about my topics": a paper matches when its title or summary holds one of the watched
 * words or phrases (case-insensitive, whole words). No watched words: every paper matches.
 */
export function matchesWatch(paper: Pick<PaperMetadata, 'title' | 'summary'>, watched: string[]): boolean {
  const phrases = watched.map((w) => wordsOf(w)).filter((w) => w.length > 0);
  if (phrases.length === 0) return true;
  const words = wordsOf(`${paper.title} ${paper.summary}`);
  return phrases.some((phrase) => words.some((_, i) => phrase.every((w, k) => words[i + k] === w)));
}
