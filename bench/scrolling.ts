import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension as launchExtension, routeHuggingFace } from '../tests/e2e/harness/chromium/launch';
import { ALONE_ORIGIN, bothSides, EXTENSION_ORIGIN, serveAlone } from './alone';
import { copyOfChromiumBuild } from './build-copy';
import { realListing } from './real-markup';
import { pairedDifference, summarize, type Figure } from './stats';
import { addedByKind, traceMainThread, type MainThreadTime } from './trace';

const URL_PATH = '/papers/trending';
const VIEWPORT = { width: 1280, height: 900 };
/**
 * A reader skimming at a steady pace: a screenful per step, three steps a second. (Ten a second, as
 * this bench once did, is a fling, not reading: the page's main thread is then busy nearly all the
 * time on this machine, and the figures swing by a third from one run to the next.)
 */
const SCROLL_STEP_PX = 900;
const SCROLL_INTERVAL_MS = 300;
const SETTLE_MS = 600;

async function load(page: Page, origin: string): Promise<void> {
  await page.goto(origin + URL_PATH, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
}

/** Scrolls from top to bottom at a steady pace, with the mouse wheel, as a reader would. */
async function scrollThrough(page: Page): Promise<void> {
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
  for (;;) {
    const atEnd = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);
    if (atEnd) break;
    await page.mouse.wheel(0, SCROLL_STEP_PX);
    await page.waitForTimeout(SCROLL_INTERVAL_MS);
  }
  await page.waitForTimeout(SETTLE_MS);
}

export interface ScrollingFigures {
  cards: number;
  pageOwn: Figure;
  added: Figure;
  /** Added time by kind (script of ours, the page's script, style, layout, paint, other), medians. */
  addedByKind: Record<string, number>;
  /**
   * Long tasks (>= 50 ms) per run. The page alone has 13 to 37 of them in a read-through of 1,000
   * cards on this machine, from one run to the next, so counts are compared as medians; what the
   * extension itself makes long is `causedLongTasks`.
   */
  longTasksAlone: Figure;
  longTasksWith: Figure;
  /** The same by the thread's CPU time (see MainThreadTime.longTasksOnThread). */
  longTasksOnThreadAlone: Figure;
  longTasksOnThreadWith: Figure;
  /**
   * Long tasks with the extension minus alone, pair by pair: the read-through that alternated with it
   * is the page alone's nearest reading, so this is the extension's own share, with the spread of pairs.
   */
  longTasksAdded: Figure;
  longTasksOnThreadAdded: Figure;
  /** Long tasks made long by the extension's own script, by trace attribution (worst run). */
  causedLongTasks: number;
  /** The longest main-thread task while scrolling: no frame can be shorter. */
  longestScrollTaskAlone: Figure;
  longestScrollTaskWith: Figure;
  longestOwnSlice: Figure;
  longestOwnSliceOnThread: Figure;
  /** Elements styled and objects laid out with the extension, as % more than the page alone, run by run. */
  styledAdded: Figure;
  laidOutAdded: Figure;
  /** Layouts and drawn frames per run, alone and with the extension (see MainThreadTime.layouts). */
  layoutsAlone: Figure;
  layoutsWith: Figure;
  framesAlone: Figure;
  framesWith: Figure;
}

/**
 * A copy of the Chromium build whose content script runs nowhere: measured as the extension, it shows
 * what the bench reads when the extension adds nothing to the page (the two addresses, the two
 * processes, the order of the sides, the machine). Everything else of the extension still runs.
 */
function withoutContentScript(): ReturnType<typeof copyOfChromiumBuild> {
  const copy = copyOfChromiumBuild('control');
  const manifestFile = join(copy.dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { content_scripts?: unknown };
  if (!manifest.content_scripts) throw new Error('The build has no content script to switch off');
  delete manifest.content_scripts;
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return copy;
}

/**
 * A listing of `cards` papers in Hugging Face's real markup, loaded and read through from top to
 * bottom by a reader scrolling at a steady pace, without and with the extension, alternating. All
 * main-thread time of the page's renderer counts (script, style, layout, paint), from a trace.
 */
export async function measureScrolling(cards: number, runs: number, { contentScript = true } = {}): Promise<ScrollingFigures> {
  const { html } = realListing(cards);
  const control = contentScript ? undefined : withoutContentScript();
  const ext = await launchExtension(control ? { build: control.dir } : {});
  let alone: Reading[] = [];
  let withExt: Reading[] = [];
  try {
    await ext.context.pages()[0]?.setViewportSize(VIEWPORT);
    await routeHuggingFace(ext.context, { [URL_PATH]: html });
    await serveAlone(ext.context, URL_PATH, html);
    for (const origin of [ALONE_ORIGIN, EXTENSION_ORIGIN]) {
      // One unmeasured load each, so neither side pays for a cold start (fonts, caches, the first process).
      const warm = await ext.context.newPage();
      await load(warm, origin);
      await warm.close();
    }
    ({ alone, withExtension: withExt } = await bothSides(ext.context, runs, async (page, origin): Promise<Reading> => {
      await page.setViewportSize(VIEWPORT);
      const loading = await traceMainThread(page, () => load(page, origin));
      const scrolling = await traceMainThread(page, () => scrollThrough(page));
      return combine(loading, scrolling);
    }));
  } finally {
    await ext.close();
    control?.remove();
  }
  return {
    cards,
    pageOwn: summarize(alone.map((t) => t.total)),
    added: summarize(withExt.map((t, i) => t.total - alone[i]!.total)),
    addedByKind: addedByKind(alone, withExt),
    longTasksAlone: summarize(alone.map((t) => t.longTasks.length)),
    longTasksWith: summarize(withExt.map((t) => t.longTasks.length)),
    longTasksOnThreadAlone: summarize(alone.map((t) => t.longTasksOnThread.length)),
    longTasksOnThreadWith: summarize(withExt.map((t) => t.longTasksOnThread.length)),
    longTasksAdded: pairedDifference(alone, withExt, (t) => t.longTasks.length),
    longTasksOnThreadAdded: pairedDifference(alone, withExt, (t) => t.longTasksOnThread.length),
    causedLongTasks: Math.max(...withExt.map((t) => t.causedLongTasks)),
    longestScrollTaskAlone: summarize(alone.map((t) => t.longestWhileScrolling)),
    longestScrollTaskWith: summarize(withExt.map((t) => t.longestWhileScrolling)),
    longestOwnSlice: summarize(withExt.map((t) => t.longestOwnSlice)),
    longestOwnSliceOnThread: summarize(withExt.map((t) => t.longestOwnSliceOnThread)),
    styledAdded: summarize(withExt.map((t, i) => percentMore(t.styledElements, alone[i]!.styledElements))),
    laidOutAdded: summarize(withExt.map((t, i) => percentMore(t.laidOutObjects, alone[i]!.laidOutObjects))),
    layoutsAlone: summarize(alone.map((t) => t.layouts)),
    layoutsWith: summarize(withExt.map((t) => t.layouts)),
    framesAlone: summarize(alone.map((t) => t.frames)),
    framesWith: summarize(withExt.map((t) => t.frames)),
  };
}

type Reading = MainThreadTime & { longestWhileScrolling: number };

/** NaN when the trace counted nothing on the page alone, so that a trace without the counts shows as such, not as +0%. */
const percentMore = (withExt: number, alone: number) => (alone > 0 ? (100 * (withExt - alone)) / alone : Number.NaN);

function combine(loading: MainThreadTime, scrolling: MainThreadTime): Reading {
  const byKind: Record<string, number> = { ...loading.byKind };
  for (const [kind, ms] of Object.entries(scrolling.byKind)) byKind[kind] = (byKind[kind] ?? 0) + ms;
  return {
    total: loading.total + scrolling.total,
    longTasks: [...loading.longTasks, ...scrolling.longTasks],
    longTasksOnThread: [...loading.longTasksOnThread, ...scrolling.longTasksOnThread],
    longest: Math.max(loading.longest, scrolling.longest),
    causedLongTasks: loading.causedLongTasks + scrolling.causedLongTasks,
    longestOwnSlice: Math.max(loading.longestOwnSlice, scrolling.longestOwnSlice),
    longestOwnSliceOnThread: Math.max(loading.longestOwnSliceOnThread, scrolling.longestOwnSliceOnThread),
    byKind,
    styledElements: loading.styledElements + scrolling.styledElements,
    laidOutObjects: loading.laidOutObjects + scrolling.laidOutObjects,
    layouts: loading.layouts + scrolling.layouts,
    frames: loading.frames + scrolling.frames,
    longestWhileScrolling: scrolling.longest,
  };
}
