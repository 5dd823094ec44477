import { readFileSync } from 'node:fs';
import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { BROWSER, fixtureSite, launchExtension, sleep, type Extension, type Tab } from './harness';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  ext.serve(fixtureSite({ '/papers': FIXTURE_PAGES.daily.html }));
});

afterAll(async () => {
  await ext?.close();
});

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page (added as a script the page's CSP cannot stop). */
async function seriousViolations(page: Tab, include?: string): Promise<string[]> {
  await page.addScript(AXE);
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return result.violations;
  }, include);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/**
 * Puts an open copy of each built bar (its nodes and styles) after it, with `className`, for axe,
 * which reads the DOM and cannot enter closed roots. The copies are made from the content script's
 * world, the one place the closed roots can be opened (Chromium's `chrome.dom`, Firefox's
 * `openOrClosedShadowRoot`). Returns how many were copied.
 */
function copyBarsIntoOpenRoots(page: Tab, className: string): Promise<number> {
  return page.inContentScript<number>(`(() => {
    const closedRoot = (host) => globalThis.chrome?.dom?.openOrClosedShadowRoot?.(host) ?? host.openOrClosedShadowRoot;
    let copied = 0;
    for (const host of document.querySelectorAll('[data-papershelf-id]')) {
      const root = closedRoot(host);
      if (!root) continue; // not built yet
      const copy = document.createElement('div');
      copy.className = ${JSON.stringify(className)};
      const open = copy.attachShadow({ mode: 'open' });
      if (root.adoptedStyleSheets.length) open.adoptedStyleSheets = [...root.adoptedStyleSheets];
      for (const child of root.children) open.append(child.cloneNode(true));
      host.after(copy);
      copied++;
    }
    return copied;
  })()`);
}

describe(`accessibility in ${BROWSER}`, () => {
  it('the popup has no serious or critical axe violations in any view', async () => {
    const popup = await ext.openPage('popup.html');
    await ext.send({ type: 'savePapers', papers: [{ id: '2606.03748', title: 'Ultralytics YOLO26' }], tags: ['vision'] });
    for (const view of ['Library', 'On this page', 'New']) {
      await popup.click({ role: 'tab', name: view });
      await sleep(200);
      expect(await seriousViolations(popup), view).toEqual([]);
    }
    await popup.close();
  });

  it('the options page has no serious or critical axe violations', async () => {
    const options = await ext.openPage('options.html');
    await options.one({ role: 'heading', name: 'Trending' });
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it("PaperShelf's controls on a listing have no serious or critical axe violations", async () => {
    const page = await ext.openTab(FIXTURE_PAGES.daily.url);
    await page.one({ card: FIXTURE_PAGES.daily.papers[0]!.id, role: 'button', name: /Save/ });
    expect(await copyBarsIntoOpenRoots(page, 'papershelf-axe-copy')).toBeGreaterThan(0);
    expect(await seriousViolations(page, '.papershelf-axe-copy')).toEqual([]);
    await page.close();
  });

  it('a card can be saved and tagged with the keyboard alone', async () => {
    const page = await ext.openTab(FIXTURE_PAGES.daily.url);
    const paper = FIXTURE_PAGES.daily.papers[0]!;
    const save = { card: paper.id, role: 'button', name: /Save/ };
    await page.one(save);
    // Tab into our controls from the page's own link just before them (the bar sits in the byline of
    // the copy of the card on screen).
    const fromCopyOnScreen = await page.evaluate((id) => {
      const host = document.querySelector(`[data-papershelf-id="${id}"]`)!;
      const copy = host.closest('article > *')!;
      [...copy.querySelectorAll('a')].filter((a) => a.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1)!.focus();
      return copy.checkVisibility();
    }, paper.id);
    expect(fromCopyOnScreen).toBe(true);
    await page.press('Tab');
    await page.press('Enter');
    await expect.poll(() => page.pressed(save)).toBe(true);
    await page.press('Tab');
    await page.type('keyboard');
    await page.press('Enter');
    await expect.poll(() => page.count({ card: paper.id, role: 'button', name: 'Remove tag keyboard' })).toBe(1);
    await page.close();
  });

  it('the popup works by keyboard: tabs with arrows, search, rows with arrows', async () => {
    const popup = await ext.openPage('popup.html');
    await popup.one({ role: 'searchbox', name: 'Search library' });
    await popup.click({ role: 'tab', name: 'Library' });
    await popup.press('ArrowRight');
    await expect.poll(() => popup.selected({ role: 'tab', name: 'New' })).toBe(true);
    await popup.press('ArrowLeft');
    await expect.poll(() => popup.selected({ role: 'tab', name: 'Library' })).toBe(true);
    await popup.close();
  });
});
