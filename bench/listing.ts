import type { Page } from 'playwright-core';
import { listingCards, listingPage, manyPapers } from '../tests/fixtures/hf/markup';
import { launchChromiumWithExtension as launchExtension, routeHuggingFace } from '../tests/e2e/harness/chromium/launch';
import { bothSides, serveAlone } from './alone';
import { pairedDifference, summarize, type Figure } from './stats';
import { addedByKind, traceMainThread } from './trace';

/**
 * How long a load or an append is followed: the extension's work on what the page shows (bars near
 * the screen, the library's answers, For you) ends well within it, and idle time costs the page no
 * main-thread time, so the window is the same with and without the extension.
 */
const SETTLE_MS = 2_000;
const PATH = '/papers/month/2026-09';

function pageWith(cards: number) {
  return listingPage({ kind: 'month', papers: manyPapers(cards), blobLimit: 50 });
}

/**
 * Waits for the bars of the first screen (cards further down get theirs as they come near the
 * screen). Polls rarely: each poll is main-thread work that would be counted as the extension's.
 */
async function waitForFirstBars(page: Page) {
  await page.waitForFunction(() => document.querySelector('[data-papershelf-id]') !== null, undefined, { timeout: 120_000, polling: 500 });
}

export interface ListingFigures {
  cards: number;
  /** Main-thread time of the page alone. */
  pageOwn: Figure;
  /** Main-thread time the extension adds: with minus without, run by run. */
  added: Figure;
  /** Longest task without and with the extension. */
  longestWithout: Figure;
  longestWith: Figure;
  /** Main-thread time the extension adds, by kind (medians). */
  addedByKind: Record<string, number>;
  /**
   * Long tasks (>= 50 ms) per load, alone and with the extension, as medians: the page's own vary by
   * tens from load to load (most are its parsing), so the worst run's difference says only that.
   */
  longTasksAlone: Figure;
  longTasksWith: Figure;
  /** The same by the thread's CPU time (see MainThreadTime.longTasksOnThread). */
  longTasksOnThreadAlone: Figure;
  longTasksOnThreadWith: Figure;
  /** Long tasks with the extension minus alone, load by load (the loads alternated in pairs). */
  longTasksAdded: Figure;
  longTasksOnThreadAdded: Figure;
  /** Long tasks made long by the extension's own script, by trace attribution (worst run). */
  causedLongTasks: number;
  /** The extension's longest slice of its own script within one task. */
  longestOwnSlice: Figure;
  longestOwnSliceOnThread: Figure;
}

/**
 * Loads an N-card listing without and with the extension, alternating, each load traced until the
 * page is loaded (and, with the extension, the first screen's bars are there) and then for as long
 * again as the extension's work on the load takes.
 */
export async function measureListing(cards: number, runs: number): Promise<ListingFigures> {
  const html = pageWith(cards);
  const ext = await launchExtension();
  await routeHuggingFace(ext.context, { [PATH]: html });
  await serveAlone(ext.context, PATH, html);
  const { alone: without, withExtension: withExt } = await bothSides(ext.context, runs, (page, origin, annotated) =>
    traceMainThread(page, async () => {
      await page.goto(origin + PATH);
      if (annotated) await waitForFirstBars(page);
      await page.waitForTimeout(SETTLE_MS);
    }),
  );
  await ext.close();
  return {
    cards,
    pageOwn: summarize(without.map((t) => t.total)),
    added: summarize(withExt.map((t, i) => t.total - without[i]!.total)),
    addedByKind: addedByKind(without, withExt),
    longestWithout: summarize(without.map((t) => t.longest)),
    longestWith: summarize(withExt.map((t) => t.longest)),
    longTasksAlone: summarize(without.map((t) => t.longTasks.length)),
    longTasksWith: summarize(withExt.map((t) => t.longTasks.length)),
    longTasksOnThreadAlone: summarize(without.map((t) => t.longTasksOnThread.length)),
    longTasksOnThreadWith: summarize(withExt.map((t) => t.longTasksOnThread.length)),
    longTasksAdded: pairedDifference(without, withExt, (t) => t.longTasks.length),
    longTasksOnThreadAdded: pairedDifference(without, withExt, (t) => t.longTasksOnThread.length),
    causedLongTasks: Math.max(0, ...withExt.map((t) => t.causedLongTasks)),
    longestOwnSlice: summarize(withExt.map((t) => t.longestOwnSlice)),
    longestOwnSliceOnThread: summarize(withExt.map((t) => t.longestOwnSliceOnThread)),
  };
}

export interface AppendFigures {
  /** Main-thread time from the append until the extension is done with the new cards, with it. */
  withExtension: Figure;
  /** The same for the page alone: its parsing, style and layout of the new cards. */
  pageOwn: Figure;
  /** With minus alone, run by run. */
  added: Figure;
}

/**
 * Main-thread time of appending `added` cards to a page of `existing`, with the extension and the
 * page alone, alternating (as measureListing): the page's own share of an append (its parsing and
 * layout of the new cards) is most of it, so the page alone says what the extension's figure is
 * read against.
 */
export async function measureAppend(existing: number, added: number, runs: number): Promise<AppendFigures> {
  const ext = await launchExtension();
  const html = pageWith(existing);
  await routeHuggingFace(ext.context, { [PATH]: html });
  await serveAlone(ext.context, PATH, html);
  const extra = listingCards(manyPapers(added, existing));
  try {
    const { alone, withExtension } = await bothSides(ext.context, runs, async (page, origin, annotated) => {
      await page.goto(origin + PATH);
      if (annotated) await waitForFirstBars(page);
      await page.waitForTimeout(SETTLE_MS);
      const appended = await traceMainThread(page, async () => {
        await page.evaluate((cardsHtml) => {
          const grid = document.querySelector('article')!.parentElement!;
          grid.append(document.createRange().createContextualFragment(cardsHtml));
        }, extra);
        await page.waitForTimeout(SETTLE_MS);
      });
      return appended.total;
    });
    return { withExtension: summarize(withExtension), pageOwn: summarize(alone), added: summarize(withExtension.map((t, i) => t - alone[i]!)) };
  } finally {
    await ext.close();
  }
}
