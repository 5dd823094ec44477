import type { Site } from './site';

export type BrowserName = 'chromium' | 'firefox';

/**
 * A control found as a person using assistive technology finds it: by role and accessible name, in
 * the browser's accessibility tree. That tree reaches into the card bars' closed shadow roots, which
 * no page script and no DOM query can.
 */
export interface ControlQuery {
  /** The ARIA role: button, link, combobox, tab, listitem, status, alert… */
  role: string;
  /** The exact accessible name, or a pattern it must match. */
  name?: string | RegExp;
  /** Only in the bar on this paper's card (the bar is a group named "PaperShelf: <id>"). */
  card?: string;
  /** Only inside the controls this finds. */
  within?: ControlQuery;
  /** Only the nth of those found (from 0, in page order). */
  nth?: number;
}

export interface Control {
  role: string;
  name: string;
  value?: string;
  pressed?: boolean;
  selected?: boolean;
  checked?: boolean;
  focused?: boolean;
  disabled?: boolean;
}

/** Where something is on screen, in CSS pixels from the viewport's top left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/** A browser tab: a huggingface.co page or one of the extension's pages. */
export interface Tab {
  /** Runs `fn` in the page's own scripts' world (for an extension page: the extension's). */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Runs a script (its source) in the page's own world, whatever the page's content security policy. */
  addScript(source: string): Promise<void>;
  /** Runs an expression in the extension's content-script world on this page and returns its (awaited) JSON value. */
  inContentScript<T>(expression: string): Promise<T>;
  url(): Promise<string>;
  /** Errors the page's scripts have logged or thrown since the tab opened. */
  consoleErrors(): string[];
  /** Waits until an element matching `selector` is in the page's DOM. */
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  reload(): Promise<void>;
  setViewport(viewport: Viewport): Promise<void>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  bringToFront(): Promise<void>;
  /** Real key presses: "Enter", "Tab", "Escape", "Control+A"… */
  press(key: string): Promise<void>;
  /** Real typing, key by key, into whatever has focus. */
  type(text: string): Promise<void>;

  find(query: ControlQuery): Promise<Control[]>;
  /** The one control matching `query`, once it is there. */
  one(query: ControlQuery, timeoutMs?: number): Promise<Control>;
  count(query: ControlQuery): Promise<number>;
  names(query: ControlQuery): Promise<string[]>;
  /** Whether the one toggle matching `query` is pressed (aria-pressed). */
  pressed(query: ControlQuery): Promise<boolean>;
  /** Whether the one tab or option matching `query` is selected. */
  selected(query: ControlQuery): Promise<boolean>;
  /** The text inside the one control matching `query` (a status line, an alert). */
  text(query: ControlQuery): Promise<string>;
  /** Where the one control matching `query` is on screen, once brought into view. */
  box(query: ControlQuery): Promise<Box>;
  /**
   * The colour painted at a point of the viewport (CSS pixels), read from a screenshot: what a person
   * sees there, as "rgb(r, g, b)". Reaches what no script can read in both browsers, such as the
   * styles inside the card bars' closed shadow roots.
   */
  colorAt(x: number, y: number): Promise<string>;
  /** A real mouse click in the middle of the one control matching `query`, once it has stopped moving. */
  click(query: ControlQuery): Promise<void>;
  /** The control's box once it has stopped moving. */
  stillBox(query: ControlQuery): Promise<Box>;
  /** A real mouse click in the middle of `box` (from `stillBox`), with no wait before it. */
  clickIn(box: Box): Promise<void>;
  /** Clicks into a text field and types, key by key, after what it holds. */
  typeInto(query: ControlQuery, text: string): Promise<void>;
  /** Clicks into a text field, selects what it holds and types `text` over it. */
  fill(query: ControlQuery, text: string): Promise<void>;
  /**
   * Presses Tab until the one control matching `query` has the keyboard focus, as a keyboard user
   * moves to it (a `<select>` is then changed with the arrow keys, without opening its list).
   */
  tabTo(query: ControlQuery, mostPresses?: number): Promise<void>;
  /**
   * Puts a card on screen, as a reader scrolls to it: a card's bar is built when the card comes near
   * the screen. Finding a control on a card (`card` in a query) does this by itself when the control
   * is not there yet.
   */
  scrollToCard(id: string): Promise<void>;
  /** Scrolls from the top of the page to its end a half screen at a time, as a reader skims a list. */
  scrollThrough(): Promise<void>;

  /** Picks a file in the file input matching `selector`, as the file chooser would. */
  chooseFile(selector: string, path: string): Promise<void>;
  /** Runs `action` and returns the path of the file it downloads. */
  download(action: () => Promise<void>): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  /** Preferences for Firefox's profile (ignored by Chromium): how a test sets Firefox up as a user could. */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /**
   * Firefox only: set to never remember history (every window private) with PaperShelf allowed in
   * private windows, as Firefox asks when it is installed.
   */
  neverRememberHistory?: boolean;
  /** Chromium only: an unpacked build to load instead of the project's own (the benchmark's control). */
  build?: string;
}

/** The built extension, loaded in a fresh browser profile. */
export interface Extension {
  readonly browser: BrowserName;
  /** The extension's id as `runtime.id` gives it. */
  readonly id: string;
  /** Where its pages live: `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  readonly origin: string;
  /** What huggingface.co answers from now on, to tabs and to the background. */
  serve(site: Site): void;
  /** Opens one of the extension's pages ("popup.html?tab=3", "options.html") in a new tab. */
  openPage(path: string, viewport?: Viewport): Promise<Tab>;
  /** Opens a web page in a new tab; `beforeLoad` runs in the page before its own scripts. */
  openTab(url: string, options?: { beforeLoad?: () => void; waitFor?: string }): Promise<Tab>;
  /**
   * Runs `action` and returns the tab it opens (a link, `tabs.create`, `runtime.openOptionsPage`),
   * once that tab's address matches `url`.
   */
  tabOpenedBy(action: () => Promise<void>, url: RegExp): Promise<Tab>;
  /** Sends a message to the background from an extension page, as the popup would. */
  send<Reply = Record<string, unknown>>(message: unknown): Promise<{ ok: boolean } & Reply>;
  /** The browser's id for the tab showing `url`. */
  tabId(url: string): Promise<number>;
  badge(): Promise<string>;
  /**
   * Presses a keyboard shortcut on the browser window, where the browser matches extension shortcuts
   * (Firefox only: headless Chromium shows no action popup, and keys sent through DevTools reach only pages).
   */
  pressShortcut(keys: string): Promise<void>;
  /** Runs `fn` in the background (Chromium's service worker, Firefox's event page) with its global scope. */
  inBackground<T, A = undefined>(fn: (scope: BackgroundScope, arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Stops the background as the browser does, runs `wake` (which should start it again) and checks it restarted. */
  stopBackground(wake: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** The background's global scope, for the few tests that reach into it. */
export type BackgroundScope = typeof globalThis & Record<string, unknown>;
