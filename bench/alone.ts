import type { BrowserContext } from 'playwright-core';

/**
 * Where the page alone is served: the same page in the same browser, at an address PaperShelf does
 * not run on (its content script runs on huggingface.co only). The two sides then differ by the
 * content script and nothing else; two separate browsers also differed in their processes, caches
 * and warm-up, which showed as the extension's cost.
 */
export const ALONE_ORIGIN = 'https://listing.test';

/** Serves `html` at `path` of the page-alone address; anything else there is not found, as on the site. */
export async function serveAlone(context: BrowserContext, path: string, html: string): Promise<void> {
  await context.route(`${ALONE_ORIGIN}/**`, (route) =>
    new URL(route.request().url()).pathname === path
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );
}
