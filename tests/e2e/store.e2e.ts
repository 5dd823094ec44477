import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { BROWSER, fixtureSite, launchExtension, unsupported, type Extension, type Tab } from './harness';

/**
 * The Chrome Web Store's screenshots, at its sizes (1280x800 and 640x400), made from the built
 * extension on fixture pages: the annotated listing with the popup open over it, as a reader sees it.
 */
const SHOTS = 'docs/screenshots';
const UNSUPPORTED = unsupported({
  firefox: "the Chrome Web Store's screenshots are pictures of Chromium's rendering (the store listing is Chrome's); Firefox is not pictured",
});
let ext: Extension;
let scratch: string;

beforeAll(async () => {
  if (UNSUPPORTED) return;
  ext = await launchExtension();
  ext.serve(fixtureSite({ '/papers/trending': FIXTURE_PAGES.trending.html }));
  scratch = mkdtempSync(join(tmpdir(), 'papershelf-store-'));
});

afterAll(async () => {
  await ext?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Width and height of a PNG, from its header. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

async function shot(tab: Tab, name: string): Promise<string> {
  const file = join(scratch, `${name}.png`);
  await tab.screenshot(file);
  return readFileSync(file).toString('base64');
}

describe(`store screenshots in ${BROWSER}`, () => {
  it('are made at 1280x800 and 640x400: the listing with its bars and the popup over it', async (ctx) => {
    ctx.skip(UNSUPPORTED !== undefined, UNSUPPORTED);
    const papers = FIXTURE_PAGES.trending.papers;
    await ext.send({ type: 'savePapers', papers: papers.slice(0, 3).map((p) => ({ id: p.id, title: p.title, summary: p.summary })), tags: ['agents'] });

    const page = await ext.openTab('https://huggingface.co/papers/trending');
    await page.setViewport({ width: 1280, height: 800 });
    await expect.poll(() => page.pressed({ card: papers[0]!.id, role: 'button', name: /Save/ })).toBe(true);
    const listing = await shot(page, 'listing');
    const popup = await ext.openPage('popup.html', { width: 440, height: 600 });
    await popup.click({ role: 'tab', name: 'Library' });
    await popup.one({ role: 'link', within: { role: 'list', name: 'Saved papers' }, nth: 0 });
    const library = await shot(popup, 'library');

    // One stage: the page, and the popup where the browser opens it (top right, under the toolbar).
    const stage = await ext.openTab('about:blank');
    for (const [width, height] of [[1280, 800], [640, 400]] as const) {
      await stage.setViewport({ width, height });
      await stage.evaluate(
        ({ scale, pictures }) => {
          const style = (element: HTMLElement, css: string) => (element.style.cssText = css);
          style(document.body, 'margin:0;overflow:hidden;background:#fff');
          const frame = document.createElement('div');
          style(frame, `transform:scale(${scale});transform-origin:0 0;width:1280px;height:800px;position:relative`);
          const picture = (base64: string, css: string) => {
            const img = document.createElement('img');
            img.src = `data:image/png;base64,${base64}`;
            style(img, css);
            return img;
          };
          frame.append(
            picture(pictures.listing, 'position:absolute;inset:0;width:1280px;height:800px'),
            picture(pictures.library, 'position:absolute;right:24px;top:8px;width:440px;height:600px;border-radius:8px;box-shadow:0 8px 30px rgba(0,0,0,.35)'),
          );
          document.body.replaceChildren(frame);
          return Promise.all([...document.images].map((img) => img.decode()));
        },
        { scale: width / 1280, pictures: { listing, library } },
      );
      const file = `${SHOTS}/store-${width}x${height}-library.png`;
      await stage.screenshot(file);
      expect(pngSize(file)).toEqual([width, height]);
    }
    await stage.close();
    await popup.close();
    await page.close();
  });
});
