import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { backupJson } from '../lib/export/backup';
import { DEFAULT_DATABASE_NAME } from '../lib/library/database-name';
import { newPaper } from '../lib/paper/paper';
import { apiEntry, manyPapers } from '../tests/fixtures/hf/markup';
import { launchChromiumWithExtension as launchExtension, sendFromPage, type ChromiumExtension as LoadedExtension } from '../tests/e2e/harness/chromium/launch';
import { copyOfChromiumBuild } from './build-copy';
import { summarize, type Figure } from './stats';

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
async function popupInteractive(ext: LoadedExtension, stayOpen = 0, path = 'popup.html'): Promise<number> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[aria-label="Saved papers"] a, .empty')) {
        (window as unknown as { ready: number }).ready = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`chrome-extension://${ext.id}/${path}`);
  await page.waitForFunction(() => (window as unknown as { ready?: number }).ready !== undefined, undefined, { timeout: 30_000 });
  const ms = await page.evaluate(() => (window as unknown as { ready: number }).ready);
  await page.waitForTimeout(stayOpen);
  await page.close();
  return ms;
}

/**
 * Until the background has learned from the library just filled: it trains a few seconds after a
 * change, and a popup opened meanwhile shares the processor with that training, which a library at
 * rest does not ask of it (an empty library has nothing to train on, so it would be timed at rest).
 */
async function untilTrained(page: Page, since: number) {
  await page.waitForFunction(
    async ({ name, after }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const model = await new Promise<{ trainedAt?: number } | undefined>((resolve, reject) => {
        const get = db.transaction('relevance').objectStore('relevance').get('model');
        get.onsuccess = () => resolve(get.result as { trainedAt?: number } | undefined);
        get.onerror = () => reject(get.error);
      });
      db.close();
      return (model?.trainedAt ?? 0) > after;
    },
    { name: DEFAULT_DATABASE_NAME, after: since },
    { polling: 500, timeout: 120_000 },
  );
}

/** Popup opens timed per size: a reader opens it many times a day, so the browser has its code compiled. */
const POPUP_OPENS = 10;
/** How long each timed popup stays open: a reader looks at it, rather than closing it at its first row. */
const POPUP_LOOK_MS = 1000;

/** The page the floor is timed with: in the popup's place, one line from a module script, no library. */
const FLOOR_PAGE = 'floor.html';

/**
 * A copy of the Chromium build with one page more, which a one-line module script fills with an empty
 * state: opened as the popup is, it times what any extension page costs the browser on this machine at
 * that moment (on this 2-core machine, 30 to 80 ms), for the popup's figure to be read against.
 */
function withFloorPage(): ReturnType<typeof copyOfChromiumBuild> {
  const copy = copyOfChromiumBuild('floor');
  writeFileSync(join(copy.dir, FLOOR_PAGE), '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Floor</title><script type="module" src="/floor.js"></script></head><body></body></html>');
  writeFileSync(join(copy.dir, 'floor.js'), "document.body.append(Object.assign(document.createElement('p'), { className: 'empty', textContent: 'Nothing here' }));");
  return copy;
}

export interface PopupFigures {
  /** Opening the popup, by the number of papers in the library. */
  bySize: Map<number, Figure>;
  /** Opening a one-line extension page in the popup's place, in turn with the popups' opens. */
  floor: Figure;
}

/**
 * The popup opened `opens` times per library size. Each size has its browser, all filled and warmed
 * before the first timed open; the opens then take turns (each size, then the floor), so that every
 * figure, and every ratio between them, is read over the same minutes: this machine's pace changes by
 * half from one minute to the next, and sizes timed one after the other came out at 1.71x and 0.99x.
 */
export async function measurePopup(sizes: number[], opens = POPUP_OPENS): Promise<PopupFigures> {
  const build = withFloorPage();
  const browsers: { size: number; ext: LoadedExtension; times: number[] }[] = [];
  try {
    for (const size of sizes) {
      const ext = await launchExtension({ build: build.dir });
      browsers.push({ size, ext, times: [] });
      const helper = await ext.openPage('options.html');
      if (size > 0) {
        await fill(helper, size);
        await untilTrained(helper, await helper.evaluate(() => Date.now()));
      }
      // The settings page filled the library; left open, its live views of the library share the
      // processor with every popup opened (a reader opens the popup with no settings page open).
      await helper.close();
      // Warm-up: the first open compiles the bundle and, staying open a few seconds as people do, builds
      // and saves the library index (opening with no saved index is timed by measureSearch); the next
      // two let the browser keep the compiled code, as it does for a popup opened every day.
      await popupInteractive(ext, 4000);
      for (let i = 0; i < 2; i++) await popupInteractive(ext, POPUP_LOOK_MS);
    }
    const floorIn = browsers[0]!.ext;
    for (let i = 0; i < 3; i++) await popupInteractive(floorIn, POPUP_LOOK_MS, FLOOR_PAGE);
    const floor: number[] = [];
    for (let i = 0; i < opens; i++) {
      for (const b of browsers) b.times.push(await popupInteractive(b.ext, POPUP_LOOK_MS));
      floor.push(await popupInteractive(floorIn, POPUP_LOOK_MS, FLOOR_PAGE));
    }
    return { bySize: new Map(browsers.map((b) => [b.size, summarize(b.times)])), floor: summarize(floor) };
  } finally {
    for (const b of browsers) await b.ext.close();
    build.remove();
  }
}

export interface SearchFigures {
  /** From the key press to the last change the popup makes to the page in answer (rows included). */
  wall: Figure;
  /** Script time on the popup's main thread per keystroke (DevTools ScriptDuration). */
  mainScript: Figure;
  /** The search worker's time per answer (its `papershelf:find` marks), database reads included. */
  worker: Figure;
  /** From opening the popup to the whole list shown, with no saved index (built from the library) and with one. */
  readyBuilt: number;
  readySaved: number;
}

/** Per keystroke at `size` papers, typing `query` into the library search one key at a time. */
export async function measureSearch(size: number, query: string): Promise<SearchFigures> {
  const ext = await launchExtension();
  const helper = await ext.openPage('options.html');
  await fill(helper, size);
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { keyAt: number; lastChange: number };
    document.addEventListener('keydown', () => (w.keyAt = performance.now()), true);
    new MutationObserver(() => (w.lastChange = performance.now())).observe(document, { childList: true, subtree: true, characterData: true });
  });
  // The whole list (and search) is ready when the count shows: first with no saved index, then with one.
  const ready: number[] = [];
  for (let open = 0; open < 2; open++) {
    await page.goto(`chrome-extension://${ext.id}/popup.html`);
    await page.getByText(`${size.toLocaleString('en-US')} papers`).first().waitFor({ timeout: 60_000 });
    ready.push(await page.evaluate(() => performance.now()));
    await page.waitForTimeout(3000); // the index is saved a second after the last answer
  }
  const search = page.getByRole('searchbox', { name: 'Search library' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptSeconds = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === 'ScriptDuration')!.value;
  };
  const wall: number[] = [];
  const main: number[] = [];
  const worker: number[] = [];
  for (const char of query) {
    await page.evaluate(() => performance.clearMarks('papershelf:find'));
    const before = await scriptSeconds();
    await search.press(char === ' ' ? 'Space' : char);
    await page.waitForTimeout(1000);
    main.push((await scriptSeconds()) - before);
    const found = await page.evaluate(() => {
      const w = window as unknown as { keyAt: number; lastChange: number };
      const marks = performance.getEntriesByName('papershelf:find') as PerformanceMark[];
      return { ms: w.lastChange - w.keyAt, worker: marks.map((m) => (m.detail as { workerMs: number }).workerMs) };
    });
    if (found.ms > 0) wall.push(found.ms); // a key that changes nothing on screen has no answer to time
    worker.push(...found.worker);
  }
  await ext.close();
  return { readyBuilt: ready[0]!, readySaved: ready[1]!, wall: summarize(wall), mainScript: summarize(main.map((s) => s * 1000)), worker: summarize(worker.length ? worker : [0]) };
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
  await page.getByText(`Imported: ${count.toLocaleString('en-US')} new`).waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  await ext.close();
  rmSync(file, { force: true });
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
