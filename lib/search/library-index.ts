import { searchWords, wordsOf } from '../library/search-words';
import type { Paper } from '../paper/model';
import { tagKey, tallyTags, type TagCount } from '../paper/tags';

export type LibrarySort = 'savedAt' | 'publishedAt' | 'upvotes' | 'title';

export interface LibraryQuery {
  /** Words to find in title, abstract, authors, organization, tags and note; each word as a prefix, all of them. */
  text: string;
  /** Papers must carry every one of these tags (any spelling). */
  tags: string[];
  sort: LibrarySort;
}

export interface LibraryAnswer {
  /** The matching papers' ids in the asked order. */
  ids: string[];
  /** Papers in the library. */
  total: number;
  /** Every tag in the library with its count, most used first. */
  tagCounts: TagCount[];
}

export type IndexedPaper = Pick<Paper, 'id' | 'title' | 'summary' | 'authors' | 'organization' | 'tags' | 'note' | 'savedAt' | 'publishedAt' | 'upvotes'>;

/**
 * The index in a form that is quick to store and load: columns per paper, and the words as one
 * sorted list with their papers in two typed arrays (no parsing, no per-word objects).
 */
export interface IndexSnapshot {
  ids: string[];
  titleKeys: string[];
  savedAt: number[];
  /** NaN where unknown. */
  publishedAt: number[];
  upvotes: number[];
  tags: string[][];
  words: string[];
  /** Papers of words[i] are postings[offsets[i]] up to postings[offsets[i + 1]]. */
  offsets: Int32Array;
  postings: Int32Array;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** First position in the sorted `words` whose word is not below `term`. */
function lowerBound(words: string[], term: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The library in memory, for finding and ordering papers within a frame at tens of thousands of
 * papers. Papers are numbered; a removed or replaced paper leaves a hole (its id undefined) that
 * queries skip and the next `toSnapshot` compacts away. Words added since the last snapshot live in
 * a small map beside the sorted list.
 */
export class LibraryIndex {
  private ids: (string | undefined)[] = [];
  private titleKeys: string[] = [];
  private savedAt: number[] = [];
  private publishedAt: number[] = [];
  private upvotes: number[] = [];
  private tags: string[][] = [];
  private readonly docOf = new Map<string, number>();
  private words: string[] = [];
  private offsets = new Int32Array(1);
  private postings = new Int32Array(0);
  private recent = new Map<string, number[]>();
  private readonly orders = new Map<LibrarySort, Int32Array>();
  private counts?: TagCount[];

  static build(papers: Iterable<IndexedPaper>): LibraryIndex {
    const index = new LibraryIndex();
    for (const paper of papers) index.upsert(paper);
    index.compact();
    return index;
  }

  static fromSnapshot(snapshot: IndexSnapshot): LibraryIndex {
    const index = new LibraryIndex();
    const { ids, titleKeys, savedAt, publishedAt, upvotes, tags, words, offsets, postings } = snapshot;
    const lengths = [titleKeys, savedAt, publishedAt, upvotes, tags].map((column) => column.length);
    if (lengths.some((n) => n !== ids.length) || offsets.length !== words.length + 1 || offsets[words.length] !== postings.length) {
      throw new Error('The saved search index is damaged');
    }
    Object.assign(index, { ids, titleKeys, savedAt, publishedAt, upvotes, tags, words, offsets, postings });
    ids.forEach((id, doc) => index.docOf.set(id, doc));
    return index;
  }

  get size(): number {
    return this.docOf.size;
  }

  has(id: string): boolean {
    return this.docOf.has(id);
  }

  /** Adds a paper, or replaces the one with its id. */
  upsert(paper: IndexedPaper): void {
    this.remove(paper.id);
    const doc = this.ids.length;
    this.ids.push(paper.id);
    this.titleKeys.push(paper.title.toLocaleLowerCase('en'));
    this.savedAt.push(paper.savedAt);
    this.publishedAt.push(paper.publishedAt === undefined ? NaN : Date.parse(paper.publishedAt));
    this.upvotes.push(paper.upvotes ?? NaN);
    this.tags.push(paper.tags);
    for (const word of searchWords(paper)) {
      const docs = this.recent.get(word);
      if (docs) docs.push(doc);
      else this.recent.set(word, [doc]);
    }
    this.docOf.set(paper.id, doc);
    this.changed();
  }

  remove(id: string): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    this.ids[doc] = undefined;
    this.docOf.delete(id);
    this.changed();
  }

  find(query: LibraryQuery): LibraryAnswer {
    let mask: Uint8Array | undefined;
    const narrow = (hits: Uint8Array) => {
      if (mask) for (let doc = 0; doc < hits.length; doc++) mask[doc]! &= hits[doc]!;
      else mask = hits;
    };
    for (const term of new Set(wordsOf(query.text))) narrow(this.papersWithPrefix(term));
    for (const tag of new Set(query.tags.map(tagKey))) narrow(this.papersWithTag(tag));
    const ids: string[] = [];
    for (const doc of this.order(query.sort)) {
      if (!mask || mask[doc]) ids.push(this.ids[doc]!);
    }
    return { ids, total: this.size, tagCounts: this.tagCounts() };
  }

  /** Compacts the index (holes gone, recent words merged into the sorted list) and returns it as a snapshot. */
  toSnapshot(): IndexSnapshot {
    this.compact();
    const { ids, titleKeys, savedAt, publishedAt, upvotes, tags, words, offsets, postings } = this;
    return { ids: ids as string[], titleKeys, savedAt, publishedAt, upvotes, tags, words, offsets, postings };
  }

  private changed() {
    this.orders.clear();
    this.counts = undefined;
  }

  private papersWithPrefix(term: string): Uint8Array {
    const hits = new Uint8Array(this.ids.length);
    for (let w = lowerBound(this.words, term); w < this.words.length && this.words[w]!.startsWith(term); w++) {
      for (let p = this.offsets[w]!; p < this.offsets[w + 1]!; p++) hits[this.postings[p]!] = 1;
    }
    for (const [word, docs] of this.recent) {
      if (word.startsWith(term)) for (const doc of docs) hits[doc] = 1;
    }
    return hits;
  }

  private papersWithTag(key: string): Uint8Array {
    const hits = new Uint8Array(this.ids.length);
    this.tags.forEach((tags, doc) => {
      if (tags.some((t) => tagKey(t) === key)) hits[doc] = 1;
    });
    return hits;
  }

  /** Paper numbers (holes left out) in the given order; kept until the next change. */
  private order(sort: LibrarySort): Int32Array {
    let order = this.orders.get(sort);
    if (order) return order;
    const docs = [...this.docOf.values()];
    const { savedAt, publishedAt, upvotes, titleKeys } = this;
    const newestSaved = (a: number, b: number) => savedAt[b]! - savedAt[a]!;
    // Papers without a publication date or upvote count come last, newest saved first.
    const descendingKnownFirst = (values: number[]) => (a: number, b: number) => {
      const x = values[a]!;
      const y = values[b]!;
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? newestSaved(a, b) : Number.isNaN(x) ? 1 : -1;
      return y - x || newestSaved(a, b);
    };
    const compare = {
      savedAt: newestSaved,
      publishedAt: descendingKnownFirst(publishedAt),
      upvotes: descendingKnownFirst(upvotes),
      title: (a: number, b: number) => byCodeUnits(titleKeys[a]!, titleKeys[b]!) || newestSaved(a, b),
    }[sort];
    order = Int32Array.from(docs.sort(compare));
    this.orders.set(sort, order);
    return order;
  }

  private tagCounts(): TagCount[] {
    this.counts ??= tallyTags([...this.docOf.values()].flatMap((doc) => this.tags[doc]!));
    return this.counts;
  }

  /** Renumbers the papers without holes and merges recent words into the sorted list. */
  private compact(): void {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const docs = [...this.docOf.values()].sort((a, b) => a - b);
    docs.forEach((doc, next) => (renumber[doc] = next));
    const pick = <T>(column: T[]) => docs.map((doc) => column[doc]!);

    const merged = new Map<string, number[]>();
    const add = (word: string, doc: number) => {
      const next = renumber[doc]!;
      if (next < 0) return;
      const list = merged.get(word);
      if (list) list.push(next);
      else merged.set(word, [next]);
    };
    this.words.forEach((word, w) => {
      for (let p = this.offsets[w]!; p < this.offsets[w + 1]!; p++) add(word, this.postings[p]!);
    });
    for (const [word, list] of this.recent) for (const doc of list) add(word, doc);

    const words = [...merged.keys()].sort(byCodeUnits);
    const offsets = new Int32Array(words.length + 1);
    let total = 0;
    words.forEach((word, w) => {
      offsets[w] = total;
      total += merged.get(word)!.length;
    });
    offsets[words.length] = total;
    const postings = new Int32Array(total);
    words.forEach((word, w) => postings.set(merged.get(word)!, offsets[w]));

    this.ids = pick(this.ids);
    this.titleKeys = pick(this.titleKeys);
    this.savedAt = pick(this.savedAt);
    this.publishedAt = pick(this.publishedAt);
    this.upvotes = pick(this.upvotes);
    this.tags = pick(this.tags);
    this.docOf.clear();
    this.ids.forEach((id, doc) => this.docOf.set(id!, doc));
    this.words = words;
    this.offsets = offsets;
    this.postings = postings;
    this.recent = new Map();
    this.changed();
  }
}
