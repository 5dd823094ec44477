import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { findChromium } from './chromium';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface LoadedExtension {
  context: BrowserContext;
  id: string;
  worker: Worker;
  /** Opens one of the extension's pages (popup.html, options.html) in a tab. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Launches headless Chromium with the built extension loaded and a fresh profile. */
export async function launchExtension(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<LoadedExtension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The extension is not built: run `npm run build` first.');
  }
  const profile = mkdtempSync(join(tmpdir(), 'papershelf-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const id = new URL(worker.url()).host;
  return {
    context,
    id,
    worker,
    async openPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Sends a message to the background from an extension page, as the popup would. */
export function sendFromPage<Reply = Record<string, unknown>>(page: Page, message: unknown): Promise<{ ok: boolean } & Reply> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}
