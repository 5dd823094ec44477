import { apiEntry, SEED_PAPERS } from '../fixtures/hf/markup';
import { BROWSER, fixtureSite, json, launchExtension, sleep, unsupported, type Extension, type SiteReply } from './harness';

/** The keyboard shortcut that opens the popup, and desktop notifications (an optional permission). */

let ext: Extension;
let answer: () => SiteReply;
const list = (to: number) => () => json(SEED_PAPERS.slice(0, to).map(apiEntry));

beforeAll(async () => {
  ext = await launchExtension();
  answer = list(10);
  ext.serve(fixtureSite({ '/papers': FIXTURE, '/api/daily_papers': () => answer() }));
});

afterAll(async () => {
  await ext?.close();
});

const FIXTURE = '<!doctype html><title>Papers</title><p>Daily papers</p>';

describe(`the toolbar button's shortcut and notifications in ${BROWSER}`, () => {
  it('the browser gives PaperShelf its shortcut, Alt+Shift+L', async () => {
    const settings = await ext.openPage('options.html');
    const commands = await settings.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+L');
    await settings.close();
  });

  it('pressing the shortcut opens the popup', async (ctx) => {
    const reason = unsupported({ chromium: 'headless Chromium shows no action popup, and keys sent through DevTools never reach extension shortcuts' });
    ctx.skip(reason !== undefined, reason);
    const page = await ext.openTab('https://huggingface.co/papers');
    const settings = await ext.openPage('options.html');
    await page.bringToFront();
    await ext.pressShortcut('Alt+Shift+L');
    const popupText = () => settings.evaluate(() => chrome.extension.getViews({ type: 'popup' }).map((view) => view.document.body.textContent).join(''));
    await expect.poll(popupText, { timeout: 10_000 }).toMatch(/Library/);
    await settings.close();
    await page.close();
  });

  it('asks for the notifications permission when the user turns them on, and notifies of newly trending papers', async (ctx) => {
    const reason = unsupported({ chromium: 'Chromium asks before granting an optional permission, and headless Chromium gives no way to answer' });
    ctx.skip(reason !== undefined, reason);
    const settings = await ext.openPage('options.html');
    const notifications = { role: 'checkbox', name: 'Desktop notification when new papers trend' };
    expect(await settings.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(false);
    // Firefox's profile answers the permission prompt the way a person clicking "Allow" would.
    await settings.click(notifications);
    await expect.poll(async () => (await settings.one(notifications)).checked).toBe(true);
    expect(await settings.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(true);
    await settings.click({ role: 'button', name: 'Save trending settings' });
    await expect.poll(() => settings.evaluate(() => document.body.innerText)).toContain('Saved.');

    // Headless Firefox closes each notification as soon as it is shown: what the background hears tells it was shown.
    await ext.inBackground((scope) => {
      const shown: string[] = [];
      scope.notificationsShown = shown;
      (scope.browser as typeof chrome & { notifications: { onClosed: { addListener(f: (id: string) => void): void } } }).notifications.onClosed.addListener((id) => shown.push(id));
    });
    const shown = () => ext.inBackground((scope) => scope.notificationsShown as string[]);
    await ext.send({ type: 'checkTrending' });
    await sleep(500);
    expect(await shown()).toEqual([]);
    answer = list(13);
    expect(await ext.send({ type: 'checkTrending' })).toMatchObject({ outcome: 'changed' });
    await expect.poll(shown).toEqual(['papershelf-trending']);
    expect(await ext.badge()).toBe('3');
    await settings.close();
  });
});
