import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { listingCards } from '../fixtures/hf/markup';
import { CardControls } from './card-controls';
import { launchExtension, type LoadedExtension } from './extension';
import { routeHuggingFace } from './routes';

/** What a reader meets every day: arriving from elsewhere on the site, the theme switch, the settings. */
let ext: LoadedExtension;
const HOME = '<!doctype html><html><head><title>Hugging Face</title></head><body><main><h1>The AI community building the future.</h1><a href="/models">Models</a></main></body></html>';

beforeAll(async () => {
  ext = await launchExtension();
  await routeHuggingFace(ext.context, { '/': HOME, '/papers/trending': FIXTURE_PAGES.trending.html });
});

afterAll(async () => {
  await ext?.close();
});

describe('everyday use', () => {
  it("annotates the cards when the reader arrives at /papers by the site's own in-page navigation", async () => {
    const page = await ext.context.newPage();
    await page.goto('https://huggingface.co/');
    await page.waitForTimeout(300);
    expect(await page.locator('[data-papershelf-id]').count()).toBe(0);
    // The site's router: a new address, then the new page's content, no page load.
    const papers = FIXTURE_PAGES.trending.papers.slice(0, 6);
    await page.evaluate((html) => {
      history.pushState({}, '', '/papers/trending');
      document.title = 'Trending Papers - Hugging Face';
      const main = document.querySelector('main')!;
      main.replaceChildren(document.createRange().createContextualFragment(`<div class="grid">${html}</div>`));
    }, listingCards(papers));
    const controls = await CardControls.of(page);
    await expect.poll(() => controls.hostIds()).toEqual(papers.map((p) => p.id));
    expect(await controls.pressed({ card: papers[0]!.id, role: 'button', name: /Save/ })).toBe(false);
    await page.close();
  });

  it("restyles the bars when the reader switches Hugging Face's light/dark theme", async () => {
    const page = await ext.context.newPage();
    await page.goto('https://huggingface.co/papers/trending');
    const controls = await CardControls.of(page);
    const id = FIXTURE_PAGES.trending.papers[0]!.id;
    const background = () => controls.style({ card: id, role: 'group', name: `PaperShelf: ${id}` }, 'background-color');
    await expect.poll(background).toBe('rgb(250, 250, 250)');
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await expect.poll(background).toBe('rgb(17, 24, 39)');
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    await expect.poll(background).toBe('rgb(250, 250, 250)');
    await page.close();
  });

  it("opens the settings from the popup's Settings button", async () => {
    const popup = await ext.openPage('popup.html');
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/options.html') });
    await popup.getByRole('button', { name: 'Settings' }).click();
    const options = await opened;
    await options.getByRole('heading', { name: 'PaperShelf settings' }).waitFor();
    await options.close();
  });
});
