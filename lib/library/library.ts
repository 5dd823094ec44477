import type { Table } from 'dexie';
import type { Paper, PaperMetadata } from '@/lib/paper/model';
import { fillMetadata, hasDetails, mergeMetadata, newPaper, withDetails } from '@/lib/paper/paper';
import { tagKey, tallyTags, uniqueTags, withoutTag, type TagCount } from '@/lib/paper/tags';
import { reopening } from '@/lib/library/reopen';
import type { LibraryDatabase, PaperRecord } from '@/lib/library/schema';
import { t } from '@/lib/i18n';

export type LibraryChangeListener = (changedIds: string[]) => void;

export class PaperNotSavedError extends Error {
  constructor(id: string) {
    super(t('error_paper_not_saved', id));
    this.name = 'PaperNotSavedError';
  }
}

/** Every tag in the library with the number of papers holding it, most used first. */
export async function countTags(db: LibraryDatabase): Promise<TagCount[]> {
  // Walking the multi-entry index reads keys only, not the papers.
  return tallyTags((await db.papers.orderBy('tags').keys()).map(String));
}

/** Where metadata comes from: a page may fill in what a saved paper lacks, never replace it. */
export type MetadataSource = 'extension' | 'page';

/**
 * The user's library of saved papers. Each method is one user action and runs in one transaction,
 * so an action is kept whole or not at all. Listeners hear about changes after they are committed.
 */
export class Library {
  private readonly listeners = new Set<LibraryChangeListener>();

  constructor(
    readonly db: LibraryDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  onChange(listener: LibraryChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Saves papers (or refreshes their metadata if already saved) and adds `tags` to each. Metadata a
   * page sent only fills in what a saved paper lacks: a page must not rewrite what the user kept.
   */
  async savePapers(papers: PaperMetadata[], tags: string[] = [], source: MetadataSource = 'extension'): Promise<Paper[]> {
    // A placeholder (a paper that came through sync) takes whatever metadata arrives first.
    const refresh = (old: Paper, fresh: PaperMetadata) =>
      old.detailsPending && hasDetails(fresh) ? withDetails(old, fresh) : source === 'page' ? fillMetadata(old, fresh) : mergeMetadata(old, fresh);
    const saved = await this.write(async (table) => {
      const spelled = await this.librarySpelling(table, tags);
      const existing = await table.bulkGet(papers.map((p) => p.id));
      const now = this.now();
      const records = papers.map((metadata, i) => {
        const old = existing[i];
        const paper: Paper = old
          ? { ...refresh(old, metadata), tags: uniqueTags([...old.tags, ...spelled]), updatedAt: now }
          : newPaper(metadata, now, spelled);
        return paper;
      });
      await table.bulkPut(records);
      return records;
    });
    this.emit(saved.map((p) => p.id));
    return saved;
  }

  async savePaper(metadata: PaperMetadata, tags: string[] = []): Promise<Paper> {
    const [paper] = await this.savePapers([metadata], tags);
    return paper!;
  }

  /** Removes papers from the library; returns them as they were (for Undo). */
  async unsavePapers(ids: string[]): Promise<Paper[]> {
    const removed = await this.write(async (table) => {
      const records = (await table.bulkGet(ids)).filter((r): r is PaperRecord => r !== undefined);
      await table.bulkDelete(records.map((r) => r.id));
      return records;
    });
    this.emit(removed.map((p) => p.id));
    return removed;
  }

  /** Puts papers back exactly as they were (Undo after a removal). */
  async restorePapers(papers: Paper[]): Promise<number> {
    await this.write((table) => table.bulkPut(papers));
    this.emit(papers.map((p) => p.id));
    return papers.length;
  }

  async unsavePaper(id: string): Promise<Paper | undefined> {
    const [paper] = await this.unsavePapers([id]);
    return paper;
  }

  /** Replaces a saved paper's tags. */
  async setTags(id: string, tags: string[]): Promise<Paper> {
    return this.update(id, (paper, spelled) => ({ ...paper, tags: spelled }), tags);
  }

  /**
   * Adds a tag. A paper that is not saved yet is saved with `metadata` first, since tagging a paper
   * is a way of keeping it.
   */
  async addTag(id: string, tag: string, metadata?: PaperMetadata): Promise<Paper> {
    const paper = await this.write(async (table) => {
      const [spelled] = await this.librarySpelling(table, [tag]);
      const old = await table.get(id);
      const now = this.now();
      let paper: Paper;
      if (old) {
        const known = old.detailsPending && metadata && hasDetails(metadata) ? withDetails(old, metadata) : old;
        paper = { ...known, tags: uniqueTags([...old.tags, ...(spelled ? [spelled] : [])]), updatedAt: now };
      }
      else if (metadata) paper = newPaper(metadata, now, spelled ? [spelled] : []);
      else throw new PaperNotSavedError(id);
      await table.put(paper);
      return paper;
    });
    this.emit([id]);
    return paper;
  }

  async removeTag(id: string, tag: string): Promise<Paper> {
    return this.update(id, (paper) => ({ ...paper, tags: withoutTag(paper.tags, tag) }));
  }

  /** Takes one tag off several papers at once. */
  async removeTagFromPapers(ids: string[], tag: string): Promise<number> {
    const changed = await this.write(async (table) => {
      const records = (await table.bulkGet(ids)).filter((r): r is PaperRecord => r !== undefined && r.tags.some((t) => tagKey(t) === tagKey(tag)));
      const now = this.now();
      await table.bulkPut(records.map((r) => ({ ...r, tags: withoutTag(r.tags, tag), updatedAt: now })));
      return records.map((r) => r.id);
    });
    this.emit(changed);
    return changed.length;
  }

  /**
   * Renames a tag on every paper; renaming onto a tag that exists merges the two (a paper holding
   * both keeps one).
   */
  async renameTag(from: string, to: string): Promise<number> {
    return this.retag(from, (tags) => uniqueTags(tags.map((t) => (tagKey(t) === tagKey(from) ? to : t))), to);
  }

  /** Takes a tag off every paper; the papers and their other tags stay. */
  async deleteTag(tag: string): Promise<number> {
    return this.retag(tag, (tags) => withoutTag(tags, tag));
  }

  private async retag(tag: string, change: (tags: string[]) => string[], newTag?: string): Promise<number> {
    const changed = await this.write(async (table) => {
      const records = await this.papersWithTag(table, tag);
      // The new name takes the spelling the library already uses for it, if any; renaming "llm" to
      // "LLM" is a change of spelling and takes the new one.
      const respelling = newTag !== undefined && tagKey(newTag) === tagKey(tag);
      const [spelled] = newTag === undefined ? [] : respelling ? uniqueTags([newTag]) : await this.librarySpelling(table, [newTag]);
      const now = this.now();
      const updated = records.map((r) => {
        const tags = change(r.tags).map((t) => (spelled && tagKey(t) === tagKey(spelled) ? spelled : t));
        return { ...r, tags: uniqueTags(tags), updatedAt: now };
      });
      await table.bulkPut(updated);
      return updated.map((r) => r.id);
    });
    this.emit(changed);
    return changed.length;
  }

  /**
   * Writes an import's new and merged papers in one transaction: all of them or, if anything
   * fails, none. `onProgress` hears how many are written as it goes.
   */
  async importPapers(papers: Paper[], onProgress?: (written: number, total: number) => void): Promise<number> {
    const CHUNK = 1000;
    await this.write(async (table) => {
      for (let i = 0; i < papers.length; i += CHUNK) {
        await table.bulkPut(papers.slice(i, i + CHUNK));
        onProgress?.(Math.min(i + CHUNK, papers.length), papers.length);
      }
    });
    this.emit(papers.map((p) => p.id));
    return papers.length;
  }

  /** Every saved paper, or those with `tag`, oldest first, for export. */
  async allPapers(tag?: string): Promise<Paper[]> {
    return (await this.listPapers({ tag })).reverse();
  }

  /** Empties the library. */
  async deleteAll(): Promise<void> {
    const ids = await this.db.papers.toCollection().primaryKeys();
    await this.write((table) => table.clear());
    this.emit(ids);
  }

  /**
   * Runs `body` as one action over the papers and `tables` (sync applies what another browser did
   * this way, together with its own records); listeners hear of the papers `body` says it changed.
   */
  async writeWith<T>(tables: Table[], body: () => Promise<{ result: T; changed: string[] }>): Promise<T> {
    const { result, changed } = await this.reopening(() => this.db.transaction('rw', [this.db.papers, ...tables], body));
    this.emit(changed);
    return result;
  }

  async setNote(id: string, note: string): Promise<Paper> {
    return this.update(id, (paper) => ({ ...paper, note }));
  }

  async getPaper(id: string): Promise<Paper | undefined> {
    const record = await this.reopening(() => this.db.papers.get(id));
    return record;
  }

  /** The saved papers among `ids`, in no particular order. */
  async getPapers(ids: string[]): Promise<Paper[]> {
    const records = await this.reopening(() => this.db.papers.bulkGet(ids));
    return records.filter((r): r is PaperRecord => r !== undefined);
  }

  /** Saved papers, newest first; only those with `tag` (any spelling) when given. */
  async listPapers(options: { tag?: string; limit?: number } = {}): Promise<Paper[]> {
    const limit = options.limit ?? Infinity;
    if (options.tag !== undefined) {
      const tag = options.tag;
      const records = await this.reopening(() => this.db.transaction('r', this.db.papers, () => this.papersWithTag(this.db.papers, tag)));
      return records
        .sort((a, b) => b.savedAt - a.savedAt)
        .slice(0, limit);
    }
    const records = await this.db.papers.orderBy('savedAt').reverse().limit(limit).toArray();
    return records;
  }

  async countPapers(): Promise<number> {
    return this.reopening(() => this.db.papers.count());
  }

  async countPerTag(): Promise<TagCount[]> {
    return this.reopening(() => countTags(this.db));
  }

  /** Changes one saved paper; `tags`, when given, reach `change` in the library's spelling. */
  private async update(id: string, change: (paper: Paper, spelledTags: string[]) => Paper, tags: string[] = []): Promise<Paper> {
    const paper = await this.write(async (table) => {
      const spelled = await this.librarySpelling(table, tags, id);
      const old = await table.get(id);
      if (!old) throw new PaperNotSavedError(id);
      const updated = { ...change(old, spelled), updatedAt: this.now() };
      await table.put(updated);
      return updated;
    });
    this.emit([id]);
    return paper;
  }

  /**
   * Tags keep the spelling the library already uses ("llm" becomes "LLM" if another paper has "LLM"),
   * so one tag never splits into two. Reads the distinct tags of the index only, and matches them on
   * the tag key: a case-insensitive key range cannot hold tags whose lower case differs in length.
   */
  // Deliberately not `async`: a native async function that finishes without awaiting Dexie makes
  // Dexie lose track of the transaction (PrematureCommitError); a Dexie promise chain does not.
  private librarySpelling(table: Table<PaperRecord, string>, tags: string[], exceptId?: string): PromiseLike<string[]> {
    const wanted = uniqueTags(tags);
    return this.spellingsOf(table, wanted).then((known) => {
      // A spelling held only by the paper being changed is not the library's: the user may re-spell it.
      const checks = [...known.entries()].map(([key, spelling]) =>
        exceptId === undefined
          ? [key, true] as const
          : table
              .where('tags')
              .equals(spelling)
              .limit(2)
              .primaryKeys()
              .then((holders) => [key, holders.some((id) => id !== exceptId)] as const),
      );
      return Promise.all(checks).then((results) => {
        const library = new Map(results.filter(([, kept]) => kept).map(([key]) => [key, known.get(key)!]));
        return uniqueTags(wanted.map((tag) => library.get(tagKey(tag)) ?? tag));
      });
    });
  }

  /** The library's spelling of each of `tags` it already holds, by tag key. */
  private spellingsOf(table: Table<PaperRecord, string>, tags: string[]): PromiseLike<Map<string, string>> {
    const keys = new Set(tags.map(tagKey));
    if (keys.size === 0) return Promise.resolve(new Map());
    return table
      .orderBy('tags')
      .uniqueKeys()
      .then((all) => {
        const known = new Map<string, string>();
        for (const raw of all) {
          const spelling = String(raw);
          const key = tagKey(spelling);
          if (keys.has(key) && !known.has(key)) known.set(key, spelling);
        }
        return known;
      });
  }

  /** Papers holding `tag` in any spelling. */
  private papersWithTag(table: Table<PaperRecord, string>, tag: string): PromiseLike<PaperRecord[]> {
    const key = tagKey(tag);
    return table
      .orderBy('tags')
      .uniqueKeys()
      .then((all) => {
        const spellings = all.map(String).filter((spelling) => tagKey(spelling) === key);
        return spellings.length === 0 ? [] : table.where('tags').anyOf(spellings).distinct().toArray();
      });
  }

  private write<T>(body: (table: Table<PaperRecord, string>) => Promise<T>): Promise<T> {
    return this.reopening(() => this.db.transaction('rw', this.db.papers, () => body(this.db.papers)));
  }

  private reopening<T>(action: () => Promise<T>): Promise<T> {
    return reopening(this.db, action);
  }

  private emit(ids: string[]) {
    if (ids.length === 0) return;
    for (const listener of this.listeners) listener(ids);
  }
}
