import { apiEntry, SEED_PAPERS } from '../fixtures/hf/markup';
import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { BROWSER, fixtureSite, json, launchExtension, sleep, unsupported, type Extension } from './harness';

/**
 * Firefox treats a Manifest V3 add-on's host access as optional: a person can withdraw PaperShelf's
 * access to huggingface.co (per site, from the add-on's permissions) and PaperShelf must say so,
 * offer to ask for it again, and not take the missing access for a network fault.
 */
const UNSUPPORTED = unsupported({
  chromium:
    "Chromium treats the manifest's host access as required: permissions.remove cannot withdraw it (people withhold it in the extension's site access settings, which no API changes)",
});
const HUGGING_FACE = { origins: ['https://huggingface.co/*'] };

let ext: Extension;

beforeAll(async () => {
  if (UNSUPPORTED) return;
  ext = await launchExtension();
  ext.serve(fixtureSite({ '/papers': FIXTURE_PAGES.daily.html, '/api/daily_papers': () => json(SEED_PAPERS.slice(0, 10).map(apiEntry)) }));
});

afterAll(async () => {
  await ext?.close();
});

const hosts = async (url: string) => {
  const page = await ext.openTab(url);
  await sleep(1500);
  // Bars are built as their cards come near the screen: the reader skims the whole list.
  await page.scrollThrough();
  await sleep(500);
  const count = await page.evaluate(() => document.querySelectorAll('[data-papershelf-id]').length);
  await page.close();
  return count;
};

describe(`access to huggingface.co withdrawn by the user, in ${BROWSER}`, () => {
  it('the popup says so and asks for it again; cards and the trending check follow', async (ctx) => {
    ctx.skip(UNSUPPORTED !== undefined, UNSUPPORTED);
    const settings = await ext.openPage('options.html');
    expect(await settings.evaluate((p) => chrome.permissions.remove(p), HUGGING_FACE)).toBe(true);

    // Cards are simply not annotated.
    expect(await hosts(FIXTURE_PAGES.daily.url)).toBe(0);

    // A trending check says what is wrong: not "offline".
    expect(await ext.send({ type: 'checkTrending' })).toMatchObject({ ok: true, outcome: 'failed', status: { error: { kind: 'no-access' } } });
    const popup = await ext.openPage('popup.html', { width: 440, height: 600 });
    const notice = { role: 'alert', name: 'No access to huggingface.co' };
    await expect.poll(() => popup.text(notice)).toMatch(/PaperShelf cannot read huggingface\.co/);
    await popup.click({ role: 'tab', name: 'New' });
    await expect.poll(() => popup.text({ role: 'alert', within: { role: 'tabpanel' } })).toMatch(/^No access to huggingface\.co/);

    // The button asks the browser again (from the click, as browsers require); the notice goes.
    await popup.click({ role: 'button', name: 'Allow access to huggingface.co', within: notice });
    await expect.poll(() => popup.count(notice)).toBe(0);
    expect(await settings.evaluate((p) => chrome.permissions.contains(p), HUGGING_FACE)).toBe(true);
    expect(await hosts(FIXTURE_PAGES.daily.url)).toBe(FIXTURE_PAGES.daily.papers.length);
    await expect.poll(async () => (await ext.send<{ status: { error?: unknown } }>({ type: 'checkTrending' })).status.error).toBeUndefined();
    await popup.close();
    await settings.close();
  });
});
