import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { BROWSER, fixtureSite, launchExtension, sleep, unsupported, type Extension, type Tab } from './harness';

/**
 * Firefox refuses IndexedDB to an extension's pages in private windows, and everywhere when it is set
 * to never remember history: every open of the library fails. PaperShelf must say so plainly where
 * the user looks, instead of a blank page or a spinner, and must not keep failing in a loop.
 */
const UNSUPPORTED = unsupported({
  chromium: 'Chromium keeps extension storage in the regular profile even for incognito windows, so it never refuses it',
});
const REFUSED = /cannot open your library.*private windows.*never remember history/s;

let ext: Extension;

beforeAll(async () => {
  if (UNSUPPORTED) return;
  ext = await launchExtension({ neverRememberHistory: true });
  ext.serve(fixtureSite({ '/papers': FIXTURE_PAGES.daily.html }));
});

afterAll(async () => {
  await ext?.close();
});

/** Errors the page reports now, then again after a while: the same count means nothing repeats. */
async function errorsSettle(page: Tab): Promise<void> {
  await sleep(1000);
  const before = page.consoleErrors().length;
  await sleep(2000);
  expect(page.consoleErrors().length).toBe(before);
}

describe(`a browser that refuses the extension storage, in ${BROWSER}`, () => {
  it('the popup says why it cannot show the library, instead of a spinner', async (ctx) => {
    ctx.skip(UNSUPPORTED !== undefined, UNSUPPORTED);
    const popup = await ext.openPage('popup.html', { width: 440, height: 600 });
    await expect.poll(() => popup.text({ role: 'alert' })).toMatch(REFUSED);
    expect(await popup.evaluate(() => document.body.innerText)).not.toMatch(/Searching…/);
    await errorsSettle(popup);
    await popup.close();
  });

  it('the settings page says so too, instead of a blank page', async (ctx) => {
    ctx.skip(UNSUPPORTED !== undefined, UNSUPPORTED);
    const options = await ext.openPage('options.html');
    await expect.poll(() => options.text({ role: 'alert' })).toMatch(REFUSED);
    await errorsSettle(options);
    await options.close();
  });

  it('a card says so when saving fails, and the background answers every request with the reason', async (ctx) => {
    ctx.skip(UNSUPPORTED !== undefined, UNSUPPORTED);
    const page = await ext.openTab(FIXTURE_PAGES.daily.url, { waitFor: '[data-papershelf-id]' });
    const paper = FIXTURE_PAGES.daily.papers[0]!;
    await page.click({ card: paper.id, role: 'button', name: /Save/ });
    await expect.poll(() => page.text({ card: paper.id, role: 'status' })).toMatch(REFUSED);
    expect(await ext.send({ type: 'listPapers' })).toMatchObject({ ok: false, error: expect.stringMatching(REFUSED) });
    await errorsSettle(page);
    await page.close();
  });
});
