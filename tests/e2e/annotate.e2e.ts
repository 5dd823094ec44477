import { listingCards, manyPapers } from '../fixtures/hf/markup';
import { FIXTURE_PAGES, type FixtureName } from '../fixtures/hf/pages';
import { BROWSER, fixtureSite, launchExtension, sleep, type Extension, type Tab } from './harness';

let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  const pages = Object.fromEntries(
    Object.values(FIXTURE_PAGES).map((f) => {
      const url = new URL(f.url);
      return [url.pathname + url.search, f.html];
    }),
  );
  ext.serve(fixtureSite(pages));
});

afterAll(async () => {
  await ext?.close();
});

function open(name: FixtureName): Promise<Tab> {
  return ext.openTab(FIXTURE_PAGES[name].url, { waitFor: '[data-papershelf-id]' });
}

/** Each card's annotation count, as [paper id, number of our elements in that card]. */
function annotationsPerCard(page: Tab) {
  return page.evaluate(() =>
    [...document.querySelectorAll('article')].map((article) => {
      const hosts = article.querySelectorAll('[data-papershelf-id]');
      return [hosts[0]?.getAttribute('data-papershelf-id') ?? null, hosts.length];
    }),
  );
}

async function library(): Promise<{ id: string; tags: string[]; summary: string; authors: string[] }[]> {
  return (await ext.send<{ papers: never[] }>({ type: 'listPapers' })).papers;
}

describe(`annotating Hugging Face papers pages in ${BROWSER}`, () => {
  it.each(['daily', 'trending', 'weekly', 'search', 'variants', 'loggedIn', 'renamed'] as const)(
    'annotates every card of the %s page exactly once, each as it comes near the screen',
    async (name) => {
      const page = await open(name);
      const expected = FIXTURE_PAGES[name].papers.map((p) => [p.id, 1]);
      await expect.poll(async () => (await page.scrollThrough(), annotationsPerCard(page))).toEqual(expected);
      await page.close();
    },
  );

  it('puts the bar in the byline of the copy of the card the reader sees, so the page gets no longer', async () => {
    const page = await open('trending');
    const paper = FIXTURE_PAGES.trending.papers[0]!;
    /** What the bar follows, whether the reader sees it, and how much taller the card is than the copy shown. */
    const where = () =>
      page.evaluate((id) => {
        const host = document.querySelector(`[data-papershelf-id="${id}"]`)!;
        const card = host.closest('article')!;
        const copy = [...card.children].find((c) => c.checkVisibility())!;
        return {
          after: host.previousElementSibling?.textContent?.startsWith('Published on') ? 'wide date' : host.previousElementSibling?.textContent ? 'narrow date' : 'nothing',
          seen: host.checkVisibility() && host.getBoundingClientRect().width > 0,
          added: Math.round(card.getBoundingClientRect().height - copy.getBoundingClientRect().height),
        };
      }, paper.id);
    await page.setViewport({ width: 1280, height: 900 });
    await expect.poll(where).toEqual({ after: 'wide date', seen: true, added: 2 }); // 2: the card's border

    await page.setViewport({ width: 600, height: 900 });
    await expect.poll(where).toEqual({ after: 'narrow date', seen: true, added: 2 });
    const save = { card: paper.id, role: 'button', name: /Save/ };
    await page.click(save);
    await expect.poll(() => page.pressed(save)).toBe(true);
    expect((await library()).map((p) => p.id)).toContain(paper.id);

    await page.setViewport({ width: 1280, height: 900 });
    await expect.poll(where).toEqual({ after: 'wide date', seen: true, added: 2 });
    expect(await page.pressed(save)).toBe(true);
    await page.click(save);
    await expect.poll(() => page.pressed(save)).toBe(false);
    await page.close();
  });

  it('shows the whole focus ring of a control on a card, reached with the keyboard', async () => {
    const page = await open('trending');
    await page.setViewport({ width: 1280, height: 900 });
    const save = { card: FIXTURE_PAGES.trending.papers[0]!.id, role: 'button', name: /Save/ } as const;
    const button = await page.stillBox(save);
    // A click on the date before the bar, and Tab: the keyboard user's way to the button.
    await page.clickIn({ x: button.x - 16, y: button.y, width: 0, height: button.height });
    await page.tabTo(save, 3);
    // The ring is 2 px wide and 1 px out from the button, which fills the bar's height: nothing of
    // the bar (its containment included) may clip what it paints past its own box.
    const ORANGE = 'rgb(249, 115, 22)';
    await expect.poll(() => page.colorAt(button.x + button.width / 2, button.y - 2)).toBe(ORANGE);
    expect(await page.colorAt(button.x + button.width / 2, button.y + button.height + 2)).toBe(ORANGE);
    await page.close();
  });

  it('gives a card Add tag, its status region and Not interested as the reader reaches the bar, moving none of its controls', async () => {
    const page = await open('trending');
    await page.setViewport({ width: 1280, height: 900 });
    // A card For you recommends has Not interested from the start: take one it does not, once the
    // page's bars are settled. Not the first card: the last test left the pointer over its bar, and a
    // bar under the pointer is in use.
    await page.stillBox({ role: 'group', name: `PaperShelf: ${FIXTURE_PAGES.trending.papers[1]!.id}` });
    const near = FIXTURE_PAGES.trending.papers.slice(1, 6);
    const marked: number[] = [];
    for (const paper of near) marked.push(await page.count({ card: paper.id, role: 'note', name: /^For you/ }));
    const id = near[marked.indexOf(0)]?.id;
    if (!id) throw new Error('Every card near the top is marked For you');
    const save = { card: id, role: 'button', name: /Save/ } as const;
    const addTag = { card: id, role: 'combobox', name: 'Add tag' } as const;
    const notInterested = { card: id, role: 'button', name: 'Not interested' } as const;
    const bar = { role: 'group', name: `PaperShelf: ${id}` } as const;
    const before = { save: await page.stillBox(save), bar: await page.stillBox(bar) };
    // A card the reader only scrolls past has Save alone.
    expect(await page.count(addTag)).toBe(0);
    expect(await page.count({ card: id, role: 'status' })).toBe(0);
    expect(await page.count(notInterested)).toBe(0);
    await page.clickIn({ x: before.save.x - 16, y: before.save.y, width: 0, height: before.save.height });
    await page.tabTo(save, 3);
    // Made, empty, before anything the reader does there: what it says next is announced.
    await expect.poll(() => page.count({ card: id, role: 'status' })).toBe(1);
    expect(await page.text({ card: id, role: 'status' })).toBe('');
    // Add tag comes in after Save, and Not interested at the bar's end, clear of the rest; Tab
    // reaches one and then the other.
    await expect.poll(() => page.count(addTag)).toBe(1);
    await expect.poll(() => page.count(notInterested)).toBe(1);
    expect({ save: await page.box(save), bar: await page.box(bar) }).toEqual(before);
    const field = await page.box(addTag);
    expect(field.x).toBeGreaterThan(before.save.x + before.save.width);
    const quiet = await page.box(notInterested);
    expect(quiet.x).toBeGreaterThan(field.x + field.width);
    expect(quiet.x + quiet.width).toBeLessThanOrEqual(before.bar.x + before.bar.width);
    await page.tabTo(addTag, 1);
    await page.tabTo(notInterested, 3);
    await page.close();
  });

  it('fades a full bar where it has more, and a click on a faded end scrolls the bar there', async () => {
    const page = await open('trending');
    await page.setViewport({ width: 1280, height: 900 });
    const paper = FIXTURE_PAGES.trending.papers[2]!;
    const save = { card: paper.id, role: 'button', name: /Save/ } as const;
    const tags = ['reinforcement learning', 'agents', 'to read', 'evaluation benchmarks', 'reasoning', 'multimodal retrieval'];
    await page.click(save);
    await expect.poll(() => page.pressed(save)).toBe(true);
    await page.typeInto({ card: paper.id, role: 'combobox', name: 'Add tag' }, tags[0]!);
    await page.press('Enter');
    for (const tag of tags.slice(1)) {
      await page.type(tag);
      await page.press('Enter');
    }
    await expect.poll(() => page.count({ card: paper.id, role: 'button', name: /^Remove tag/ })).toBe(tags.length);
    await page.press('Escape');
    /** Whether Save and the last tag lie within what the bar shows (read with the extension's own access to its bar). */
    const inSight = () =>
      page.inContentScript<{ save: boolean; lastTag: boolean; scrolled: number }>(`(() => {
        const host = document.querySelector('[data-papershelf-id="${paper.id}"]');
        const root = globalThis.chrome?.dom?.openOrClosedShadowRoot?.(host) ?? host.openOrClosedShadowRoot;
        const bar = root.querySelector('[role="group"]');
        const shown = bar.getBoundingClientRect();
        const within = (element) => { const box = element.getBoundingClientRect(); return box.left >= shown.left - 0.5 && box.right <= shown.right + 0.5; };
        const chips = root.querySelectorAll('.tags button');
        return { save: within(root.querySelector('button.save')), lastTag: within(chips[chips.length - 1]), scrolled: Math.round(bar.scrollLeft) };
      })()`);
    // Typing left the bar scrolled towards its end, its start out of sight.
    await expect.poll(inSight).toMatchObject({ save: false });
    const bar = await page.stillBox({ role: 'group', name: `PaperShelf: ${paper.id}` });
    const end = (side: 'start' | 'end') => ({ x: side === 'start' ? bar.x : bar.x + bar.width - 16, y: bar.y, width: 16, height: bar.height });
    /** Clicks the faded end on `side` until `wanted` is in sight: each click scrolls most of a bar's width. */
    const scrollBy = async (side: 'start' | 'end', wanted: 'save' | 'lastTag') => {
      for (let clicks = 0; clicks < 4 && !(await inSight())[wanted]; clicks++) {
        const { scrolled } = await inSight();
        await page.clickIn(end(side));
        // Scrolled, smoothly, and come to rest.
        await expect
          .poll(async () => {
            const now = (await inSight()).scrolled;
            await sleep(150);
            return now !== scrolled && now === (await inSight()).scrolled;
          })
          .toBe(true);
      }
    };
    await scrollBy('start', 'save');
    await expect.poll(inSight).toMatchObject({ save: true, lastTag: false });
    await scrollBy('end', 'lastTag');
    await expect.poll(inSight).toMatchObject({ save: false, lastTag: true });
    // The clicks scrolled the bar and did nothing else: every tag is still there.
    expect((await library()).find((p) => p.id === paper.id)?.tags).toEqual(tags);
    // Save, out of sight at the bar's start, is brought back into sight to be pressed, and unsaves.
    expect((await inSight()).save).toBe(false);
    await page.click(save);
    await expect.poll(() => page.pressed(save)).toBe(false);
    await page.close();
  });

  it("keeps a bar's faded ends true to what it shows when the library changes with the reader elsewhere", async () => {
    // Changes come from the extension's page, opened first so that it leaves the tab in front (as the
    // popup does): Firefox tells assistive technology of a background tab's changes late.
    await ext.send({ type: 'ping' });
    const page = await open('trending');
    await page.setViewport({ width: 1280, height: 900 });
    const paper = FIXTURE_PAGES.trending.papers[4]!;
    const tags = ['reinforcement learning', 'agents', 'to read', 'evaluation benchmarks', 'reasoning', 'multimodal retrieval'];
    /** Whether the bar shows its arrow at each end, and whether it has more to show there, read with the extension's own access to its bar. */
    const ends = () =>
      page.inContentScript<{ fadedStart: boolean; fadedEnd: boolean; moreStart: boolean; moreEnd: boolean }>(`(() => {
        const host = document.querySelector('[data-papershelf-id="${paper.id}"]');
        const root = globalThis.chrome?.dom?.openOrClosedShadowRoot?.(host) ?? host.openOrClosedShadowRoot;
        const bar = root.querySelector('[role="group"]');
        const shown = (side) => { const arrow = root.querySelector('.more.' + side); return !!arrow && getComputedStyle(arrow).display !== 'none'; };
        return { fadedStart: shown('start'), fadedEnd: shown('end'), moreStart: bar.scrollLeft > 1, moreEnd: bar.scrollWidth - bar.scrollLeft - bar.clientWidth > 1 };
      })()`);
    // Saved with its tags from the popup: more than the bar can show.
    await ext.send({ type: 'savePapers', papers: [{ id: paper.id, title: paper.title }], tags });
    await expect.poll(() => page.count({ card: paper.id, role: 'button', name: /^Remove tag/ })).toBe(tags.length);
    // The reader points at the bar (just left of Save, inside the bar), then goes to the page's search box.
    const save = await page.stillBox({ card: paper.id, role: 'button', name: /Saved/ });
    await page.clickIn({ x: save.x - 6, y: save.y, width: 0, height: save.height });
    await page.click({ role: 'searchbox', name: 'Search any paper with AI' });
    await expect.poll(ends).toEqual({ fadedStart: false, fadedEnd: true, moreStart: false, moreEnd: true });
    // One tag left, set in the popup: all of it fits, and no fade says otherwise.
    await ext.send({ type: 'setTags', id: paper.id, tags: ['agents'] });
    await expect.poll(() => page.count({ card: paper.id, role: 'button', name: /^Remove tag/ })).toBe(1);
    await expect.poll(ends).toEqual({ fadedStart: false, fadedEnd: false, moreStart: false, moreEnd: false });
    // And back: the fade comes back with what does not fit.
    await ext.send({ type: 'setTags', id: paper.id, tags });
    await expect.poll(() => page.count({ card: paper.id, role: 'button', name: /^Remove tag/ })).toBe(tags.length);
    await expect.poll(ends).toEqual({ fadedStart: false, fadedEnd: true, moreStart: false, moreEnd: true });
    await ext.send({ type: 'unsavePapers', ids: [paper.id] });
    await page.close();
  });

  it("puts the controls next to the title on a paper's own page", async () => {
    const page = await open('paper');
    const id = FIXTURE_PAGES.paper.papers[0]!.id;
    expect(await page.evaluate(() => document.querySelector('h1')?.nextElementSibling?.getAttribute('data-papershelf-id'))).toBe(id);
    expect(await page.pressed({ card: id, role: 'button', name: '☆ Save' })).toBe(false);
    await page.close();
  });

  it('saves a paper from its card with full metadata, without following the card link', async () => {
    const page = await open('daily');
    const paper = FIXTURE_PAGES.daily.papers[1]!;
    const save = { card: paper.id, role: 'button', name: /Save/ };
    expect(await page.pressed(save)).toBe(false);
    await page.click(save);
    await expect.poll(() => page.pressed(save)).toBe(true);
    expect(await page.url()).toBe(FIXTURE_PAGES.daily.url);

    const saved = (await library()).find((p) => p.id === paper.id);
    // The full abstract and every author come from the page's data, not the card's short text.
    expect(saved).toMatchObject({ summary: paper.summary, authors: paper.authors });

    await page.click(save);
    await expect.poll(() => page.pressed(save)).toBe(false);
    expect((await library()).find((p) => p.id === paper.id)).toBeUndefined();
    await page.close();
  });

  it('adds and removes tags on the card with the keyboard, and the library follows', async () => {
    const page = await open('trending');
    const paper = FIXTURE_PAGES.trending.papers[0]!;
    const chips = { card: paper.id, role: 'button', name: /^Remove tag/ };
    // From beside the bar, Tab reaches Save and then Add tag, which is there once the reader is at the bar.
    const save = { card: paper.id, role: 'button', name: /Save/ } as const;
    const beside = await page.stillBox(save);
    await page.clickIn({ x: beside.x - 16, y: beside.y, width: 0, height: beside.height });
    await page.tabTo(save, 3);
    await page.tabTo({ card: paper.id, role: 'combobox', name: 'Add tag' }, 1);
    await page.type('  diffusion ');
    await page.press('Enter');
    await expect.poll(() => page.names(chips)).toEqual(['Remove tag diffusion']);
    await page.type('to read');
    await page.press('Enter');
    await expect.poll(() => page.names(chips)).toEqual(['Remove tag diffusion', 'Remove tag to read']);
    expect((await library()).find((p) => p.id === paper.id)?.tags).toEqual(['diffusion', 'to read']);
    // tagging saved it
    expect(await page.pressed(save)).toBe(true);

    await page.press('Backspace'); // on an empty input: removes the last tag
    await expect.poll(() => page.count(chips)).toBe(1);
    await page.click({ card: paper.id, role: 'button', name: 'Remove tag diffusion' });
    await expect.poll(() => page.count(chips)).toBe(0);
    expect((await library()).find((p) => p.id === paper.id)?.tags).toEqual([]);
    await page.close();
  });

  it('offers Undo after unsaving a tagged paper from its card, which puts back its tags and note', async () => {
    const page = await open('weekly');
    const paper = FIXTURE_PAGES.weekly.papers[0]!;
    await ext.send({ type: 'savePapers', papers: [{ id: paper.id, title: paper.title }], tags: ['keep me'] });
    await ext.send({ type: 'setNote', id: paper.id, note: 'My reading notes' });
    const save = { card: paper.id, role: 'button', name: /Save/ };
    await expect.poll(() => page.pressed(save)).toBe(true);

    await page.click(save);
    await expect.poll(() => page.pressed(save)).toBe(false);
    expect(await page.text({ card: paper.id, role: 'status' })).toMatch(/Removed from your library/);
    await page.click({ card: paper.id, role: 'button', name: 'Undo remove' });
    await expect.poll(() => page.pressed(save)).toBe(true);
    await expect.poll(() => page.names({ card: paper.id, role: 'button', name: /^Remove tag/ })).toEqual(['Remove tag keep me']);
    const restored = (await ext.send<{ papers: { note: string; tags: string[] }[] }>({ type: 'getPapers', ids: [paper.id] })).papers[0];
    expect(restored).toMatchObject({ note: 'My reading notes', tags: ['keep me'] });
    await page.close();
  });

  it('shows a change made in the popup on an open page without a reload', async () => {
    const page = await open('weekly');
    const paper = FIXTURE_PAGES.weekly.papers[2]!;
    const save = { card: paper.id, role: 'button', name: /Save/ };
    await ext.send({ type: 'savePapers', papers: [{ id: paper.id, title: paper.title }], tags: ['from popup'] });
    await expect.poll(() => page.pressed(save)).toBe(true);
    await expect.poll(() => page.count({ card: paper.id, role: 'button', name: 'Remove tag from popup' })).toBe(1);
    await ext.send({ type: 'unsavePapers', ids: [paper.id] });
    await expect.poll(() => page.pressed(save)).toBe(false);
    await page.close();
  });

  it('annotates cards added later and in-page navigation to another listing, never twice', async () => {
    const page = await open('daily');
    const extra = manyPapers(5, 500);
    await page.evaluate((html) => {
      const grid = document.querySelector('article')!.parentElement!;
      grid.append(document.createRange().createContextualFragment(html));
    }, listingCards(extra));
    const daily = FIXTURE_PAGES.daily.papers.map((p) => [p.id, 1]);
    await expect.poll(async () => (await page.scrollThrough(), annotationsPerCard(page))).toEqual([...daily, ...extra.map((p) => [p.id, 1])]);

    // Switch to the trending list the way the site does: new URL, new cards, no page load.
    const trending = FIXTURE_PAGES.trending.papers.slice(0, 6);
    await page.evaluate((html) => {
      history.pushState({}, '', '/papers/trending');
      const grid = document.querySelector('article')!.parentElement!;
      grid.replaceChildren(document.createRange().createContextualFragment(html));
    }, listingCards(trending));
    await expect.poll(async () => (await page.scrollThrough(), annotationsPerCard(page))).toEqual(trending.map((p) => [p.id, 1]));
    await page.close();
  });

  it('on a long listing, builds a bar when its card comes near the screen, showing what happened to the paper meanwhile', async () => {
    const page = await open('thousand');
    const papers = FIXTURE_PAGES.thousand.papers;
    const last = papers.at(-1)!;
    const built = () => page.evaluate(() => document.querySelectorAll('[data-papershelf-id]').length);
    // The first cards have their bars; the list's end, far below, has none yet.
    await expect.poll(built).toBeGreaterThan(0);
    expect(await built()).toBeLessThan(papers.length);
    expect(await page.evaluate((id) => document.querySelector(`[data-papershelf-id="${id}"]`), last.id)).toBeNull();
    // Saved elsewhere (as from the popup) while its card is far away: the bar shows it when built.
    await ext.send({ type: 'savePapers', papers: [{ id: last.id, title: last.title }], tags: ['far down'] });
    await page.scrollToCard(last.id);
    await expect.poll(() => page.pressed({ card: last.id, role: 'button', name: /Save/ })).toBe(true);
    expect(await page.count({ card: last.id, role: 'button', name: 'Remove tag far down' })).toBe(1);
    await ext.send({ type: 'unsavePapers', ids: [last.id] });
    await page.close();
  });

  it('tells the popup which papers the tab shows, in page order, read in full from the page and its data', async () => {
    const page = await open('search');
    const popup = await ext.openPage('popup.html');
    const tabId = await ext.tabId(FIXTURE_PAGES.search.url);
    const ask = () =>
      popup.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'pagePapers' }) as Promise<{ papers: { id: string; title: string }[] }>, tabId);
    await expect.poll(async () => (await ask()).papers.map((p) => p.id)).toEqual(FIXTURE_PAGES.search.papers.map((p) => p.id));
    expect((await ask()).papers.map((p) => p.title)).toEqual(FIXTURE_PAGES.search.papers.map((p) => p.title));
    await popup.close();
    await page.close();
  });
});
