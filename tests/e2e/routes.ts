import type { BrowserContext, Route } from 'playwright-core';

export type PageSource = string | (() => string);

/**
 * Serves huggingface.co from fixtures: `pages` maps a path with its query ("/papers",
 * "/papers?q=llm") to HTML. Everything else on huggingface.co (images, avatars) is an empty 404,
 * and no request leaves the machine.
 */
export async function routeHuggingFace(context: BrowserContext, pages: Record<string, PageSource>): Promise<void> {
  await context.route('https://huggingface.co/**', (route: Route) => {
    const url = new URL(route.request().url());
    const page = pages[url.pathname + url.search] ?? pages[url.pathname];
    if (page === undefined) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: typeof page === 'string' ? page : page() });
  });
  await context.route(/^https:\/\/(cdn-thumbnails|cdn-avatars|cdn-uploads)\.huggingface\.co\//, (route) =>
    route.fulfill({ status: 404, body: '' }),
  );
}
