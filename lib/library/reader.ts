import { tagKey, tallyTags, type TagCount } from '@/lib/paper/tags';
import { reopening } from '@/lib/library/reopen';
import type { LibraryDatabase, PaperRecord } from '@/lib/library/schema';

/**
 * How pages read the library: one small set of reads over the papers table, usable inside live
 * queries (dexie-react-hooks re-runs them when what they read changes). Writes go through the
 * background's messages; nothing outside lib/library touches the tables.
 */
export class LibraryReader {
  constructor(private readonly db: LibraryDatabase) {}

  paper(id: string): Promise<PaperRecord | undefined> {
    return reopening(this.db, () => this.db.papers.get(id));
  }

  /** The saved papers among `ids`, by id. */
  async papers(ids: readonly string[]): Promise<Map<string, PaperRecord>> {
    const found = await reopening(this.db, () => this.db.papers.bulkGet([...ids]));
    return new Map(found.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  }

  /** The newest saved papers, to show the first rows before the whole list is ready. */
  newest(limit: number): Promise<PaperRecord[]> {
    return reopening(this.db, () => this.db.papers.orderBy('savedAt').reverse().limit(limit).toArray());
  }

  count(): Promise<number> {
    return reopening(this.db, () => this.db.papers.count());
  }

  /** Every tag with the number of papers holding it, most used first (index keys only). */
  async tagCounts(): Promise<TagCount[]> {
    return tallyTags((await reopening(this.db, () => this.db.papers.orderBy('tags').keys())).map(String));
  }

  /** The library's tags, one spelling each. */
  async tags(): Promise<string[]> {
    return (await this.tagCounts()).map((t) => t.tag);
  }

  /** Every saved paper, or those with `tag` (any spelling), oldest first: what an export holds. */
  async forExport(tag?: string): Promise<PaperRecord[]> {
    if (tag === undefined) return reopening(this.db, () => this.db.papers.orderBy('savedAt').toArray());
    const key = tagKey(tag);
    const spellings = (await reopening(this.db, () => this.db.papers.orderBy('tags').uniqueKeys())).map(String).filter((s) => tagKey(s) === key);
    if (spellings.length === 0) return [];
    const papers = await reopening(this.db, () => this.db.papers.where('tags').anyOf(spellings).distinct().toArray());
    return papers.sort((a, b) => a.savedAt - b.savedAt);
  }

  /** A number that moves with every write to the library (the change log's newest entry). */
  async revision(): Promise<number> {
    return ((await reopening(this.db, () => this.db.changes.toCollection().lastKey())) as number | undefined) ?? 0;
  }
}
