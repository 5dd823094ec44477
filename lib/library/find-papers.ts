import type { LibraryDatabase } from './schema';
import { wordsOf } from './search-words';

export type LibrarySort = 'savedAt' | 'publishedAt' | 'upvotes' | 'title';

export interface LibraryQuery {
  /** At most this many ids (the first page, to show something at once). */
  limit?: number;
  /** Words to find in title, summary, authors, organization, tags and note; each word as a prefix. */
  text?: string;
  /** Papers must carry every one of these tags. */
  tags?: string[];
  sort?: LibrarySort;
}

/** Words shorter than this are ignored while typing: a single letter matches nearly everything. */
export const MIN_SEARCH_WORD = 2;

/**
 * Ids of the library's papers that match, in the chosen order. Works on index keys only, never
 * loading papers, so it stays fast with tens of thousands of them; callers load the rows they show.
 */
export async function findPaperIds(db: LibraryDatabase, query: LibraryQuery = {}): Promise<string[]> {
  const plain = !query.tags?.length && searchTerms(query.text ?? '').length === 0;
  if (plain && query.limit !== undefined && (query.sort ?? 'savedAt') === 'savedAt') {
    return db.papers.orderBy('savedAt').reverse().limit(query.limit).primaryKeys();
  }
  const [ordered, ...filters] = await Promise.all([
    orderedIds(db, query.sort ?? 'savedAt'),
    ...(query.tags ?? []).map(async (tag) => new Set(await db.papers.where('tags').equals(tag).primaryKeys())),
    ...searchTerms(query.text ?? '').map(async (term) => new Set(await db.papers.where('words').startsWith(term).primaryKeys())),
  ]);
  if (filters.length === 0) return ordered;
  filters.sort((a, b) => a.size - b.size);
  return ordered.filter((id) => filters.every((set) => set.has(id)));
}

export function searchTerms(text: string): string[] {
  return [...new Set(wordsOf(text).filter((w) => w.length >= MIN_SEARCH_WORD))];
}

async function orderedIds(db: LibraryDatabase, sort: LibrarySort): Promise<string[]> {
  const descending = sort !== 'title';
  const collection = descending ? db.papers.orderBy(sort).reverse() : db.papers.orderBy(sort);
  const ids = await collection.primaryKeys();
  if (sort === 'savedAt' || sort === 'title') return ids;
  // Papers without a publication date or upvote count are not in that index: list them last.
  const listed = new Set(ids);
  const all = await db.papers.orderBy('savedAt').reverse().primaryKeys();
  return ids.length === all.length ? ids : [...ids, ...all.filter((id) => !listed.has(id))];
}
