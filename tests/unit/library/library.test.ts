// @vitest-environment node
import { PaperNotSavedError } from '@/lib/library/library';
import { LIMITS } from '@/lib/paper/limits';
import { clock, freshLibrary, metadata } from '../helpers';

describe('Library', () => {
  it('saves a paper with its metadata and finds it again', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata(), ['vision']);
    const paper = await library.getPaper('2606.03748');
    expect(paper?.title).toBe('Ultralytics YOLO26: Unified Real-Time End-to-End Vision Models');
    expect(paper?.tags).toEqual(['vision']);
    expect(paper?.github?.stars).toBe(62246);
    expect(await library.countPapers()).toBe(1);
  });

  it('saving again refreshes metadata but keeps tags, note and the date saved', async () => {
    const time = clock();
    const library = freshLibrary(time.now);
    await library.savePaper(metadata(), ['vision']);
    await library.setNote('2606.03748', 'read section 3');
    const savedAt = (await library.getPaper('2606.03748'))!.savedAt;
    time.advance(60_000);
    const again = await library.savePaper(metadata({ upvotes: 40 }), ['detection']);
    expect(again).toMatchObject({ upvotes: 40, note: 'read section 3', tags: ['vision', 'detection'], savedAt });
    expect(again.updatedAt).toBe(savedAt + 60_000);
  });

  it('unsaves a paper and returns it for undo', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata(), ['vision']);
    const removed = await library.unsavePaper('2606.03748');
    expect(removed?.tags).toEqual(['vision']);
    expect(await library.getPaper('2606.03748')).toBeUndefined();
    expect(await library.unsavePaper('2606.03748')).toBeUndefined();
  });

  it('adds tags without duplicates and keeps the spelling the library already uses', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata({ id: '2509.08183', title: 'NeoHorse-1' }), ['LLM']);
    await library.savePaper(metadata());
    await library.addTag('2606.03748', ' llm ');
    await library.addTag('2606.03748', 'LLM');
    expect((await library.getPaper('2606.03748'))?.tags).toEqual(['LLM']);
  });

  it('tagging a paper that is not saved saves it when its metadata is given', async () => {
    const library = freshLibrary();
    await expect(library.addTag('2606.03748', 'vision')).rejects.toBeInstanceOf(PaperNotSavedError);
    const paper = await library.addTag('2606.03748', 'vision', metadata());
    expect(paper.tags).toEqual(['vision']);
    expect(await library.countPapers()).toBe(1);
  });

  it('removes a tag in any spelling and replaces all tags at once', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata(), ['Vision', 'to read']);
    expect((await library.removeTag('2606.03748', 'VISION')).tags).toEqual(['to read']);
    expect((await library.setTags('2606.03748', ['a', 'A', ' b'])).tags).toEqual(['a', 'b']);
  });

  it('refuses to change a paper that is not saved, and changes nothing', async () => {
    const library = freshLibrary();
    await expect(library.setNote('2606.03748', 'x')).rejects.toThrow(/not in your library/);
    await expect(library.removeTag('2606.03748', 'x')).rejects.toBeInstanceOf(PaperNotSavedError);
    expect(await library.countPapers()).toBe(0);
  });

  it('lists newest first, by tag in any spelling, and counts papers per tag', async () => {
    const time = clock();
    const library = freshLibrary(time.now);
    await library.savePaper(metadata({ id: '2601.00001', title: 'First' }), ['LLM', 'agents']);
    time.advance(1000);
    await library.savePaper(metadata({ id: '2601.00002', title: 'Second' }), ['llm']);
    time.advance(1000);
    await library.savePaper(metadata({ id: '2601.00003', title: 'Third' }), ['vision']);

    expect((await library.listPapers()).map((p) => p.title)).toEqual(['Third', 'Second', 'First']);
    expect((await library.listPapers({ tag: 'Llm' })).map((p) => p.title)).toEqual(['Second', 'First']);
    expect((await library.listPapers({ limit: 1 })).map((p) => p.title)).toEqual(['Third']);
    expect(await library.countPerTag()).toEqual([
      { tag: 'LLM', count: 2 },
      { tag: 'agents', count: 1 },
      { tag: 'vision', count: 1 },
    ]);
  });

  it('tells listeners which papers changed, after the change is stored', async () => {
    const library = freshLibrary();
    const heard: string[][] = [];
    library.onChange((ids) => heard.push(ids));
    await library.savePapers([metadata(), metadata({ id: '2601.00002', title: 'Second' })]);
    await library.addTag('2606.03748', 'x');
    await library.unsavePapers(['2601.00002', '2699.99999']);
    expect(heard).toEqual([['2606.03748', '2601.00002'], ['2606.03748'], ['2601.00002']]);
  });

  it('reopens a database the browser closed, losing nothing', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata(), ['vision']);
    library.db.close();
    await library.savePaper(metadata({ id: '2601.00002', title: 'Second' }));
    expect(await library.countPapers()).toBe(2);
    library.db.close();
    expect((await library.getPaper('2606.03748'))?.tags).toEqual(['vision']);
  });

  it('keeps a bulk save whole or not at all', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata());
    const broken = { ...metadata({ id: '2601.00002', title: 'Second' }), id: undefined as unknown as string };
    await expect(library.savePapers([metadata({ id: '2601.00003', title: 'Third' }), broken])).rejects.toThrow();
    expect(await library.countPapers()).toBe(1);
  });

  it('handles tags whose lower case differs in length or script: add, save, filter, rename, delete', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata(), ['İstanbul']);
    await library.savePaper(metadata({ id: '2601.00002', title: 'Second' }));
    expect((await library.addTag('2601.00002', 'i̇stanbul')).tags).toEqual(['İstanbul']);
    expect((await library.listPapers({ tag: 'İSTANBUL' })).map((p) => p.id).sort()).toEqual(['2601.00002', '2606.03748']);
    expect(await library.renameTag('İstanbul', 'Straße')).toBe(2);
    expect((await library.addTag('2606.03748', 'STRASSE')).tags).toEqual(['Straße']);
    expect(await library.deleteTag('strasse')).toBe(2);
    expect(await library.countPerTag()).toEqual([]);
  });

  it('merges look-alike tags: invisible characters and composed or decomposed accents', async () => {
    const library = freshLibrary();
    await library.savePaper(metadata(), ['llm', 'a\u0301']);
    const paper = await library.addTag('2606.03748', 'llm\u200B');
    expect((await library.addTag('2606.03748', '\u00E1')).tags).toEqual(paper.tags);
    expect(paper.tags).toEqual(['llm', '\u00E1']);
  });

  it(`refuses a ${LIMITS.tagsPerPaper + 1}st tag with a clear message and changes nothing`, async () => {
    const library = freshLibrary();
    const tags = Array.from({ length: LIMITS.tagsPerPaper }, (_, i) => `t${i}`);
    await library.savePaper(metadata(), tags);
    await expect(library.addTag('2606.03748', 'one more')).rejects.toThrow(/at most 200 tags/);
    await expect(library.savePapers([metadata()], ['another'])).rejects.toThrow(/at most 200 tags/);
    expect((await library.getPaper('2606.03748'))?.tags).toEqual(tags);
  });

  it('refuses dates out of range at the storage layer, whoever writes', async () => {
    const library = freshLibrary();
    const paper = await library.savePaper(metadata());
    await expect(library.restorePapers([{ ...paper, savedAt: 9e15 }])).rejects.toThrow(/date out of range/);
    await expect(library.db.papers.put({ ...paper, note: 'x'.repeat(LIMITS.note + 1) })).rejects.toThrow(/at most/);
    expect((await library.getPaper(paper.id))?.savedAt).toBe(paper.savedAt);
  });
});
