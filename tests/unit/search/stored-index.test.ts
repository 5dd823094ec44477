// @vitest-environment node
import Dexie from 'dexie';
import { FIRST_ROWS, inProcessFinder } from '@/lib/search/finder';
import { LibraryIndex } from '@/lib/search/library-index';
import { SEARCH_INDEX_FORMAT, StoredLibraryIndex } from '@/lib/search/stored-index';
import { clock, freshLibrary, metadata } from '../helpers';

const everything = { text: '', tags: [], sort: 'savedAt' as const };

describe('the change log', () => {
  it('records each committed library action with the papers it changed', async () => {
    const library = freshLibrary();
    await library.savePapers([metadata({ id: '2601.00001' }), metadata({ id: '2601.00002' })]);
    await library.addTag('2601.00001', 'LLM');
    await library.unsavePaper('2601.00002');
    await library.deleteAll();
    const log = await library.db.changes.toArray();
    expect(log.map((c) => c.ids)).toEqual([['2601.00001', '2601.00002'], ['2601.00001'], ['2601.00002'], null]);
  });

  it('leaves no entry for a write that was rolled back', async () => {
    const library = freshLibrary();
    const { db } = library;
    const saved = await library.savePaper(metadata());
    await expect(
      db.transaction('rw', db.papers, async () => {
        await db.papers.put({ ...saved, id: '2601.99999' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await db.changes.toArray()).map((c) => c.ids)).toEqual([['2606.03748']]);
  });
});

describe('the stored library index', () => {
  it('answers with every change made since it was built, by anyone', async () => {
    const library = freshLibrary();
    const index = new StoredLibraryIndex(library.db);
    expect((await index.find(everything)).ids).toEqual([]);
    await library.savePaper(metadata({ id: '2601.00001', title: 'Sparse Attention Everywhere' }), ['LLM']);
    expect((await index.find({ ...everything, text: 'spar' })).ids).toEqual(['2601.00001']);
    await library.setNote('2601.00001', 'ablation on heads');
    expect((await index.find({ ...everything, text: 'ablat' })).ids).toEqual(['2601.00001']);
    await library.unsavePaper('2601.00001');
    expect((await index.find(everything)).total).toBe(0);
  });

  it('opens from its saved copy, catches up with later changes, and keeps the log short', async () => {
    const library = freshLibrary();
    await library.savePapers([metadata({ id: '2601.00001', title: 'First' }), metadata({ id: '2601.00002', title: 'Second' })]);
    const first = new StoredLibraryIndex(library.db);
    await first.find(everything);
    await first.save();
    expect(await library.db.changes.count()).toBe(1);
    await library.savePaper(metadata({ id: '2601.00003', title: 'Third' }));
    await library.unsavePaper('2601.00001');

    // A damaged library would show here: the papers are now only readable through the saved index and the log.
    const read = vi.spyOn(library.db.papers, 'toArray');
    const second = new StoredLibraryIndex(library.db);
    expect((await second.find({ ...everything, sort: 'title' })).ids).toEqual(['2601.00002', '2601.00003']);
    expect(read).not.toHaveBeenCalled();
    await second.save();
    expect(await library.db.changes.count()).toBe(1);
  });

  it('skips the log when told of no change it has not seen, and reads it when told of one', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata({ id: '2601.00001' }));
    const index = new StoredLibraryIndex(library.db);
    await index.find(everything);
    const readLog = vi.spyOn(library.db.changes, 'where');
    expect((await index.find({ ...everything, text: 'yolo' }, 1)).ids).toEqual(['2601.00001']);
    expect(readLog).not.toHaveBeenCalled();
    await library.savePaper(metadata({ id: '2601.00002' }));
    expect((await index.find({ ...everything, text: 'yolo' }, 2)).ids).toEqual(['2601.00002', '2601.00001']);
    expect(readLog).toHaveBeenCalled();
  });

  it('keeps a newer saved index over an older one saved later', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata({ id: '2601.00001' }));
    const slow = new StoredLibraryIndex(library.db);
    await slow.find(everything);
    await library.savePaper(metadata({ id: '2601.00002' }));
    const quick = new StoredLibraryIndex(library.db);
    await quick.find(everything);
    await quick.save();
    await slow.save();
    const fresh = new StoredLibraryIndex(library.db);
    expect((await fresh.find(everything)).total).toBe(2);
    expect((await library.db.searchIndex.get('library'))?.seq).toBe(2);
  });

  it('rebuilds from the library when the saved index is damaged or the library was emptied', async () => {
    const library = freshLibrary();
    await library.savePapers([metadata({ id: '2601.00001' }), metadata({ id: '2601.00002' })]);
    const index = new StoredLibraryIndex(library.db);
    await index.find(everything);
    await index.save();
    await library.db.searchIndex.update('library', { data: { ids: ['x'] } });
    expect((await new StoredLibraryIndex(library.db).find(everything)).total).toBe(2);
    await library.deleteAll();
    expect((await index.find(everything)).ids).toEqual([]);
  });

  it('saves in the current format and reads it back with every field of every paper', async () => {
    const library = freshLibrary();
    await library.savePaper(
      metadata({ id: '2601.00001', title: 'Agents', summary: `${'Tool use by language agents. '.repeat(40)}Also RAG.`, authors: ['Jörg Müller'] }),
      ['To Read'],
    );
    const first = new StoredLibraryIndex(library.db);
    await first.find(everything);
    await first.save();
    expect(await library.db.searchIndex.get('library')).toMatchObject({ format: SEARCH_INDEX_FORMAT, seq: 1 });

    const read = vi.spyOn(library.db.papers, 'toArray');
    const second = new StoredLibraryIndex(library.db);
    for (const text of ['rag', 'muller', 'read', 'agnets']) expect((await second.find({ ...everything, text })).ids).toEqual(['2601.00001']);
    expect(read).not.toHaveBeenCalled();
  });

  it('rebuilds a saved index of an older format, then saves it in the current one', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata({ id: '2601.00001', title: 'Agents', summary: `${'Tool use by language agents. '.repeat(40)}Also RAG.` }));
    // What format 1 saved: abstract words of four letters and up only, one number a posting.
    await library.db.searchIndex.put({
      key: 'library',
      format: 1,
      seq: 1,
      data: {
        ids: ['2601.00001'], titleKeys: ['agents'], savedAt: [1], publishedAt: [NaN], upvotes: [NaN], tags: [[]],
        words: ['agents', 'language', 'tool'], offsets: Int32Array.from([0, 1, 2, 3]), postings: Int32Array.from([0, 0, 0]),
      },
    });
    const read = vi.spyOn(library.db.papers, 'toArray');
    const index = new StoredLibraryIndex(library.db);
    expect((await index.find({ ...everything, text: 'rag' })).ids).toEqual(['2601.00001']);
    expect(read).toHaveBeenCalled();
    await index.save();
    expect(await library.db.searchIndex.get('library')).toMatchObject({ format: SEARCH_INDEX_FORMAT, seq: 1 });

    // The format number alone decides, even for data that would load.
    const withoutAbstract = LibraryIndex.build([{ ...(await library.getPaper('2601.00001'))!, summary: '' }]).toSnapshot();
    await library.db.searchIndex.put({ key: 'library', format: SEARCH_INDEX_FORMAT - 1, seq: 1, data: withoutAbstract });
    expect((await new StoredLibraryIndex(library.db).find({ ...everything, text: 'rag' })).ids).toEqual(['2601.00001']);
  });

  it('answers through the finder with the first rows papers, read once while the library stays as it was', async () => {
    const time = clock();
    const library = freshLibrary(time.now);
    const count = FIRST_ROWS + 5;
    for (let n = 1; n <= count; n++) {
      time.advance(1000);
      await library.savePaper(metadata({ id: `2601.${String(n).padStart(5, '0')}`, title: `Paper ${n}` }));
    }
    const finder = inProcessFinder(library.db);
    const answer = await finder.find(everything, count);
    expect(answer.ids).toHaveLength(count);
    expect(answer.firstPapers.map((p) => p.id)).toEqual(answer.ids.slice(0, FIRST_ROWS));
    expect(answer.firstPapers[0]).toMatchObject({ id: `2601.${String(count).padStart(5, '0')}`, title: `Paper ${count}` });

    const read = vi.spyOn(library.db.papers, 'bulkGet');
    const byTitle = await finder.find({ ...everything, sort: 'title' }, count);
    expect(byTitle.firstPapers.map((p) => p.id)).toEqual(byTitle.ids.slice(0, FIRST_ROWS));
    // Only the papers that were not among the first rows before are read.
    const before = new Set(answer.ids.slice(0, FIRST_ROWS));
    expect(read).toHaveBeenCalledExactlyOnceWith(byTitle.ids.slice(0, FIRST_ROWS).filter((id) => !before.has(id)));
    await finder.find(everything, count);
    expect(read).toHaveBeenCalledTimes(1);
    await library.setNote('2601.00001', 'changed');
    const changed = await finder.find({ ...everything, sort: 'title' }, count + 1);
    expect(changed.firstPapers.find((p) => p.id === '2601.00001')?.note).toBe('changed');
  });

  it('saves a short while after answering, through the finder', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata());
    const finder = inProcessFinder(library.db, 0);
    await finder.find(everything);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await finder.saved();
    expect(await library.db.searchIndex.count()).toBe(1);
  });

  it('reopens the database when the browser closed it', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata());
    const index = new StoredLibraryIndex(library.db);
    await index.find(everything);
    library.db.close();
    await expect(library.db.papers.count()).rejects.toBeInstanceOf(Dexie.DatabaseClosedError);
    expect((await index.find(everything)).total).toBe(1);
  });
});
