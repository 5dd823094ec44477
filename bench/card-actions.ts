import type { CDPSession, Page } from 'playwright-core';
import { ChromiumTab } from '../tests/e2e/harness/chromium/tab';
import { launchChromiumWithExtension as launchExtension, routeHuggingFace } from '../tests/e2e/harness/chromium/launch';
import { realListing } from './real-markup';
import { summarize, type Figure } from './stats';

const URL_PATH = '/papers/trending';
const VIEWPORT = { width: 1280, height: 900 };
/** Long enough for everything a click on Save sets off on the card (suggested tags, Removed and Undo). */
const SETTLE_MS = 500;

/**
 * Saving and unsaving a paper from its card, on a listing of `cards` papers in the real markup: the
 * page's style and layout time from each click until the card shows all it will, ms per click. A
 * bar that changes should cost what the bar holds, not what the page holds.
 */
export async function measureCardActions(cards: number, clicks: number, build?: string): Promise<Figure> {
  const { html, papers } = realListing(cards);
  const ext = await launchExtension(build ? { build } : {});
  const perClick: number[] = [];
  try {
    await routeHuggingFace(ext.context, { [URL_PATH]: html });
    const page = await ext.context.newPage();
    await page.setViewportSize(VIEWPORT);
    await page.goto(`https://huggingface.co${URL_PATH}`, { waitUntil: 'load' });
    const tab = new ChromiumTab(page, ext.origin);
    // The first card, saved and unsaved in turn, the pointer staying on its Save button: the page's
    // own answer to a pointer moving over its cards (its hover styles) is not the bar's cost. Found
    // once the page has settled (For you and New are shown after load).
    const save = { card: papers[0]!.id, role: 'button', name: /Save/ };
    await page.waitForTimeout(SETTLE_MS);
    const box = await tab.stillBox(save);
    for (let i = 0; i < clicks; i++) {
      const wasSaved = await tab.pressed(save);
      perClick.push(
        await styleAndLayoutDuring(page, async () => {
          await tab.clickIn(box);
          for (let tries = 0; (await tab.pressed(save)) === wasSaved; tries++) {
            if (tries > 100) throw new Error('The card did not answer the click on Save');
            await page.waitForTimeout(20);
          }
          await page.waitForTimeout(SETTLE_MS);
        }),
      );
    }
    await tab.close();
  } finally {
    await ext.close();
  }
  return summarize(perClick);
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
}

/** The page renderer's style and layout time while `action` runs, ms. */
async function styleAndLayoutDuring(page: Page, action: () => Promise<void>): Promise<number> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await action();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const rendering = events.filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.ph === 'X' && e.dur !== undefined);
  if (rendering.length === 0) throw new Error('The trace shows no style or layout on the page: the click changed nothing on screen');
  // The page's renderer main thread is the one that styled the page.
  const main = rendering[0]!;
  return rendering.filter((e) => e.pid === main.pid && e.tid === main.tid).reduce((n, e) => n + e.dur! / 1000, 0);
}
