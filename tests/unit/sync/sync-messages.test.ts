// @vitest-environment node
import 'fake-indexeddb/auto';
import { NotInterestedStore } from '@/lib/library/not-interested';
import { routeMessage, type RouterDeps } from '@/lib/messages/router';
import { placeholderPaper } from '@/lib/paper/paper';
import { freshLibrary, metadata, fakeTrending } from '../helpers';
import { serviceFor, profile, simulatedClock } from './profiles';

const own = { id: 'papershelf-test-id', origin: 'chrome-extension://papershelf-test-id/', version: '0.1.0' };
const optionsPage = { id: own.id, url: `${own.origin}options.html` };
const papersTab = { id: own.id, url: 'https://huggingface.co/papers', tab: { id: 7 } };

function setup() {
  const clock = simulatedClock();
  const browser = profile('aaaa', clock);
  const sync = serviceFor(browser, clock);
  const deps: RouterDeps = {
    library: browser.library,
    notInterested: new NotInterestedStore(browser.library.db),
    own,
    trending: fakeTrending(),
    cardUndo: { keep: vi.fn(), take: vi.fn() },
    sync,
  };
  return { browser, send: (message: unknown, sender: object = optionsPage) => routeMessage(message, sender as never, deps) };
}

describe('sync messages', () => {
  it('turn sync on and off and read its status, from extension pages', async () => {
    const { send, browser } = setup();
    expect(await send({ type: 'syncStatus' })).toMatchObject({ ok: true, status: { on: false } });
    expect(await send({ type: 'setSync', on: true })).toMatchObject({ ok: true, status: { on: true } });
    expect(await browser.local.get('syncConfig')).toMatchObject({ syncConfig: { on: true, replica: 'aaaa' } });
    expect(await send({ type: 'setSync', on: false })).toMatchObject({ ok: true, status: { on: false } });
  });

  it('are refused to papers pages and when malformed', async () => {
    const { send } = setup();
    expect(await send({ type: 'setSync', on: true }, papersTab)).toEqual({ ok: false, error: 'Refused: "setSync" is not available to pages' });
    expect(await send({ type: 'syncStatus' }, papersTab)).toEqual({ ok: false, error: 'Refused: "syncStatus" is not available to pages' });
    expect(await send({ type: 'setSync', on: 'yes' })).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: malformed request/) });
    expect(await send({ type: 'setSync', on: true, wipe: true })).toMatchObject({ ok: false });
    expect((await send({ type: 'syncStatus' })) as { status: { on: boolean } }).toMatchObject({ status: { on: false } });
  });

  it('say so where sync does not run', async () => {
    const library = freshLibrary();
    const deps = { library, notInterested: new NotInterestedStore(library.db), own, trending: {} as never, cardUndo: {} as never };
    expect(await routeMessage({ type: 'syncStatus' }, optionsPage as never, deps)).toEqual({ ok: false, error: 'Sync is not available here' });
  });

  it('let a papers page fill in the details of papers that came through sync, and nothing else', async () => {
    const { send, browser } = setup();
    await browser.library.importPapers([placeholderPaper({ id: '2401.00001', tags: ['LLM'], note: 'n', savedAt: 1_800_000_000_000, updatedAt: 1_800_000_000_000 })]);
    await browser.library.savePaper(metadata({ id: '2401.00002', title: 'The title the library holds' }));
    expect(await send({ type: 'cardStates', ids: ['2401.00001', '2401.00002'] }, papersTab)).toEqual({
      ok: true,
      saved: [{ id: '2401.00001', tags: ['LLM'], detailsPending: true }, { id: '2401.00002', tags: [] }],
    });
    const papers = [metadata({ id: '2401.00001', title: 'As the page shows it' }), metadata({ id: '2401.00002', title: 'A page rewriting it' })];
    expect(await send({ type: 'cardDetails', papers }, papersTab)).toEqual({ ok: true, count: 1 });
    expect(await browser.library.getPaper('2401.00001')).toMatchObject({ title: 'As the page shows it', tags: ['LLM'], note: 'n', updatedAt: 1_800_000_000_000 });
    expect((await browser.library.getPaper('2401.00001'))?.detailsPending).toBeUndefined();
    expect(await browser.library.getPaper('2401.00002')).toMatchObject({ title: 'The title the library holds' });
  });
});
