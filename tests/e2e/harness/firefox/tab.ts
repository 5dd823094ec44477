import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { poll, sleep, splitKey, TabBase, type Box } from '../tab-base';
import type { Control, ControlQuery, Viewport } from '../types';
import { evaluateInContentScript, queryAccessibles, toWire, type ParentProcess } from './parent-process';

/** The WebDriver BiDi id of the tab's top-level browsing context. */
export function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;
}

/**
 * A Firefox tab driven through puppeteer-core over WebDriver BiDi. Controls are found in Firefox's
 * accessibility tree, read in the parent process (which holds every tab's tree, closed shadow roots
 * included); clicks and keys are real input through BiDi's input actions.
 */
export class FirefoxTab extends TabBase {
  constructor(
    readonly page: Page,
    private readonly parent: ParentProcess,
    private readonly extensionId: string,
    private readonly downloads: string,
  ) {
    super();
    page.on('console', (message) => message.type() === 'error' && this.errors.push(message.text()));
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }

  async evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return (await this.page.evaluate(fn as (arg: unknown) => Promise<T>, arg as unknown)) as T;
  }

  async addScript(source: string): Promise<void> {
    await this.page.evaluate(source);
  }

  async inContentScript<T>(expression: string): Promise<T> {
    const reply = JSON.parse(await this.parent.run(evaluateInContentScript, { context: contextOf(this.page), extensionId: this.extensionId, expression })) as {
      value?: T;
      error?: string;
    };
    if (reply.error !== undefined) throw new Error(`In the content script: ${reply.error}`);
    return reply.value as T;
  }

  url(): Promise<string> {
    return this.evaluate(() => location.href);
  }

  async waitFor(selector: string, timeoutMs = 30_000): Promise<void> {
    await this.page.waitForSelector(selector, { timeout: timeoutMs });
  }

  async reload(): Promise<void> {
    if (!(await this.url()).startsWith('moz-extension:')) return void (await this.page.reload());
    // page.reload waits for load events that BiDi does not send for moz-extension:// pages: reload
    // through BiDi and wait for a new document (one without the mark left on the old one) to be parsed.
    await this.evaluate(() => ((window as unknown as { beforeReload?: boolean }).beforeReload = true));
    const connection = (this.page.browser() as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
    await connection.send('browsingContext.reload', { context: contextOf(this.page), wait: 'none' });
    await poll(
      async () => {
        const fresh = await this.evaluate(() => !(window as unknown as { beforeReload?: boolean }).beforeReload && document.readyState !== 'loading').catch(() => false);
        return fresh || undefined;
      },
      10_000,
      () => 'The page did not load again',
    );
  }

  async setViewport(viewport: Viewport): Promise<void> {
    await this.page.setViewport(viewport);
  }

  async screenshot(path: string, options: { fullPage?: boolean } = {}): Promise<void> {
    await this.page.screenshot({ path, fullPage: options.fullPage ?? false });
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async press(key: string): Promise<void> {
    const { modifiers, key: last } = splitKey(key);
    type Key = Parameters<Page['keyboard']['press']>[0];
    for (const modifier of modifiers) await this.page.keyboard.down(modifier as Key);
    await this.page.keyboard.press(last as Key);
    for (const modifier of modifiers.reverse()) await this.page.keyboard.up(modifier as Key);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async find(query: ControlQuery): Promise<Control[]> {
    return (await this.parent.run(queryAccessibles, { context: contextOf(this.page), query: toWire(query), action: 'find' })) as Control[];
  }

  async chooseFile(selector: string, path: string): Promise<void> {
    const input = (await this.page.waitForSelector(selector)) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
  }

  /** Firefox saves downloads to the profile's download folder without asking (set at launch). */
  async download(action: () => Promise<void>): Promise<string> {
    const before = new Set(readdirSync(this.downloads));
    await action();
    return poll(
      async () => {
        const fresh = readdirSync(this.downloads).filter((f) => !before.has(f) && !f.endsWith('.part'));
        if (fresh.length !== 1 || readdirSync(this.downloads).some((f) => f.endsWith('.part'))) return undefined;
        const path = join(this.downloads, fresh[0]!);
        const size = sizeOf(path);
        await sleep(100);
        return size !== undefined && size > 0 && sizeOf(path) === size ? path : undefined;
      },
      30_000,
      () => 'Nothing was downloaded',
    );
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  protected async boxOf(query: ControlQuery): Promise<Box | undefined> {
    const box = (await this.parent.run(queryAccessibles, { context: contextOf(this.page), query: toWire(query), action: 'box' })) as Box | null;
    return box ?? undefined;
  }

  protected async textOf(query: ControlQuery): Promise<string | undefined> {
    const text = (await this.parent.run(queryAccessibles, { context: contextOf(this.page), query: toWire(query), action: 'text' })) as string | null;
    return text ?? undefined;
  }

  protected async mouseClick(x: number, y: number): Promise<void> {
    await this.page.mouse.click(x, y);
  }
}

/**
 * A file's size, or undefined when it has gone: Firefox may write a download under a name of its own
 * and then move it to the one it keeps, between two looks at the folder.
 */
function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
