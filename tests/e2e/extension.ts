import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
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
  /** Stops the service worker, runs `wake` (which should make it start again) and checks it restarted. */
  stopServiceWorker(wake: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** Launches headless Chromium with the built extension loaded and a fresh profile. */
/** A free port on loopback for the DevTools endpoint. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Stops the extension's service worker as the browser does when it is idle, through the DevTools
 * protocol's browser endpoint (page sessions cannot reach extension workers), and checks it stopped:
 * a global set before must be gone once the worker is woken again.
 */
async function stopWorker(port: number, worker: Worker, wake: () => Promise<void>): Promise<void> {
  await worker.evaluate(() => ((globalThis as { beforeStop?: boolean }).beforeStop = true));
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === worker.url());
    if (!target) throw new Error('The extension service worker was not found');
    await session.send('Target.closeTarget', { targetId: target.targetId });
  } finally {
    // Disconnects this client only; the browser keeps running.
    await browser.close();
  }
  await wake();
  const survived = await worker.evaluate(() => (globalThis as { beforeStop?: boolean }).beforeStop === true);
  if (survived) throw new Error('The service worker did not stop');
}

export async function launchExtension(options: { colorScheme?: 'light' | 'dark'; stoppable?: boolean } = {}): Promise<LoadedExtension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The extension is not built: run `npm run build` first.');
  }
  const profile = mkdtempSync(join(tmpdir(), 'papershelf-e2e-'));
  const debuggingPort = options.stoppable ? await freePort() : undefined;
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
      ...(debuggingPort ? [`--remote-debugging-port=${debuggingPort}`] : []),
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
    async stopServiceWorker(wake: () => Promise<void>) {
      if (!debuggingPort) throw new Error('Launch with { stoppable: true } to stop the service worker');
      await stopWorker(debuggingPort, worker, wake);
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
