import type { Browser } from 'puppeteer-core';
import type { ControlQuery } from '../types';

/**
 * Firefox's parent process, reached through WebDriver BiDi's privileged scope (the browser is started
 * with --remote-allow-system-access). It holds what a test needs and no web-facing protocol gives:
 * the accessibility tree of every tab (closed shadow roots included), the extension's content-script
 * world, and the switch that stops an event page (about:debugging's "Terminate background script").
 *
 * The functions below are sent as source and run there, so they use no imports and no closures
 * (`accessibleTools` and `measureInContent` are sent along with each).
 */

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** A query as it travels: patterns as source and flags. */
export interface WireQuery {
  role: string;
  name?: { exact: string } | { source: string; flags: string };
  card?: string;
  within?: WireQuery;
  nth?: number;
}

export function toWire(query: ControlQuery): WireQuery {
  const { name, within, ...rest } = query;
  return {
    ...rest,
    ...(name === undefined ? {} : { name: typeof name === 'string' ? { exact: name } : { source: name.source, flags: name.flags } }),
    ...(within ? { within: toWire(within) } : {}),
  };
}

export class ParentProcess {
  private constructor(
    private readonly connection: BidiConnection,
    private readonly chromeContext: string,
  ) {}

  static async of(browser: Browser): Promise<ParentProcess> {
    const connection = (browser as unknown as { connection: BidiConnection }).connection;
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const [window] = result.contexts as { context: string }[];
    if (!window) throw new Error('No Firefox window to run privileged scripts in');
    return new ParentProcess(connection, window.context);
  }

  /** Runs `fn(arg)` in the parent process; arguments and results travel as JSON. */
  async run<T, A>(fn: (arg: A) => Promise<T> | T, arg: A): Promise<T> {
    const { result } = await this.connection.send('script.callFunction', {
      // `__name`: what esbuild's keepNames (tsx) wraps named functions in.
      functionDeclaration: `async function (json) { const __name = (f) => f; const accessibleTools = ${accessibleTools.toString()}; const measureInContent = ${measureInContent.toString()}; const run = ${fn.toString()}; return JSON.stringify(await run(JSON.parse(json))); }`,
      target: { context: this.chromeContext },
      arguments: [{ type: 'string', value: JSON.stringify(arg) }],
      awaitPromise: true,
    });
    if (result.type === 'exception') {
      const details = result.exceptionDetails as { text?: string } | undefined;
      throw new Error(`In Firefox's parent process: ${details?.text ?? 'an exception'}`);
    }
    const value = (result.result as { value?: string } | undefined)?.value;
    return value === undefined ? (undefined as T) : (JSON.parse(value) as T);
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the parent process's XPCOM objects have no types here */
declare const ChromeUtils: any;
declare const Cc: any;
declare const Ci: any;
declare const Cu: any;
declare const content: any;
declare function sendAsyncMessage(name: string, data: unknown): void;

/**
 * Finds accessibles in a tab's accessibility tree and acts on the result: `find` describes every
 * match; `box` measures the one match (CSS pixels from the viewport's corner, after scrolling it into
 * view); `text` reads the text of the one match.
 */
export async function queryAccessibles(arg: { context: string; query: WireQuery; action: 'find' | 'box' | 'text' }): Promise<unknown> {
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  const tab = NavigableManager.getBrowserById(arg.context);
  if (!tab) throw new Error(`No tab ${arg.context}`);
  const service = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
  // Firefox shuts accessibility down once no one holds the service (after a garbage collection), and
  // the next query would find a tree still being rebuilt: hold it for as long as the browser runs.
  (globalThis as { paperShelfAccessibility?: unknown }).paperShelfAccessibility = service;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  // The first query turns accessibility on; the content process then sends its tree.
  let document: any;
  for (let i = 0; i < 100; i++) {
    const frame = service.getAccessibleFor(tab);
    document = frame?.firstChild;
    const state = {};
    document?.getState(state, {});
    if (document && document.childCount > 0 && !((state as { value: number }).value & Ci.nsIAccessibleStates.STATE_BUSY)) break;
    await wait(50);
  }
  if (!document) return arg.action === 'find' ? [] : null;

  const { roleOf, descendants, match, states } = accessibleTools(Ci);

  const found = match([document], arg.query);
  if (arg.action === 'find') {
    return found.map((acc) => ({ role: roleOf(acc), name: acc.name ?? '', value: acc.value || undefined, ...states(acc) }));
  }
  if (found.length !== 1) return null;
  const [acc] = found;
  if (arg.action === 'text') {
    const leaves = [acc, ...descendants(acc)].filter((a) => a.role === Ci.nsIAccessibleRole.ROLE_TEXT_LEAF || a.role === Ci.nsIAccessibleRole.ROLE_STATICTEXT);
    return leaves.map((a) => a.name ?? '').join('');
  }
  // Where it is: asked of the tab's content process, where the page is laid out. This process's copy
  // of the tree learns of scrolling and layout late (a second or more, longer in a background tab).
  return measureInContent(tab, arg.query);
}

/**
 * Finding accessibles, alike in the parent process (which holds every tab's tree) and in a tab's
 * content process (where bounds are measured on the live layout). Sent as source to both.
 */
export function accessibleTools(Ci: any) {
  // The ARIA role Firefox computes (explicit or implied by the element), as Chromium's tree gives it.
  const roleOf = (acc: any): string => acc.computedARIARole ?? '';
  const nameMatches = (acc: any, name: WireQuery['name']) => {
    if (!name) return true;
    const actual = acc.name ?? '';
    return 'exact' in name ? actual === name.exact : new RegExp(name.source, name.flags).test(actual);
  };
  const descendants = (root: any): any[] => {
    const out: any[] = [];
    const stack: any[] = [];
    for (let child = root.lastChild; child; child = child.previousSibling) stack.push(child);
    while (stack.length) {
      const acc = stack.pop();
      out.push(acc);
      for (let child = acc.lastChild; child; child = child.previousSibling) stack.push(child);
    }
    return out;
  };
  const match = (scopes: any[], query: WireQuery): any[] => {
    let within = scopes;
    if (query.card !== undefined) within = match(within, { role: 'group', name: { exact: `PaperShelf: ${query.card}` } });
    if (query.within) within = match(within, query.within);
    const found: any[] = [];
    const seen = new Set<any>();
    for (const scope of within) {
      for (const acc of descendants(scope)) {
        if (seen.has(acc) || roleOf(acc) !== query.role || !nameMatches(acc, query.name)) continue;
        seen.add(acc);
        found.push(acc);
      }
    }
    if (query.nth === undefined) return found;
    return found[query.nth] ? [found[query.nth]] : [];
  };
  const bounds = (acc: any) => {
    const [x, y, width, height] = [{}, {}, {}, {}] as { value: number }[];
    acc.getBoundsInCSSPixels(x, y, width, height);
    return { x: x!.value, y: y!.value, width: width!.value, height: height!.value };
  };
  const states = (acc: any) => {
    const state = { value: 0 };
    acc.getState(state, {});
    const has = (flag: number) => (state.value & flag) !== 0;
    const S = Ci.nsIAccessibleStates;
    return { pressed: has(S.STATE_PRESSED), selected: has(S.STATE_SELECTED), checked: has(S.STATE_CHECKED), focused: has(S.STATE_FOCUSED), disabled: has(S.STATE_UNAVAILABLE) };
  };
  return { roleOf, descendants, match, bounds, states };
}

/**
 * The box of the one accessible matching `query` in a tab (CSS pixels from the viewport's corner),
 * scrolled into view: measured by a frame script in the tab's content process, on the live layout.
 * Null while there is not exactly one, or it cannot be brought into view.
 */
async function measureInContent(tab: any, query: WireQuery): Promise<unknown> {
  const token = `${Date.now()}-${Math.random()}`;
  const frameScript = (input: { query: WireQuery; token: string }) => {
    const send = (box: unknown) => sendAsyncMessage('papershelf-test:box', { token: input.token, box });
    const wait = (ms: number) => new Promise((resolve) => content.setTimeout(resolve, ms));
    const measure = async () => {
      const service = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
  // Firefox shuts accessibility down once no one holds the service (after a garbage collection), and
  // the next query would find a tree still being rebuilt: hold it for as long as the browser runs.
  (globalThis as { paperShelfAccessibility?: unknown }).paperShelfAccessibility = service;
      const document = service.getAccessibleFor(content.document);
      if (!document) return null;
      const { match, bounds, roleOf } = accessibleTools(Ci);
      const found = match([document], input.query);
      if (found.length !== 1) return null;
      const [acc] = found;
      const view = bounds(document);
      // A card bar scrolls sideways and clips what it does not show: a control must be in sight within
      // its bar too (as Chromium's scrollIntoViewIfNeeded brings it), or a click at its place misses it.
      let bar: any;
      for (let at = acc.parent; at && !bar; at = at.parent) if (roleOf(at) === 'group' && String(at.name ?? '').startsWith('PaperShelf: ')) bar = at;
      type Rect = { x: number; y: number; width: number; height: number };
      const inside = (b: Rect, r: Rect) => b.y >= r.y - 0.5 && b.y + b.height <= r.y + r.height + 0.5 && b.x >= r.x - 0.5 && b.x + b.width <= r.x + r.width + 0.5;
      const inView = (b: Rect) => b.width > 0 && b.height > 0 && inside(b, view) && (!bar || inside(b, bounds(bar)));
      let box = bounds(acc);
      if (!inView(box)) acc.scrollTo(Ci.nsIAccessibleScrollType.SCROLL_TYPE_ANYWHERE);
      // Until it is in view and has stopped moving (a scroll may be smooth).
      for (let i = 0; i < 40; i++) {
        await wait(i === 0 ? 0 : 50);
        const next = bounds(acc);
        const still = next.x === box.x && next.y === box.y && next.width === box.width && next.height === box.height;
        box = next;
        if (still && inView(box)) return { x: box.x - view.x, y: box.y - view.y, width: box.width, height: box.height };
      }
      return null;
    };
    measure().then(send, () => send(null));
  };
  const messages = tab.messageManager;
  const result = new Promise<unknown>((resolve) => {
    const listener = {
      receiveMessage(message: { data: { token: string; box: unknown } }) {
        if (message.data.token !== token) return;
        messages.removeMessageListener('papershelf-test:box', listener);
        resolve(message.data.box);
      },
    };
    messages.addMessageListener('papershelf-test:box', listener);
    // A tab that goes away while measuring answers nothing: ask again.
    setTimeout(() => {
      messages.removeMessageListener('papershelf-test:box', listener);
      resolve(null);
    }, 5_000);
  });
  const source = `(() => { const __name = (f) => f; const accessibleTools = ${accessibleTools.toString()}; (${frameScript.toString()})(${JSON.stringify({ query, token })}); })()`;
  // Frame scripts are read as Latin-1: anything else (the "…" of a name) goes as a \u escape.
  const ascii = source.replace(/[^ -~\t\n\r]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  messages.loadFrameScript(`data:,${encodeURIComponent(ascii)}`, false);
  return result;
}

/**
 * Runs `expression` in the extension's content-script world of a tab, through a frame script in the
 * tab's content process (Firefox's own tests reach content scripts this way).
 */
export async function evaluateInContentScript(arg: { context: string; extensionId: string; expression: string }): Promise<string> {
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  const tab = NavigableManager.getBrowserById(arg.context);
  const messages = tab.messageManager;
  const token = `${Date.now()}-${Math.random()}`;
  const frameScript = (input: { extensionId: string; expression: string; token: string }) => {
    const { ExtensionContent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionContent.sys.mjs');
    const send = (result: string) => sendAsyncMessage('papershelf-test:result', { token: input.token, result });
    const context = ExtensionContent.getContextByExtensionId(input.extensionId, content);
    if (!context) return send(JSON.stringify({ error: 'The content script world was not found' }));
    try {
      const source = `(async () => JSON.stringify({ value: await (${input.expression}) }))()`;
      Cu.evalInSandbox(source, context.sandbox).then(send, (error: unknown) => send(JSON.stringify({ error: String(error) })));
    } catch (error) {
      send(JSON.stringify({ error: String(error) }));
    }
  };
  const result = new Promise<string>((resolve) => {
    const listener = {
      receiveMessage(message: { data: { token: string; result: string } }) {
        if (message.data.token !== token) return;
        messages.removeMessageListener('papershelf-test:result', listener);
        resolve(message.data.result);
      },
    };
    messages.addMessageListener('papershelf-test:result', listener);
  });
  const input = JSON.stringify({ extensionId: arg.extensionId, expression: arg.expression, token });
  // Frame scripts are read as Latin-1: anything else goes as a \u escape.
  const source = `const __name = (f) => f; (${frameScript.toString()})(${input})`.replace(/[^ -~\t\n\r]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  messages.loadFrameScript(`data:,${encodeURIComponent(source)}`, false);
  return result;
}

/**
 * Stops the extension's event page now, whatever it is doing: what Firefox does when an event page
 * stays busy past its idle timeout twice (extensions.background.idle.timeout), and what
 * about:debugging's "Terminate background script" does. Returns whether it still runs.
 */
export async function terminateBackground(arg: { extensionId: string }): Promise<boolean> {
  const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
  const { WebExtensionPolicy } = globalThis as unknown as { WebExtensionPolicy: { getByID(id: string): { extension: any } } };
  await WebExtensionPolicy.getByID(arg.extensionId).extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
  return ExtensionParent.DebugUtils.isBackgroundScriptRunning(arg.extensionId);
}
/**
 * Presses a shortcut on the browser window: trusted key events (dispatched by privileged code) at the
 * window's root, where Firefox's shortcut keys, extensions' among them, listen.
 */
export async function pressOnBrowserWindow(arg: { key: string; altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): Promise<void> {
  const { Services } = globalThis as unknown as { Services: { wm: { getMostRecentWindow(type: string): any } } };
  const window = Services.wm.getMostRecentWindow('navigator:browser');
  const letter = arg.key.length === 1 ? arg.key.toUpperCase() : '';
  const code = letter ? `Key${letter}` : arg.key;
  const keyCode = letter ? letter.charCodeAt(0) : 0;
  const modifiers = { altKey: arg.altKey, shiftKey: arg.shiftKey, ctrlKey: arg.ctrlKey, metaKey: arg.metaKey };
  for (const type of ['keydown', 'keypress', 'keyup']) {
    const charCode = type === 'keypress' ? keyCode : 0;
    const event = new window.KeyboardEvent(type, { key: arg.key, code, keyCode: type === 'keypress' ? 0 : keyCode, charCode, ...modifiers, bubbles: true, cancelable: true });
    window.document.documentElement.dispatchEvent(event);
  }
}

/** Lets the add-on run in private windows (the choice Firefox offers when installing it) and reloads it. */
export async function allowInPrivateWindows(arg: { extensionId: string }): Promise<void> {
  const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
  await ExtensionPermissions.add(arg.extensionId, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
  const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
  await (await AddonManager.getAddonByID(arg.extensionId)).reload();
}
/* eslint-enable @typescript-eslint/no-explicit-any */
