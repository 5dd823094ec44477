import { paperWords, queryWords } from '@/lib/library/search-words';
import type { Paper } from '@/lib/paper/model';
import { tagKey, tallyTags, type TagCount } from '@/lib/paper/tags';
import { packPostings, posting, postingDoc, raiseWeights, unpackPostings } from '@/lib/search/postings';
import { allowedEdits, byCodeUnits, closeWords, prefixRange } from '@/lib/search/sorted-words';

/** "relevance": papers where the words typed are in the title first (see FIELD_WEIGHT), then newest saved. */
export type LibrarySort = 'relevance' | 'savedAt' | 'publishedAt' | 'upvotes' | 'title';

export interface LibraryQuery {
  /**
   * Words to find in title, abstract, authors, organization, tags and note; each word as the start
   * of a word, all of them. A word that starts no word in the library finds close ones instead.
   */
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
  /** Some word typed starts no word in the library, and words close to it were searched instead. */
  approximate: boolean;
}

function* range(from: number, to: number): Iterable<number> {
  for (let i = from; i < to; i++) yield i;
}

export type IndexedPaper = Pick<Paper, 'id' | 'title' | 'summary' | 'authors' | 'organization' | 'tags' | 'note' | 'savedAt' | 'publishedAt' | 'upvotes'>;

/**
 * The index in a form that is quick to store and load: columns per paper, and the words as one
 * sorted list with their papers packed in two typed arrays (no parsing, no per-word objects).
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
  /** Papers of words[i], with the field each has it in, packed in postings[offsets[i]] up to postings[offsets[i + 1]] (see postings.ts). */
  offsets: Int32Array;
  postings: Uint8Array;
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
  private offsets: Int32Array = new Int32Array(1);
  private postings: Uint8Array = new Uint8Array(0);
  /** Words of papers added since the last compaction, with their postings unpacked. */
  private recent = new Map<string, number[]>();
  /** Room to unpack one word's postings (at most one a paper), kept between queries. */
  private unpacked = new Int32Array(0);
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
    const packed = offsets instanceof Int32Array && postings instanceof Uint8Array;
    if (lengths.some((n) => n !== ids.length) || !packed || offsets.length !== words.length + 1 || offsets[words.length] !== postings.length) {
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
    for (const [word, weight] of paperWords(paper)) {
      const docs = this.recent.get(word);
      if (docs) docs.push(posting(doc, weight));
      else this.recent.set(word, [posting(doc, weight)]);
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
    // A paper's score: the sum, over the words typed, of the best field each is in; 0 leaves it out.
    let scores: Uint32Array | undefined;
    const narrow = (weights: Uint8Array) => {
      if (!scores) scores = new Uint32Array(weights);
      else for (let doc = 0; doc < weights.length; doc++) scores[doc] = scores[doc] && weights[doc] ? scores[doc]! + weights[doc]! : 0;
    };
    let approximate = false;
    for (const term of queryWords(query.text)) {
      let weights = this.weightsOfPrefix(term);
      if (!weights) {
        weights = this.weightsOfCloseWords(term);
        approximate ||= weights !== undefined;
      }
      narrow(weights ?? new Uint8Array(this.ids.length));
    }
    for (const tag of new Set(query.tags.map(tagKey))) narrow(this.papersWithTag(tag));
    const order = this.order(query.sort);
    const ids = scores && query.sort === 'relevance' ? this.byScore(order, scores) : this.filtered(order, scores);
    return { ids, total: this.size, tagCounts: this.tagCounts(), approximate };
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

  /** Per paper, the best field weight of a word starting with `term`; undefined when no paper has one. */
  private weightsOfPrefix(term: string): Uint8Array | undefined {
    const [first, end] = prefixRange(this.words, term);
    return this.weightsOf(range(first, end), (word) => word.startsWith(term));
  }

  /** The same for the words within a typo or two of `term` (see allowedEdits). */
  private weightsOfCloseWords(term: string): Uint8Array | undefined {
    const edits = allowedEdits(term);
    if (edits === 0) return undefined;
    const close = (word: string) => Math.abs(word.length - term.length) <= edits && closeWords([word], term, edits).length > 0;
    return this.weightsOf(closeWords(this.words, term, edits), close);
  }

  /**
   * Per paper, the best field weight among the words at positions `found` of the sorted list and the
   * recent words that `matches` accepts; undefined when no paper in the library has one.
   */
  private weightsOf(found: Iterable<number>, matches: (word: string) => boolean): Uint8Array | undefined {
    const weights = new Uint8Array(this.ids.length);
    if (this.unpacked.length < this.ids.length) this.unpacked = new Int32Array(this.ids.length);
    const { unpacked } = this;
    for (const w of found) raiseWeights(unpacked, unpackPostings(this.postings, this.offsets[w]!, this.offsets[w + 1]!, unpacked), weights);
    for (const [word, list] of this.recent) if (matches(word)) raiseWeights(list, list.length, weights);
    return this.anyPaper(weights) ? weights : undefined;
  }

  /** Whether any paper still in the library has a weight (a removed one's words stay until compaction). */
  private anyPaper(weights: Uint8Array): boolean {
    for (let doc = 0; doc < weights.length; doc++) if (weights[doc] && this.ids[doc] !== undefined) return true;
    return false;
  }

  private filtered(order: Int32Array, scores: Uint32Array | undefined): string[] {
    const ids: string[] = [];
    for (const doc of order) if (!scores || scores[doc]) ids.push(this.ids[doc]!);
    return ids;
  }

  /** The papers with a score, highest first, keeping `order` among equal scores (a counting sort: scores are small). */
  private byScore(order: Int32Array, scores: Uint32Array): string[] {
    let top = 0;
    for (const doc of order) if (scores[doc]! > top) top = scores[doc]!;
    const starts = new Int32Array(top + 2);
    for (const doc of order) if (scores[doc]) starts[top - scores[doc]! + 1]!++;
    for (let s = 1; s < starts.length; s++) starts[s]! += starts[s - 1]!;
    const ids = new Array<string>(starts[top + 1]!);
    for (const doc of order) if (scores[doc]) ids[starts[top - scores[doc]!]!++] = this.ids[doc]!;
    return ids;
  }

  private papersWithTag(key: string): Uint8Array {
    const hits = new Uint8Array(this.ids.length);
    this.tags.forEach((tags, doc) => {
      if (tags.some((t) => tagKey(t) === key)) hits[doc] = 1;
    });
    return hits;
  }

  /** Paper numbers (holes left out) in the given order; kept until the next change. */
  private order(asked: LibrarySort): Int32Array {
    // Relevance orders by score first (see byScore), and by date saved among equal scores.
    const sort = asked === 'relevance' ? 'savedAt' : asked;
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
    const add = (word: string, value: number) => {
      const next = renumber[postingDoc(value)]!;
      if (next < 0) return;
      const renumbered = value + (next - postingDoc(value)) * 4;
      const list = merged.get(word);
      if (list) list.push(renumbered);
      else merged.set(word, [renumbered]);
    };
    const unpacked = new Int32Array(this.ids.length);
    this.words.forEach((word, w) => {
      const count = unpackPostings(this.postings, this.offsets[w]!, this.offsets[w + 1]!, unpacked);
      for (let i = 0; i < count; i++) add(word, unpacked[i]!);
    });
    for (const [word, list] of this.recent) for (const value of list) add(word, value);

    const words = [...merged.keys()].sort(byCodeUnits);
    const { offsets, postings } = packPostings(words.map((word) => merged.get(word)!));

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
