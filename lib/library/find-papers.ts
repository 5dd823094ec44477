import type { LibraryDatabase } from './schema';
import { wordsOf } from './search-words';

export type LibrarySort = 'savedAt' | 'publishedAt' | 'upvotes' | 'title';

export interface LibraryQuery {
  /** Words to find in title, summary, authors, organization, tags and note; each word as a prefix. */
  text?: string;
  /** Papers must carry every one of these tags. */
  tags?: string[];
  sort?: LibrarySort;
}

/**
 * Words shorter than this are ignored while typing: one or two letters match a large part of any
 * library, and reading that many index entries takes longer than the keystroke is worth.
 */
export const MIN_SEARCH_WORD = 3;

export function searchTerms(text: string): string[] {
  return [...new Set(wordsOf(text).filter((w) => w.length >= MIN_SEARCH_WORD))];
}

/** The papers matching the text and tags, or undefined when the query filters nothing out. */
export async function matchingIds(db: LibraryDatabase, query: Pick<LibraryQuery, 'text' | 'tags'>): Promise<Set<string> | undefined> {
  const sets = await Promise.all([
    ...(query.tags ?? []).map(async (tag) => new Set(await db.papers.where('tags').equals(tag).primaryKeys())),
    ...searchTerms(query.text ?? '').map(async (term) => new Set(await db.papers.where('words').startsWith(term).primaryKeys())),
  ]);
  if (sets.length === 0) return undefined;
  sets.sort((a, b) => a.size - b.size);
  const [smallest, ...rest] = sets;
  return new Set([...smallest!].filter((id) => rest.every((set) => set.has(id))));
}

export function applyFilter(ordered: string[], filter: Set<string> | undefined): string[] {
  return filter ? ordered.filter((id) => filter.has(id)) : ordered;
}

/** Every paper id in the chosen order (keys only). */
export async function orderedIds(db: LibraryDatabase, sort: LibrarySort): Promise<string[]> {
  const descending = sort !== 'title';
  const collection = descending ? db.papers.orderBy(sort).reverse() : db.papers.orderBy(sort);
  const ids = await collection.primaryKeys();
  if (sort === 'savedAt' || sort === 'title') return ids;
  // Papers without a publication date or upvote count are not in that index: list them last.
  const listed = new Set(ids);
  const all = await db.papers.orderBy('savedAt').reverse().primaryKeys();
  return ids.length === all.length ? ids : [...ids, ...all.filter((id) => !listed.has(id))];
}

/** The newest saved papers' ids, to show the first rows before the whole list is read. */
export function newestIds(db: LibraryDatabase, limit: number): Promise<string[]> {
  return db.papers.orderBy('savedAt').reverse().limit(limit).primaryKeys();
}
