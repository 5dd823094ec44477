// @vitest-environment node
import 'fake-indexeddb/auto';
import { NotInterestedStore } from '@/lib/library/not-interested';
import { routeMessage, type RouterDeps } from '@/lib/messages/router';
import { freshLibrary } from '../helpers';
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
    trending: { check: vi.fn(), markSeen: vi.fn(async () => 0), reschedule: vi.fn(async () => {}) },
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
});
