import type { BrowserContext, Page } from 'playwright-core';

/**
 * Where the page alone is served: the same page in the same browser, at an address PaperShelf does
 * not run on (its content script runs on huggingface.co itself only). The two sides then differ by the
 * content script and nothing else; two separate browsers also differed in their processes, caches
 * and warm-up, which showed as the extension's cost. The address is on Hugging Face's own site, as the
 * page with the extension is: at another site (listing.test) the page alone took 4 to 15% longer
 * than the same page at huggingface.co with the content script switched off, in 5 of 5 read-throughs
 * of 1,000 cards (its parsing alone 266 ms longer), and the extension's figure gained all of it; at
 * this address that control came out between -11% and +5%, median -3%.
 */
export const ALONE_ORIGIN = 'https://alone.huggingface.co';

/** Serves `html` at `path` of the page-alone address; anything else there is not found, as on the site. */
export async function serveAlone(context: BrowserContext, path: string, html: string): Promise<void> {
  await context.route(`${ALONE_ORIGIN}/**`, (route) =>
    new URL(route.request().url()).pathname === path
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );
}

/** Where the extension runs: the site itself, served by the test routes. */
export const EXTENSION_ORIGIN = 'https://huggingface.co';

/**
 * Measures the page alone and with the extension, alternating, `runs` times, each on a fresh page:
 * whatever the machine does meanwhile falls on both sides alike. Each pair swaps which side goes
 * first (alone then with, with then alone, ...), so that whatever the first or the second page of a
 * pair pays for its place (the page before it still being torn down, warmer caches) falls on both
 * sides alike too, and not on the extension's figure. Results stay in pairs: `alone[i]` and
 * `withExtension[i]` were measured one after the other.
 */
export async function bothSides<T>(
  context: BrowserContext,
  runs: number,
  measure: (page: Page, origin: string, annotated: boolean) => Promise<T>,
): Promise<{ alone: T[]; withExtension: T[] }> {
  const alone: T[] = [];
  const withExtension: T[] = [];
  const sides = [[ALONE_ORIGIN, alone, false], [EXTENSION_ORIGIN, withExtension, true]] as const;
  for (let run = 0; run < runs; run++) {
    for (const [origin, into, annotated] of run % 2 === 0 ? sides : [...sides].reverse()) {
      const page = await context.newPage();
      into.push(await measure(page, origin, annotated));
      await page.close();
    }
  }
  return { alone, withExtension };
}
