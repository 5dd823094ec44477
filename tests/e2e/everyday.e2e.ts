import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { listingCards } from '../fixtures/hf/markup';
import { BROWSER, fixtureSite, launchExtension, sleep, type Extension, type Tab } from './harness';

/** What a reader meets every day: arriving from elsewhere on the site, the theme switch, the settings. */
let ext: Extension;
const HOME = '<!doctype html><html><head><title>Hugging Face</title></head><body><main><h1>The AI community building the future.</h1><a href="/models">Models</a></main></body></html>';

beforeAll(async () => {
  ext = await launchExtension();
  ext.serve(fixtureSite({ '/': HOME, '/papers/trending': FIXTURE_PAGES.trending.html }));
});

afterAll(async () => {
  await ext?.close();
});

/** The card bars' hosts on the page: the one thing of PaperShelf's a page can see. */
const hostIds = (page: Tab) => page.evaluate(() => [...document.querySelectorAll('[data-papershelf-id]')].map((h) => h.getAttribute('data-papershelf-id')!));

describe(`everyday use in ${BROWSER}`, () => {
  it("annotates the cards when the reader arrives at /papers by the site's own in-page navigation", async () => {
    const page = await ext.openTab('https://huggingface.co/');
    await sleep(300);
    expect(await hostIds(page)).toEqual([]);
    // The site's router: a new address, then the new page's content, no page load.
    const papers = FIXTURE_PAGES.trending.papers.slice(0, 6);
    await page.evaluate((html) => {
      history.pushState({}, '', '/papers/trending');
      document.title = 'Trending Papers - Hugging Face';
      const main = document.querySelector('main')!;
      main.replaceChildren(document.createRange().createContextualFragment(`<div class="grid">${html}</div>`));
    }, listingCards(papers));
    await expect.poll(() => hostIds(page)).toEqual(papers.map((p) => p.id));
    expect(await page.pressed({ card: papers[0]!.id, role: 'button', name: /Save/ })).toBe(false);
    await page.close();
  });

  it("restyles the bars when the reader switches Hugging Face's light/dark theme", async () => {
    const page = await ext.openTab('https://huggingface.co/papers/trending');
    const id = FIXTURE_PAGES.trending.papers[0]!.id;
    // What is painted, read from screenshots: the Save button's background (a point in the button's
    // padding, which no colour of the page's own dark theme paints). The bar itself sits in the card's
    // byline and has no background of its own.
    const painted = async () => {
      const save = await page.box({ card: id, role: 'button', name: /Save/ });
      return await page.colorAt(save.x + 3, save.y + save.height / 2);
    };
    const LIGHT = 'rgb(255, 255, 255)';
    const DARK = 'rgb(31, 41, 55)';
    await expect.poll(painted).toEqual(LIGHT);
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await expect.poll(painted).toEqual(DARK);
    // "Not interested" (there once the reader points at the bar) is a quiet text button: the card's
    // own dark background shows through it.
    const save = await page.box({ card: id, role: 'button', name: /Save/ });
    await page.clickIn({ x: save.x - 8, y: save.y, width: 0, height: save.height });
    const quiet = await page.box({ card: id, role: 'button', name: 'Not interested' });
    expect(await page.colorAt(quiet.x + 3, quiet.y + quiet.height / 2)).toBe('rgb(17, 24, 39)');
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    await expect.poll(painted).toEqual(LIGHT);
    await page.close();
  });

  it("opens the settings from the popup's Settings button", async () => {
    const popup = await ext.openPage('popup.html');
    const options = await ext.tabOpenedBy(() => popup.click({ role: 'button', name: 'Settings' }), /\/options\.html$/);
    await options.one({ role: 'heading', name: 'PaperShelf settings' });
    await options.close();
  });
});
