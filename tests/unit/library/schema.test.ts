import Dexie from 'dexie';
import { createLibraryDatabase, LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '@/lib/library/schema';
import { Library } from '@/lib/library/library';
import { backupJson, parseBackup } from '@/lib/export/backup';
import { isSaneTime, LIMITS } from '@/lib/paper/limits';
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

  it('brings papers stored before the limits were enforced within them, losing no tag', async () => {
    const name = freshDatabaseName();
    const old = createLibraryDatabase(name, 4);
    const tags = ['llm', 'LLM\u200B', ...Array.from({ length: 204 }, (_, i) => `tag ${i}`)];
    const broken = { ...newPaper(metadata(), 1_700_000_000_000, tags), note: 'mine', savedAt: 9e15 };
    await old.open();
    old.close();
    // Written as an older PaperShelf did, before the limits were enforced.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('papers', 'readwrite');
        tx.objectStore('papers').put(broken);
        tx.oncomplete = () => (open.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });

    const db = createLibraryDatabase(name);
    const library = new Library(db);
    const [repaired] = await library.allPapers();
    expect(repaired!.tags).toHaveLength(LIMITS.tagsPerPaper);
    expect(repaired!.tags.slice(0, 2)).toEqual(['llm', 'tag 0']);
    expect(repaired!.note).toBe(`mine\n\nTags beyond the 200 a paper can hold, kept here: tag 199, tag 200, tag 201, tag 202, tag 203`);
    expect(isSaneTime(repaired!.savedAt)).toBe(true);
    expect(parseBackup(backupJson([repaired!]))).toMatchObject({ ok: true });
    // and it can be changed again
    expect((await library.removeTag(repaired!.id, 'tag 0')).tags).toHaveLength(LIMITS.tagsPerPaper - 1);
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
