import Dexie from 'dexie';
import { createLibraryDatabase, LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '@/lib/library/schema';
import { Library } from '@/lib/library/library';
import { newPaper } from '@/lib/paper/paper';
import { inProcessFinder } from '@/lib/search/finder';
import { freshDatabaseName, metadata } from '../helpers';

function papersAtVersion1(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const id = `2601.${String(10000 + i)}`;
    return newPaper(metadata({ id, title: `Paper ${i} on diffusion` }), 1_700_000_000_000 + i, i % 3 === 0 ? ['LLM'] : ['vision']);
  });
}

describe('library schema', () => {
  it('lists every version in order, each newer than the last', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(LATEST_SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('upgrades a version 1 library without losing a paper, a tag or a note', async () => {
    const name = freshDatabaseName();
    const old = createLibraryDatabase(name, 1);
    const papers = papersAtVersion1(2000);
    papers[5]!.note = 'Compare with DiT';
    await old.table('papers').bulkAdd(papers);
    old.close();

    const db = createLibraryDatabase(name);
    const library = new Library(db);
    expect(db.isOpen()).toBe(false);
    expect(await library.countPapers()).toBe(2000);
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    const upgraded = await db.papers.toArray();
    expect(upgraded.map((p) => p.id).sort()).toEqual(papers.map((p) => p.id).sort());
    expect((await library.listPapers({ tag: 'llm' })).length).toBe(papers.filter((p) => p.tags.includes('LLM')).length);
    expect((await library.getPaper('2601.10005'))?.note).toBe('Compare with DiT');
    // the upgraded library is searchable
    const found = await inProcessFinder(db).find({ text: 'diffus', tags: ['llm'], sort: 'savedAt' });
    expect(found.ids).toHaveLength(papers.filter((p) => p.tags.includes('LLM')).length);
    expect(found.total).toBe(2000);
    db.close();
  });

  it('opens an empty new database at the newest version', async () => {
    const name = freshDatabaseName();
    const db = createLibraryDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    expect(await Dexie.exists(name)).toBe(true);
  });
});
