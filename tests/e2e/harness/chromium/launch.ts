import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { buildDir } from '../builds';
import { askedFromExtensionPage } from '../extension-page';
import { fixtureSite, isHuggingFace, type PageSource, type Site } from '../site';
import { poll } from '../tab-base';
import type { BackgroundScope, Extension, LaunchOptions, Tab, Viewport } from '../types';
import { findChromium } from './find-chromium';
import { ChromiumTab } from './tab';

const CHROMIUM_BUILD = buildDir('chromium');

/** The Chromium build loaded in headless Chromium: Playwright's own objects, for the benchmark and the harness. */
export interface ChromiumExtension {
  context: BrowserContext;
  id: string;
  origin: string;
  debuggingPort: number;
  /** The extension's service worker now running (a stopped one is started again by whatever wakes it). */
  worker(): Promise<Worker>;
  /** Opens one of the extension's pages (popup.html, options.html) in a tab. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** A free port on loopback for the DevTools endpoint. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** Launches headless Chromium with the Chromium build loaded unpacked and a fresh profile. */
export async function launchChromiumWithExtension(options: LaunchOptions = {}): Promise<ChromiumExtension> {
  const build = options.build ?? CHROMIUM_BUILD;
  if (!existsSync(join(build, 'manifest.json'))) throw new Error('The extension is not built: run `npx wxt build` first.');
  if (options.neverRememberHistory) throw new Error('Never remembering history is a Firefox setting');
  const profile = mkdtempSync(join(tmpdir(), 'papershelf-e2e-'));
  const debuggingPort = await freePort();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--remote-debugging-port=${debuggingPort}`,
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const id = new URL(first.url()).host;
  const origin = `chrome-extension://${id}`;
  return {
    context,
    id,
    origin,
    debuggingPort,
    async worker() {
      const running = context.serviceWorkers().filter((w) => w.url().startsWith(origin));
      return running.at(-1) ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    },
    async openPage(path: string) {
      const page = await context.newPage();
      await page.goto(`${origin}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Serves huggingface.co and its subdomains from `site` (pages by path, or a site function asked for
 * each request). Playwright's routes see tabs' requests and the service worker's own fetches alike.
 */
export async function routeHuggingFace(context: BrowserContext, site: Record<string, PageSource> | (() => Site)): Promise<void> {
  const current = typeof site === 'function' ? site : ((fixed: Site) => () => fixed)(fixtureSite(site));
  await context.route(/^https:\/\/([\w-]+\.)?huggingface\.co\//, async (route: Route) => {
    const url = new URL(route.request().url());
    const reply = isHuggingFace(url) ? await current()({ url, method: route.request().method() }) : { status: 404 };
    if (reply === 'offline') return route.abort('internetdisconnected');
    return route.fulfill({ status: reply.status, contentType: reply.contentType, headers: reply.headers, body: reply.body ?? '' });
  });
}

/** Sends a message to the background from an extension page, as the popup would. */
export function sendFromPage<Reply = Record<string, unknown>>(page: Page, message: unknown): Promise<{ ok: boolean } & Reply> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

/**
 * Stops the extension's service worker as the browser does when it is idle, through the DevTools
 * protocol's browser endpoint (page sessions cannot reach extension workers).
 */
async function closeWorker(debuggingPort: number, worker: Worker): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debuggingPort}`);
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
}

/** The harness's Chromium: the Chromium build in headless Chromium, driven through Playwright. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Extension> {
  const loaded = await launchChromiumWithExtension(options);
  const { context, id, origin } = loaded;
  let site: Site = fixtureSite({});
  await routeHuggingFace(context, () => site);
  let helper: Promise<Tab> | undefined;
  const helperTab = () => (helper ??= extension.openPage('options.html'));

  const extension: Extension = {
    browser: 'chromium',
    id,
    origin,
    serve(next) {
      site = next;
    },
    async openPage(path: string, viewport?: Viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`${origin}/${path}`);
      return new ChromiumTab(page, origin);
    },
    async openTab(url, { beforeLoad, waitFor } = {}) {
      const page = await context.newPage();
      if (beforeLoad) await page.addInitScript(beforeLoad);
      await page.goto(url);
      const tab = new ChromiumTab(page, origin);
      if (waitFor) await tab.waitFor(waitFor);
      return tab;
    },
    async tabOpenedBy(action, url) {
      const fresh: Page[] = [];
      const opened = (page: Page) => void fresh.push(page);
      context.on('page', opened);
      try {
        await action();
        const page = await poll(async () => fresh.find((p) => url.test(p.url())), 10_000, () => `No tab opened at ${String(url)}`);
        await page.waitForLoadState('domcontentloaded');
        return new ChromiumTab(page, origin);
      } finally {
        context.off('page', opened);
      }
    },
    ...askedFromExtensionPage(helperTab),
    async pressShortcut() {
      throw new Error('Headless Chromium shows no action popup: shortcuts are tested in Firefox');
    },
    async inBackground<T, A>(fn: (scope: BackgroundScope, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
      return (await loaded.worker()).evaluate(`(${fn.toString()})(globalThis, ${JSON.stringify(arg)})`) as Promise<T>;
    },
    async stopBackground(wake: () => Promise<void>) {
      await extension.inBackground((scope) => void (scope.beforeStop = true));
      await closeWorker(loaded.debuggingPort, await loaded.worker());
      await wake();
      if (await extension.inBackground((scope) => scope.beforeStop === true)) throw new Error('The service worker did not stop');
    },
    close: () => loaded.close(),
  };
  return extension;
}
