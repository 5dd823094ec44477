import { manyPapers } from '../fixtures/hf/markup';
import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { BROWSER, fixtureSite, launchExtension, sleep, unsupported, type Extension } from './harness';

/**
 * Firefox unloads an event page that has been idle for extensions.background.idle.timeout, and one
 * that stays busy with the same message past it twice. Shortened here, the real timer unloads the
 * background between a person's actions and in the middle of a large save.
 */
const UNSUPPORTED = unsupported({ chromium: "Chromium's service worker idle timeout is fixed (30 s), no setting shortens it" });
const IDLE_MS = 500;

let ext: Extension;

beforeAll(async () => {
  if (UNSUPPORTED) return;
  ext = await launchExtension({ firefoxPrefs: { 'extensions.background.idle.timeout': IDLE_MS } });
  ext.serve(fixtureSite({ '/papers': FIXTURE_PAGES.daily.html }));
});

afterAll(async () => {
  await ext?.close();
});

const bulk = (n: number, offset: number) => manyPapers(n, offset).map((p) => ({ id: p.id, title: p.title, summary: p.summary, authors: p.authors }));
/** Asks the background, again if the message lands as it unloads (as PaperShelf's own pages do). */
async function ask<Reply>(message: unknown): Promise<{ ok: boolean } & Reply> {
  for (let tries = 1; ; tries++) {
    const reply = await ext.send<Reply>(message).catch((error: unknown) => {
      if (tries > 5) throw error;
      return undefined;
    });
    if (reply) return reply;
    await sleep(100);
  }
}
const count = async () => (await ask<{ papers: unknown[] }>({ type: 'listPapers' })).papers.length;

describe(`the background unloaded by the browser's idle timer, in ${BROWSER}`, () => {
  it('cards keep working while the background comes and goes between clicks', async (ctx) => {
    ctx.skip(UNSUPPORTED !== undefined, UNSUPPORTED);
    const page = await ext.openTab(FIXTURE_PAGES.daily.url, { waitFor: '[data-papershelf-id]' });
    for (const [i, paper] of FIXTURE_PAGES.daily.papers.slice(0, 6).entries()) {
      // Around the idle timeout: before it, as it unloads, after it.
      await sleep(IDLE_MS + ((i % 3) - 1) * 50);
      const save = { card: paper.id, role: 'button', name: /Save/ };
      await page.click(save);
      await expect.poll(() => page.pressed(save)).toBe(true);
    }
    await page.close();
  });

  it('mid-save leaves all of the save or none, and the next save works', async (ctx) => {
    ctx.skip(UNSUPPORTED !== undefined, UNSUPPORTED);
    const before = await count();
    await ext.inBackground((scope) => void (scope.beforeIdle = true));
    const page = await ext.openPage('options.html');
    const reply = await page.evaluate(
      (papers) => chrome.runtime.sendMessage({ type: 'savePapers', papers }).catch((error: Error) => ({ ok: false, error: String(error) })),
      bulk(8000, 20_000),
    );
    // Unloaded (asking for its window starts it again).
    expect(await ext.inBackground((scope) => scope.beforeIdle === true)).toBe(false);
    const after = await count();
    expect([before, before + 8000]).toContain(after);
    expect(reply).toMatchObject({ ok: after > before });
    expect(await ask({ type: 'savePapers', papers: bulk(1, 40_000) })).toMatchObject({ ok: true });
    expect(await count()).toBe(after + 1);
    await page.close();
  });
});
