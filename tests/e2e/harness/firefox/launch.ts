import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Page, type Target } from 'puppeteer-core';
import { buildDir } from '../builds';
import { askedFromExtensionPage } from '../extension-page';
import { poll, sleep, splitKey } from '../tab-base';
import { fixtureSite, type Site } from '../site';
import type { BackgroundScope, Extension, LaunchOptions, Tab, Viewport } from '../types';
import { allowInPrivateWindows, ParentProcess, pressOnBrowserWindow, terminateBackground } from './parent-process';
import { startSiteProxy } from './site-proxy';
import { contextOf, FirefoxTab } from './tab';

const FIREFOX_BUILD = buildDir('firefox');

const SYSTEM_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/** $FIREFOX_PATH, else a system Firefox (Debian's firefox-esr first). */
export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = SYSTEM_PATHS.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Firefox found for the end-to-end tests. Install one (Debian: `sudo apt-get install -y firefox-esr`, 142 or newer), or set FIREFOX_PATH.',
  );
}

/** Waits until the page shows a document of `protocol` that has been parsed (its scripts can run). */
async function loaded(page: Page, protocol: string, what: string): Promise<void> {
  for (let tries = 0; ; tries++) {
    // The first evaluation can fail while the tab moves to the extension's process.
    const ready = await page.evaluate(() => document.readyState).catch(() => 'loading');
    if (ready !== 'loading' && (await page.evaluate(() => location.protocol).catch(() => '')) === protocol) return;
    if (tries > 100) throw new Error(`${what} did not load`);
    await sleep(50);
  }
}

/**
 * Launches headless Firefox with a fresh profile and the Firefox build installed as a temporary
 * add-on (as about:debugging does), its pages at a fixed moz-extension:// address.
 */
export async function launchFirefox(options: LaunchOptions = {}): Promise<Extension> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error('The Firefox build is missing: run `npx wxt build -b firefox --mv3` first.');
  if (options.build) throw new Error('Loading another build is a Chromium option');
  const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const downloads = mkdtempSync(join(tmpdir(), 'papershelf-downloads-'));
  let site: Site = fixtureSite({});
  const proxy = await startSiteProxy(() => site);

  const firefox = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: findFirefox(),
    headless: true,
    // The proxy's certificate for huggingface.co is its own.
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 900 },
    // Privileged scripts in the parent process, and navigation to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // Every request goes through the proxy, which answers for huggingface.co and refuses the rest.
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.http.http3.enable': false,
      'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
      // Downloads land in a folder of the test's, without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      // Optional permissions asked for by the extension are granted without the doorhanger a person would click.
      'extensions.webextOptionalPermissionPrompts': false,
      ...(options.neverRememberHistory ? { 'browser.privatebrowsing.autostart': true } : {}),
      ...options.firefoxPrefs,
    },
  });
  const parent = await ParentProcess.of(firefox);
  const id = await firefox.installExtension(FIREFOX_BUILD);
  if (id !== geckoId) throw new Error(`Installed ${id}, expected ${geckoId}`);
  if (options.neverRememberHistory) await parent.run(allowInPrivateWindows, { extensionId: id });

  const tabOf = (page: Page) => new FirefoxTab(page, parent, id, downloads);
  let helper: Promise<Tab> | undefined;
  const helperTab = () => (helper ??= extension.openPage('options.html'));

  const extension: Extension = {
    browser: 'firefox',
    id,
    origin,
    serve(next) {
      site = next;
    },
    async openPage(path: string, viewport?: Viewport) {
      const page = await firefox.newPage();
      if (viewport) await page.setViewport(viewport);
      // page.goto waits for load events that BiDi does not send for moz-extension:// pages.
      const connection = (firefox as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
      await connection.send('browsingContext.navigate', { context: contextOf(page), url: `${origin}/${path}`, wait: 'interactive' });
      await loaded(page, 'moz-extension:', path);
      return tabOf(page);
    },
    async openTab(url, { beforeLoad, waitFor } = {}) {
      const page = await firefox.newPage();
      if (beforeLoad) await page.evaluateOnNewDocument(beforeLoad);
      await page.goto(url);
      const tab = tabOf(page);
      if (waitFor) await tab.waitFor(waitFor);
      return tab;
    },
    async tabOpenedBy(action, url) {
      const fresh: Target[] = [];
      const opened = (target: Target) => void fresh.push(target);
      firefox.on('targetcreated', opened);
      try {
        await action();
        // Asked of the page itself: BiDi tells no navigation to moz-extension:// pages.
        const addressOf = async (target: Target) => (await target.page())?.evaluate(() => location.href).catch(() => undefined);
        const page = await poll(
          async () => {
            for (const target of fresh.filter((t) => t.type() === 'page')) {
              const address = await addressOf(target);
              if (address !== undefined && url.test(address)) return { page: (await target.page())!, address };
            }
            return undefined;
          },
          10_000,
          () => `No tab opened at ${String(url)}`,
        );
        await loaded(page.page, new URL(page.address).protocol, page.address);
        return tabOf(page.page);
      } finally {
        firefox.off('targetcreated', opened);
      }
    },
    ...askedFromExtensionPage(helperTab),
    async pressShortcut(keys: string) {
      const { modifiers, key } = splitKey(keys);
      const held = (name: string) => modifiers.includes(name);
      await parent.run(pressOnBrowserWindow, { key, altKey: held('Alt'), shiftKey: held('Shift'), ctrlKey: held('Control'), metaKey: held('Meta') });
    },
    async inBackground<T, A>(fn: (scope: BackgroundScope, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
      // The event page's window, reached from an extension page of the same process. The helper page
      // stays open, so functions it puts into the background stay alive.
      const { page } = (await helperTab()) as FirefoxTab;
      const background = await page.evaluateHandle(() => (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser.runtime.getBackgroundPage());
      try {
        return (await page.evaluate(fn as (scope: unknown, arg: unknown) => Promise<T>, background, arg)) as T;
      } finally {
        await background.dispose();
      }
    },
    async stopBackground(wake: () => Promise<void>) {
      await extension.inBackground((scope) => void (scope.beforeStop = true));
      if (await parent.run(terminateBackground, { extensionId: id })) throw new Error('The event page did not stop');
      await wake();
      if (await extension.inBackground((scope) => scope.beforeStop === true)) throw new Error('The event page did not stop');
    },
    async close() {
      await firefox.close();
      await proxy.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
  return extension;
}
