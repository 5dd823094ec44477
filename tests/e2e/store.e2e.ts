import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { CardControls } from './card-controls';
import { launchExtension, sendFromPage, type LoadedExtension } from './extension';
import { routeHuggingFace } from './routes';

/**
 * The Chrome Web Store's screenshots, at its sizes (1280x800 and 640x400), made from the built
 * extension on fixture pages: the annotated listing with the popup open over it, as a reader sees it.
 */
const SHOTS = 'docs/screenshots';
let ext: LoadedExtension;

beforeAll(async () => {
  ext = await launchExtension();
  await routeHuggingFace(ext.context, { '/papers/trending': FIXTURE_PAGES.trending.html });
});

afterAll(async () => {
  await ext?.close();
});

/** Width and height of a PNG, from its header. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

async function shot(page: Page): Promise<string> {
  return (await page.screenshot()).toString('base64');
}

describe('store screenshots', () => {
  it('are made at 1280x800 and 640x400: the listing with its bars and the popup over it', async () => {
    const papers = FIXTURE_PAGES.trending.papers;
    const helper = await ext.openPage('popup.html');
    await sendFromPage(helper, { type: 'savePapers', papers: papers.slice(0, 3).map((p) => ({ id: p.id, title: p.title, summary: p.summary })), tags: ['agents'] });
    await helper.close();

    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('https://huggingface.co/papers/trending');
    const controls = await CardControls.of(page);
    await expect.poll(() => controls.pressed({ card: papers[0]!.id, role: 'button', name: /Save/ })).toBe(true);
    const listing = await shot(page);
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 440, height: 600 });
    await popup.goto(`chrome-extension://${ext.id}/popup.html`);
    await popup.getByRole('tab', { name: 'Library' }).click();
    await popup.getByRole('list', { name: 'Saved papers' }).getByRole('link').first().waitFor();
    const library = await shot(popup);

    // One stage: the page, and the popup where the browser opens it (top right, under the toolbar).
    const stage = await ext.context.newPage();
    for (const [width, height] of [[1280, 800], [640, 400]] as const) {
      await stage.setViewportSize({ width, height });
      const scale = width / 1280;
      await stage.setContent(`<!doctype html><html><body style="margin:0;overflow:hidden;background:#fff">
        <div style="transform:scale(${scale});transform-origin:0 0;width:1280px;height:800px;position:relative">
          <img src="data:image/png;base64,${listing}" style="position:absolute;inset:0;width:1280px;height:800px">
          <img src="data:image/png;base64,${library}" style="position:absolute;right:24px;top:8px;width:440px;height:600px;border-radius:8px;box-shadow:0 8px 30px rgba(0,0,0,.35)">
        </div></body></html>`);
      const file = `${SHOTS}/store-${width}x${height}-library.png`;
      await stage.screenshot({ path: file });
      expect(pngSize(file)).toEqual([width, height]);
    }
    await stage.close();
    await popup.close();
    await page.close();
  });
});
