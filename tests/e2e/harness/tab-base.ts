import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPng } from './png';
import type { Box, Control, ControlQuery, Tab, Viewport } from './types';

export type { Box } from './types';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `attempt` until it returns something other than undefined. */
export async function poll<T>(attempt: () => Promise<T | undefined>, timeoutMs: number, failure: () => string): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(failure());
    await sleep(100);
  }
}

/** The paper whose card a query looks in, if any. */
function cardOf(query: ControlQuery): string | undefined {
  return query.card ?? (query.within && cardOf(query.within));
}

export function describeQuery(query: ControlQuery): string {
  const name = query.name === undefined ? '' : ` named ${String(query.name)}`;
  const where = [
    query.nth === undefined ? '' : ` (number ${query.nth + 1})`,
    query.card === undefined ? '' : ` on card ${query.card}`,
    query.within ? ` in the ${describeQuery(query.within)}` : '',
  ];
  return `${query.role}${name}${where.join('')}`;
}

/** "Control+A" as the modifiers to hold and the key to press. */
export function splitKey(key: string): { modifiers: string[]; key: string } {
  const parts = key.split('+');
  const last = parts.pop()!;
  return { modifiers: parts, key: parts.length && last.length === 1 ? last.toLowerCase() : last };
}

/**
 * What both browsers' tabs do alike, on top of what each does its own way: finding controls in the
 * accessibility tree, measuring them, and real mouse and keyboard input.
 */
export abstract class TabBase implements Tab {
  abstract evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  abstract addScript(source: string): Promise<void>;
  abstract inContentScript<T>(expression: string): Promise<T>;
  abstract url(): Promise<string>;
  protected readonly errors: string[] = [];

  consoleErrors(): string[] {
    return [...this.errors];
  }

  abstract waitFor(selector: string, timeoutMs?: number): Promise<void>;
  abstract reload(): Promise<void>;
  abstract setViewport(viewport: Viewport): Promise<void>;
  abstract screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  abstract bringToFront(): Promise<void>;
  abstract press(key: string): Promise<void>;
  abstract type(text: string): Promise<void>;
  abstract find(query: ControlQuery): Promise<Control[]>;
  abstract chooseFile(selector: string, path: string): Promise<void>;
  abstract download(action: () => Promise<void>): Promise<string>;
  abstract close(): Promise<void>;
  /** The one control matching `query`, brought into view and measured; undefined while it is not there. */
  protected abstract boxOf(query: ControlQuery): Promise<Box | undefined>;
  /** The text in the one control matching `query`; undefined while it is not there. */
  protected abstract textOf(query: ControlQuery): Promise<string | undefined>;
  protected abstract mouseClick(x: number, y: number): Promise<void>;

  async one(query: ControlQuery, timeoutMs = 10_000): Promise<Control> {
    let found = 0;
    // A card's bar is built when the card comes near the screen: a person scrolls to the card first.
    let card = cardOf(query);
    return poll(
      async () => {
        const controls = await this.find(query);
        found = controls.length;
        if (found === 0 && card) {
          await this.scrollToCard(card);
          card = undefined;
        }
        return controls.length === 1 ? controls[0] : undefined;
      },
      timeoutMs,
      () => `Expected one ${describeQuery(query)}, found ${found}`,
    );
  }

  async count(query: ControlQuery): Promise<number> {
    return (await this.find(query)).length;
  }

  async names(query: ControlQuery): Promise<string[]> {
    return (await this.find(query)).map((c) => c.name);
  }

  async pressed(query: ControlQuery): Promise<boolean> {
    return (await this.one(query)).pressed === true;
  }

  async selected(query: ControlQuery): Promise<boolean> {
    return (await this.one(query)).selected === true;
  }

  async text(query: ControlQuery): Promise<string> {
    await this.one(query);
    return poll(() => this.textOf(query), 10_000, () => `No text in the ${describeQuery(query)}`);
  }

  async box(query: ControlQuery): Promise<Box> {
    await this.one(query);
    return poll(() => this.boxOf(query), 10_000, () => `The ${describeQuery(query)} could not be brought on screen`);
  }

  async colorAt(x: number, y: number): Promise<string> {
    const scale = await this.evaluate(() => window.devicePixelRatio);
    const folder = mkdtempSync(join(tmpdir(), 'papershelf-shot-'));
    try {
      const file = join(folder, 'viewport.png');
      await this.screenshot(file);
      const [r, g, b] = readPng(file).at(Math.floor(x * scale), Math.floor(y * scale));
      return `rgb(${r}, ${g}, ${b})`;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  /** The control's box once it has stopped moving (a scroll or a layout may still be settling). */
  async stillBox(query: ControlQuery): Promise<Box> {
    let box = await this.box(query);
    for (let tries = 0; tries < 20; tries++) {
      await sleep(50);
      const again = await this.box(query);
      const still = again.x === box.x && again.y === box.y && again.width === box.width && again.height === box.height;
      box = again;
      if (still) break;
    }
    return box;
  }

  /** Clicks the middle of the control once it has stopped moving, as a person would. */
  async click(query: ControlQuery): Promise<void> {
    await this.clickIn(await this.stillBox(query));
  }

  /** Clicks the middle of a box `stillBox` found: for timing a click without the wait before it. */
  async clickIn(box: Box): Promise<void> {
    await this.mouseClick(box.x + box.width / 2, box.y + box.height / 2);
  }

  async typeInto(query: ControlQuery, text: string): Promise<void> {
    await this.click(query);
    await this.type(text);
  }

  async fill(query: ControlQuery, text: string): Promise<void> {
    await this.click(query);
    await this.press('Control+A');
    await this.press('Backspace');
    if (text) await this.type(text);
  }

  async tabTo(query: ControlQuery, mostPresses = 30): Promise<void> {
    for (let presses = 0; presses <= mostPresses; presses++) {
      // The accessibility tree follows the focus a moment after it moves (Firefox's, asynchronously).
      const settled = Date.now() + 1_000;
      do {
        if ((await this.one(query)).focused) return;
        await sleep(100);
      } while (Date.now() < settled);
      if (presses < mostPresses) await this.press('Tab');
    }
    throw new Error(`The Tab key never brought the focus to the ${describeQuery(query)}`);
  }

  async scrollToCard(id: string): Promise<void> {
    await poll(
      () =>
        this.evaluate((card) => {
          // The card as the page shows it: the element around its links (or, on a paper's own page, its bar).
          const link = [...document.querySelectorAll('a[href*="/papers/"]')].find((a) => a.getAttribute('href')?.replace(/^https:\/\/huggingface\.co/, '') === `/papers/${card}`);
          const target = link?.closest('article') ?? document.querySelector(`[data-papershelf-id="${card}"]`) ?? link;
          target?.scrollIntoView({ block: 'center' });
          return target ? true : undefined;
        }, id),
      10_000,
      () => `No card for ${id} on the page`,
    );
  }

  async scrollThrough(): Promise<void> {
    await this.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
      for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await frame();
      }
      await frame();
    });
  }
}
