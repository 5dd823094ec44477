import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { backupJson } from '../lib/export/backup';
import { newPaper } from '../lib/paper/paper';
import { apiEntry, manyPapers } from '../tests/fixtures/hf/markup';
import { launchExtension, sendFromPage, type LoadedExtension } from '../tests/e2e/extension';
import { repeat, summarize, type Figure } from './stats';

const TAGS = ['LLM', 'vision', 'agents', 'RL', 'to read', 'diffusion', 'data', 'efficiency'];

/** `count` library papers with real titles and abstracts (the seed repeated under fresh ids). */
export function libraryPapers(count: number) {
  return manyPapers(count).map((p, i) =>
    newPaper(
      { id: p.id, title: p.title, summary: p.summary, authors: p.authors, organization: p.organization, publishedAt: p.publishedAt, upvotes: p.upvotes },
      1_700_000_000_000 + i * 1000,
      [TAGS[i % TAGS.length]!, ...(i % 3 === 0 ? [TAGS[(i + 3) % TAGS.length]!] : [])],
    ),
  );
}

async function fill(page: Page, count: number) {
  await sendFromPage(page, { type: 'unsavePapers', ids: ['2601.00001'] }); // wakes the worker
  const papers = libraryPapers(count);
  for (let i = 0; i < papers.length; i += 2000) await sendFromPage(page, { type: 'restorePapers', papers: papers.slice(i, i + 2000) });
}

/** Milliseconds from navigation until the library list shows its first paper (or its empty state). */
async function popupInteractive(ext: LoadedExtension): Promise<number> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[aria-label="Saved papers"] a, .empty')) {
        (window as unknown as { ready: number }).ready = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`chrome-extension://${ext.id}/popup.html`);
  await page.waitForFunction(() => (window as unknown as { ready?: number }).ready !== undefined, undefined, { timeout: 30_000 });
  const ms = await page.evaluate(() => (window as unknown as { ready: number }).ready);
  await page.close();
  return ms;
}

export async function measurePopup(sizes: number[], runs: number): Promise<Map<number, Figure>> {
  const figures = new Map<number, Figure>();
  for (const size of sizes) {
    const ext = await launchExtension();
    const helper = await ext.openPage('options.html');
    if (size > 0) await fill(helper, size);
    await popupInteractive(ext); // warm-up: first open compiles the bundle
    figures.set(size, await repeat(runs, () => popupInteractive(ext)));
    await ext.close();
  }
  return figures;
}

/**
 * Per keystroke at `size` papers: from the key press to the last change the popup makes to the page
 * in answer (the result count and rows), measured inside the page.
 */
export async function measureSearch(size: number, query: string): Promise<Figure> {
  const ext = await launchExtension();
  const helper = await ext.openPage('options.html');
  await fill(helper, size);
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { keyAt: number; lastChange: number };
    document.addEventListener('keydown', () => (w.keyAt = performance.now()), true);
    new MutationObserver(() => (w.lastChange = performance.now())).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(`chrome-extension://${ext.id}/popup.html`);
  const search = page.getByRole('searchbox', { name: 'Search library' });
  await page.getByText(`${size} papers`).first().waitFor();
  const times: number[] = [];
  for (const char of query) {
    await search.press(char === ' ' ? 'Space' : char);
    await page.waitForTimeout(1500);
    const ms = await page.evaluate(() => {
      const w = window as unknown as { keyAt: number; lastChange: number };
      return w.lastChange - w.keyAt;
    });
    // Keys that change nothing on screen (a word still under three letters) are not counted.
    if (ms > 0) times.push(ms);
  }
  await ext.close();
  return summarize(times.length ? times : [0]);
}

/** Saving `count` papers one action (one message, one transaction) at a time. */
export async function measureSaves(count: number): Promise<{ total: number; each: number }> {
  const ext = await launchExtension();
  const page = await ext.openPage('options.html');
  const papers = manyPapers(count, 3000).map((p) => ({ id: p.id, title: p.title, authors: p.authors, summary: p.summary }));
  const total = await page.evaluate(async (list) => {
    const t = performance.now();
    for (const paper of list) await chrome.runtime.sendMessage({ type: 'savePapers', papers: [paper] });
    return performance.now() - t;
  }, papers);
  await ext.close();
  return { total, each: total / count };
}

/** Importing a backup of `count` papers through the options page, from choosing the file to "Imported". */
export async function measureImport(count: number): Promise<number> {
  const file = join(tmpdir(), `papershelf-bench-${count}.json`);
  writeFileSync(file, backupJson(libraryPapers(count)));
  const ext = await launchExtension();
  const page = await ext.openPage('options.html');
  const started = Date.now();
  await page.getByLabel('Choose a backup file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(`Imported: ${count} new`).waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  await ext.close();
  return ms;
}

/** One trending check when nothing changed and when `changed` papers entered: requests and rows written. */
export async function measureTrendingCheck(changed: number) {
  const ext = await launchExtension();
  let requests = 0;
  let answer = manyPapers(50);
  await ext.context.route('https://huggingface.co/api/daily_papers**', (route: Route) => {
    requests++;
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer.map(apiEntry)) });
  });
  const page = await ext.openPage('options.html');
  await sendFromPage(page, { type: 'checkTrending' });
  const check = async () => {
    const before = requests;
    const reply = await sendFromPage<{ rowsWritten: number; outcome: string }>(page, { type: 'checkTrending' });
    return { requests: requests - before, rowsWritten: reply.rowsWritten, outcome: reply.outcome };
  };
  const unchanged = await check();
  answer = [...manyPapers(changed, 5000), ...manyPapers(50 - changed)];
  const withChanges = await check();
  await ext.close();
  return { unchanged, changed: withChanges };
}
