// @vitest-environment node
import { createLibraryDatabase, LATEST_SCHEMA_VERSION } from '@/lib/library/schema';
import { newPaper } from '@/lib/paper/paper';
import { freshDatabaseName, metadata } from '../helpers';

describe('schema version 7 (sync)', () => {
  it('upgrades a version 6 library with its papers, marks and model, and empty sync tables', async () => {
    const name = freshDatabaseName();
    const old = createLibraryDatabase(name, 6);
    const papers = Array.from({ length: 3000 }, (_, i) => newPaper(metadata({ id: `2601.${10000 + i}`, title: `Paper ${i}` }), 1_700_000_000_000 + i, i % 2 ? ['LLM'] : []));
    await old.table('papers').bulkAdd(papers);
    await old.table('notInterested').bulkAdd([{ id: '2602.00001', paper: metadata({ id: '2602.00001' }), at: 1_700_000_000_000 }]);
    await old.table('relevance').put({ key: 'model', librarySeq: 4, trainedAt: 1, model: { weights: [1, 2] } });
    old.close();

    const db = createLibraryDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(7);
    expect(await db.papers.count()).toBe(3000);
    expect(await db.papers.where('tags').equals('LLM').count()).toBe(1500);
    expect(await db.notInterested.get('2602.00001')).toMatchObject({ at: 1_700_000_000_000 });
    expect(await db.relevance.get('model')).toMatchObject({ librarySeq: 4 });
    for (const table of [db.syncPapers, db.syncMarks, db.syncSettings, db.changeReaders, db.paperDetails]) expect(await table.count()).toBe(0);
    await db.paperDetails.bulkPut([
      { id: '2401.00001', kind: 'paper', due: 5, savedAt: 1, attempts: 0 },
      { id: '2401.00002', kind: 'paper', due: 2, savedAt: 1, attempts: 0 },
    ]);
    expect((await db.paperDetails.orderBy('due').first())?.id).toBe('2401.00002');
    db.close();
  });
});
