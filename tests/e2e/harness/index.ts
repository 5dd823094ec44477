import { launchChromium } from './chromium/launch';
import { launchFirefox } from './firefox/launch';
import type { BrowserName, Extension, LaunchOptions } from './types';

export type * from './types';
export { fixtureSite, json, type PageSource, type Site, type SiteAnswer, type SiteReply } from './site';
export { sleep } from './tab-base';

/** The browser this run of the suite tests: E2E_BROWSER=chromium (the default) or firefox. */
export const BROWSER: BrowserName = (() => {
  const name = process.env.E2E_BROWSER ?? 'chromium';
  if (name !== 'chromium' && name !== 'firefox') throw new Error(`E2E_BROWSER is ${name}: chromium or firefox`);
  return name;
})();

/** The extension built for this browser, loaded in a fresh profile of it. */
export function launchExtension(options: LaunchOptions = {}): Promise<Extension> {
  return BROWSER === 'firefox' ? launchFirefox(options) : launchChromium(options);
}

/**
 * Why tests cannot run in this browser, given per browser as the browser feature they need; undefined
 * where they can. Tests pass it to `ctx.skip(reason !== undefined, reason)`, so the run says why.
 */
export function unsupported(reasons: Partial<Record<BrowserName, string>>): string | undefined {
  return reasons[BROWSER];
}
