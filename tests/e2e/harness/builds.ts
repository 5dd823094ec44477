import { resolve } from 'node:path';
import type { BrowserName } from './types';

/** Where `npx wxt build` and `npx wxt build -b firefox --mv3` put each browser's build. */
export function buildDir(browser: BrowserName): string {
  return resolve(browser === 'firefox' ? '.output/firefox-mv3' : '.output/chrome-mv3');
}
