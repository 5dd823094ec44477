import { keepForUndo, takeForUndo } from '@/lib/background/card-undo';
import { routeMessage, type RouterDeps } from '@/lib/messages/router';
import { freshLibrary, fakeTrending } from '../helpers';
import { NotInterestedStore } from '@/lib/library/not-interested';

const own = { id: 'papershelf-test-id', origin: 'chrome-extension://papershelf-test-id/', version: '0.1.0' };
const popup = { id: own.id, url: `${own.origin}popup.html` };
const papersTab = { id: own.id, url: 'https://huggingface.co/papers/trending', tab: { id: 7 } };

function setup() {
  const library = freshLibrary();
  const trending = fakeTrending();
  const deps: RouterDeps = {
    library, notInterested: new NotInterestedStore(library.db),
    own,
    trending,
    cardUndo: { keep: (papers) => keepForUndo(papers), take: (token) => takeForUndo(token) },
  };
  const send = (message: unknown, sender: object = popup) => routeMessage(message, sender as never, deps);
  return { library, send, trending };
}

const paper = {
  id: '2606.03748v2',
  title: 'Ultralytics YOLO26: Unified Real-Time End-to-End Vision Models',
  authors: ['Glenn Jocher', 'Jing Qiu'],
  upvotes: 23,
};

describe('message router', () => {
  it('answers a ping with the version', async () => {
    const { send } = setup();
    expect(await send({ type: 'ping' })).toEqual({ ok: true, version: '0.1.0' });
  });

  it('saves a paper from a card and reads it back from the popup; the card hears only saved and tags', async () => {
    const { send } = setup();
    const saved = await send({ type: 'cardSave', paper }, papersTab);
    expect(saved).toEqual({ ok: true, saved: [{ id: '2606.03748', tags: [], suggested: [] }] });
    const listed = await send({ type: 'listPapers' });
    expect(listed).toMatchObject({ ok: true, papers: [{ id: '2606.03748', title: paper.title }] });
  });

  it('carries out tag and note requests', async () => {
    const { send, library } = setup();
    await send({ type: 'cardAddTag', id: paper.id, tag: 'LLM', paper }, papersTab);
    expect(await send({ type: 'cardAddTag', id: paper.id, tag: 'to read' }, papersTab)).toEqual({ ok: true, saved: [{ id: '2606.03748', tags: ['LLM', 'to read'] }] });
    await send({ type: 'cardRemoveTag', id: paper.id, tag: 'llm' }, papersTab);
    await send({ type: 'setNote', id: paper.id, note: 'Compare with RT-DETR' });
    expect(await library.getPaper('2606.03748')).toMatchObject({ tags: ['to read'], note: 'Compare with RT-DETR' });
    expect(await send({ type: 'countPerTag' })).toEqual({ ok: true, tags: [{ tag: 'to read', count: 1 }] });
  });

  it.each([
    ['not an object', 'save everything'],
    ['no type', { papers: [paper] }],
    ['an unknown type', { type: 'dropDatabase' }],
    ['a bad id', { type: 'savePapers', papers: [{ ...paper, id: '../../etc' }] }],
    ['a missing title', { type: 'savePapers', papers: [{ id: '2606.03748' }] }],
    ['an empty tag', { type: 'cardAddTag', id: '2606.03748', tag: '   ', paper }],
    ['an extra field', { type: 'cardUnsave', id: '2606.03748', everything: true }],
    ['a script url', { type: 'cardSave', paper: { ...paper, thumbnailUrl: 'javascript:alert(1)' } }],
    ['an empty list', { type: 'cardStates', ids: [] }],
    ['a made-up undo token', { type: 'cardUndo', undo: 'x' }],
  ])('refuses %s and changes nothing', async (_, message) => {
    const { send, library } = setup();
    const reply = await send(message, papersTab);
    expect(reply.ok).toBe(false);
    expect(reply).toHaveProperty('error', expect.stringMatching(/Refused/));
    expect(await library.countPapers()).toBe(0);
  });

  it.each([
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' }],
    ['a content script on another site', { id: own.id, url: 'https://evil.example/papers', tab: { id: 3 } }],
    ['a look-alike host', { id: own.id, url: 'https://huggingface.co.evil.example/papers', tab: { id: 3 } }],
    ['a sender without a url', { id: own.id }],
    ['a page claiming huggingface.co without a tab', { id: own.id, url: 'https://huggingface.co/papers' }],
  ])('refuses %s and changes nothing', async (_, sender) => {
    const { send, library } = setup();
    const reply = await send({ type: 'cardSave', paper }, sender);
    expect(reply).toEqual({ ok: false, error: 'Refused: message from an unknown sender' });
    expect(await library.countPapers()).toBe(0);
  });

  it('keeps whole-library requests, full papers and notes away from pages', async () => {
    const { send } = setup();
    await send({ type: 'savePapers', papers: [paper], tags: ['secret'] });
    await send({ type: 'setNote', id: paper.id, note: 'private thoughts' });
    for (const request of [
      { type: 'listPapers' },
      { type: 'getPapers', ids: [paper.id] },
      { type: 'countPerTag' },
      { type: 'savePapers', papers: [paper] },
      { type: 'unsavePapers', ids: ['2606.03748'] },
      { type: 'restorePapers', papers: [] },
      { type: 'setTags', id: paper.id, tags: [] },
      { type: 'setNote', id: paper.id, note: 'x' },
    ]) {
      expect(await send(request, papersTab), request.type).toMatchObject({ ok: false, error: expect.stringMatching(/Refused/) });
    }
    const states = await send({ type: 'cardStates', ids: [paper.id, '2601.00002'] }, papersTab);
    expect(states).toEqual({ ok: true, saved: [{ id: '2606.03748', tags: ['secret'] }] });
    expect(JSON.stringify(states)).not.toContain('private');
  });

  it('never lets a page replace what a saved paper holds with its own text', async () => {
    const { send, library } = setup();
    await send({ type: 'savePapers', papers: [paper] });
    await send({ type: 'cardSave', paper: { id: paper.id, title: 'Something else', summary: 'Made up.' } }, papersTab);
    await send({ type: 'cardAddTag', id: paper.id, tag: 'x', paper: { id: paper.id, title: 'Another' } }, papersTab);
    expect(await library.getPaper('2606.03748')).toMatchObject({ title: paper.title, summary: 'Made up.', authors: paper.authors });
  });

  it('offers Undo for a paper unsaved from a card with tags or a note, once', async () => {
    const { send, library } = setup();
    await send({ type: 'savePapers', papers: [paper, { ...paper, id: '2601.00002' }], tags: ['keep'] });
    await send({ type: 'setNote', id: paper.id, note: 'my note' });
    await send({ type: 'removeTag', id: '2601.00002', tag: 'keep' });
    const removed = await send({ type: 'cardUnsave', id: paper.id }, papersTab);
    expect(removed).toEqual({ ok: true, saved: [], undo: expect.any(String) });
    expect(JSON.stringify(removed)).not.toContain('my note');
    // Nothing to lose on a bare paper: no Undo.
    expect(await send({ type: 'cardUnsave', id: '2601.00002' }, papersTab)).toEqual({ ok: true, saved: [] });

    const undo = (removed as { undo: string }).undo;
    expect(await send({ type: 'cardUndo', undo }, papersTab)).toEqual({ ok: true, saved: [{ id: '2606.03748', tags: ['keep'] }] });
    expect(await library.getPaper('2606.03748')).toMatchObject({ tags: ['keep'], note: 'my note' });
    expect(await send({ type: 'cardUndo', undo }, papersTab)).toEqual({ ok: false, error: 'Too late to undo: save the paper again.' });
  });

  it('explains a request about a paper that is not saved', async () => {
    const { send } = setup();
    expect(await send({ type: 'setNote', id: '2606.03748', note: 'x' })).toEqual({
      ok: false,
      error: 'Paper 2606.03748 is not in your library',
    });
  });

  it('marks papers seen on the trending page, and only there', async () => {
    const { send, trending } = setup();
    await send({ type: 'pageSeen', ids: ['2606.03748'] }, { ...papersTab, url: 'https://huggingface.co/papers' });
    expect(trending.markSeen).not.toHaveBeenCalled();
    await send({ type: 'pageSeen', ids: ['2606.03748'] }, papersTab);
    expect(trending.markSeen).toHaveBeenCalledWith(['2606.03748']);
  });

  it('deletes all data at once: the library, the trending history, Not interested marks', async () => {
    const { send, library, trending } = setup();
    await send({ type: 'savePapers', papers: [paper], tags: ['x'] });
    await send({ type: 'markNotInterested', papers: [{ ...paper, id: '2601.00002' }] });
    expect(await send({ type: 'deleteAllData' }, papersTab)).toMatchObject({ ok: false });
    expect(await send({ type: 'deleteAllData' })).toEqual({ ok: true, deleted: true });
    expect(await library.countPapers()).toBe(0);
    expect(await library.db.notInterested.count()).toBe(0);
    expect(trending.clear).toHaveBeenCalledOnce();
  });

  it('keeps trending controls away from pages', async () => {
    const { send, trending } = setup();
    expect(await send({ type: 'markTrendingSeen' }, papersTab)).toMatchObject({ ok: false });
    expect(await send({ type: 'checkTrending' }, papersTab)).toMatchObject({ ok: false });
    expect(trending.check).not.toHaveBeenCalled();
  });

  it('turns a storage failure into a clear message', async () => {
    const { send, library } = setup();
    vi.spyOn(library, 'savePapers').mockRejectedValue(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
    expect(await send({ type: 'savePapers', papers: [paper] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/out of storage space/),
    });
  });
});
