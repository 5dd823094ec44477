import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { CardControls } from './card-controls';
import { launchExtension, sendFromPage, type LoadedExtension } from './extension';
import { routeHuggingFace } from './routes';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
let ext: LoadedExtension;

beforeAll(async () => {
  ext = await launchExtension();
  await routeHuggingFace(ext.context, { '/papers': FIXTURE_PAGES.daily.html });
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

/** Runs axe-core in the page (evaluated, so extension pages' CSP does not stand in the way). */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return result.violations;
  }, include);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe('accessibility', () => {
  it('the popup has no serious or critical axe violations in any view', async () => {
    const popup = await ext.openPage('popup.html');
    await sendFromPage(popup, { type: 'savePapers', papers: [{ id: '2606.03748', title: 'Ultralytics YOLO26' }], tags: ['vision'] });
    for (const view of ['Library', 'On this page', 'New']) {
      await popup.getByRole('tab', { name: view }).click();
      await popup.waitForTimeout(200);
      expect(await seriousViolations(popup), view).toEqual([]);
    }
    await popup.close();
  });

  it('the options page has no serious or critical axe violations', async () => {
    const options = await ext.openPage('options.html');
    await options.getByRole('heading', { name: 'Trending' }).waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it("PaperShelf's controls on a listing have no serious or critical axe violations", async () => {
    const page = await ext.context.newPage();
    await page.goto(FIXTURE_PAGES.daily.url);
    const controls = await CardControls.of(page);
    // axe reads the DOM, and closed shadow roots are out of its reach: it checks open copies of the bars.
    expect(await controls.copyBarsIntoOpenRoots('papershelf-axe-copy')).toBeGreaterThan(0);
    expect(await seriousViolations(page, '.papershelf-axe-copy')).toEqual([]);
    await page.close();
  });

  it('a card can be saved and tagged with the keyboard alone', async () => {
    const page = await ext.context.newPage();
    await page.goto(FIXTURE_PAGES.daily.url);
    const controls = await CardControls.of(page);
    const paper = FIXTURE_PAGES.daily.papers[0]!;
    const save = { card: paper.id, role: 'button', name: /Save/ };
    await controls.one(save);
    // Tab from the card's last link of the page's own into our controls.
    await page.locator('article').first().getByRole('link', { name: 'arXiv Page' }).last().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => controls.pressed(save)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('keyboard');
    await page.keyboard.press('Enter');
    await expect.poll(() => controls.count({ card: paper.id, role: 'button', name: 'Remove tag keyboard' })).toBe(1);
    await page.close();
  });

  it('the popup works by keyboard: tabs with arrows, search, rows with arrows', async () => {
    const popup = await ext.openPage('popup.html');
    await popup.getByRole('searchbox', { name: 'Search library' }).waitFor();
    await popup.getByRole('tab', { name: 'Library' }).focus();
    await popup.keyboard.press('ArrowRight');
    await expect.poll(() => popup.getByRole('tab', { name: 'New' }).getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('ArrowLeft');
    await expect.poll(() => popup.getByRole('tab', { name: 'Library' }).getAttribute('aria-selected')).toBe('true');
    await popup.close();
  });
});
