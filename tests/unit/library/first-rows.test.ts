// @vitest-environment node
import { FIRST_PAGE, readFirstRows } from '@/lib/library/first-rows';
import { createLibraryDatabase, LATEST_SCHEMA_VERSION } from '@/lib/library/schema';
import { newPaper } from '@/lib/paper/paper';
import { manyPapers } from '../../fixtures/hf/markup';
import { freshDatabaseName } from '../helpers';

/** `count` papers saved a minute apart, in an order that is not the order they were saved in. */
function savedPapers(count: number) {
  const papers = manyPapers(count).map((p, i) => newPaper({ id: p.id, title: p.title, summary: p.summary, authors: p.authors }, Date.UTC(2026, 10, 1) + i * 60_000, i % 2 ? ['LLM'] : []));
  return [...papers.filter((_, i) => i % 2), ...papers.filter((_, i) => i % 2 === 0)];
}

async function libraryWith(papers: ReturnType<typeof savedPapers>, version?: number) {
  const name = freshDatabaseName();
  const db = createLibraryDatabase(name, version);
  await db.table('papers').bulkAdd(papers);
  db.close();
  return name;
}

const newestFirst = (papers: ReturnType<typeof savedPapers>) => [...papers].sort((a, b) => b.savedAt - a.savedAt);

describe('the first rows, read before the popup loads its code', () => {
  it('are the newest saved papers, newest first, a page of them, as the library stores them', async () => {
    const papers = savedPapers(45);
    const rows = readFirstRows(indexedDB, FIRST_PAGE, await libraryWith(papers));
    expect(rows.read()).toBeUndefined();
    const read = await rows.reading;
    expect(read).toHaveLength(FIRST_PAGE);
    expect(read).toEqual(newestFirst(papers).slice(0, FIRST_PAGE));
    expect(rows.read()).toBe(read);
  });

  it('are read the same where the browser cannot read the newest in one request', async () => {
    const papers = savedPapers(12);
    const name = await libraryWith(papers);
    const proto = IDBIndex.prototype as { getAllRecords?: unknown };
    const getAllRecords = proto.getAllRecords;
    expect(getAllRecords).toBeTypeOf('function');
    delete proto.getAllRecords;
    try {
      expect(await readFirstRows(indexedDB, 5, name).reading).toEqual(newestFirst(papers).slice(0, 5));
      expect(await readFirstRows(indexedDB, FIRST_PAGE, name).reading).toEqual(newestFirst(papers));
    } finally {
      proto.getAllRecords = getAllRecords;
    }
  });

  it('are none in an empty library, so the popup can say it is empty', async () => {
    expect(await readFirstRows(indexedDB, FIRST_PAGE, await libraryWith([])).reading).toEqual([]);
  });

  it('leave a browser with no library yet without one, for the library to make with its schema', async () => {
    const name = freshDatabaseName();
    const rows = readFirstRows(indexedDB, FIRST_PAGE, name);
    expect(await rows.reading).toBeUndefined();
    expect(rows.read()).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);

    const db = createLibraryDatabase(name);
    await db.papers.add(savedPapers(1)[0]!);
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(await db.papers.count()).toBe(1);
    db.close();
  });

  it('are read from a library of an older version, which then upgrades as before', async () => {
    const papers = savedPapers(8);
    const name = await libraryWith(papers, 1);
    expect(await readFirstRows(indexedDB, FIRST_PAGE, name).reading).toEqual(newestFirst(papers));
    const db = createLibraryDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(await db.papers.count()).toBe(papers.length);
    db.close();
  });
});
