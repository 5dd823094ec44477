import type { CDPSession, Page } from 'playwright-core';
import { splitKey, TabBase, type Box } from '../tab-base';
import type { Control, ControlQuery, Viewport } from '../types';

interface AXNode {
  backendDOMNodeId?: number;
  ignored?: boolean;
  role?: { value?: unknown };
  name?: { value?: unknown };
  value?: { value?: unknown };
  properties?: { name: string; value: { value?: unknown } }[];
}

type Scope = { nodeId: number } | { backendNodeId: number };

const isTrue = (value: unknown) => value === true || value === 'true';

/**
 * A Chromium tab driven through Playwright. Controls are found with the DevTools protocol's
 * `Accessibility.queryAXTree`, which computes roles and names in the accessibility tree and so
 * reaches into closed shadow roots; clicks and keys are real input.
 */
export class ChromiumTab extends TabBase {
  private cdp: CDPSession | undefined;

  constructor(
    readonly page: Page,
    private readonly extensionOrigin: string,
  ) {
    super();
    page.on('console', (message) => message.type() === 'error' && this.errors.push(message.text()));
    page.on('pageerror', (error) => this.errors.push(String(error)));
  }

  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return this.page.evaluate(fn as (arg: unknown) => Promise<T>, arg as unknown);
  }

  async addScript(source: string): Promise<void> {
    await this.page.evaluate(source);
  }

  async inContentScript<T>(expression: string): Promise<T> {
    const session = await this.page.context().newCDPSession(this.page);
    try {
      const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
      session.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
      await session.send('Runtime.enable');
      const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.origin === this.extensionOrigin);
      if (!world) throw new Error('The content script world was not found');
      const { result, exceptionDetails } = (await session.send('Runtime.evaluate', {
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
        expression,
      })) as { result: { value: T }; exceptionDetails?: { exception?: { description?: string } } };
      if (exceptionDetails) throw new Error(`In the content script: ${exceptionDetails.exception?.description ?? 'an exception'}`);
      return result.value;
    } finally {
      await session.detach();
    }
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  async waitFor(selector: string, timeoutMs = 30_000): Promise<void> {
    await this.page.waitForSelector(selector, { state: 'attached', timeout: timeoutMs });
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async setViewport(viewport: Viewport): Promise<void> {
    await this.page.setViewportSize(viewport);
  }

  async screenshot(path: string, options: { fullPage?: boolean } = {}): Promise<void> {
    await this.page.screenshot({ path, fullPage: options.fullPage ?? false });
  }

  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  async press(key: string): Promise<void> {
    const { modifiers, key: last } = splitKey(key);
    await this.page.keyboard.press([...modifiers, last].join('+'));
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async find(query: ControlQuery): Promise<Control[]> {
    return (await this.locate(query)).map(({ node }) => toControl(node));
  }

  async chooseFile(selector: string, path: string): Promise<void> {
    await this.page.setInputFiles(selector, path);
  }

  async download(action: () => Promise<void>): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), action()]);
    return download.path();
  }

  async close(): Promise<void> {
    await this.cdp?.detach().catch(() => undefined);
    await this.page.close();
  }

  protected async boxOf(query: ControlQuery): Promise<Box | undefined> {
    const found = await this.locate(query);
    const backendNodeId = found.length === 1 ? found[0]!.node.backendDOMNodeId : undefined;
    if (backendNodeId === undefined) return undefined;
    const cdp = await this.session();
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  }

  protected async textOf(query: ControlQuery): Promise<string | undefined> {
    const found = await this.locate(query);
    const backendNodeId = found.length === 1 ? found[0]!.node.backendDOMNodeId : undefined;
    if (backendNodeId === undefined) return undefined;
    const cdp = await this.session();
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return this.textContent; }',
      returnByValue: true,
    });
    return String(result.value ?? '');
  }

  protected async mouseClick(x: number, y: number): Promise<void> {
    await this.page.mouse.click(x, y);
  }

  private async session(): Promise<CDPSession> {
    if (!this.cdp) {
      const cdp = await this.page.context().newCDPSession(this.page);
      await cdp.send('DOM.enable');
      await cdp.send('Accessibility.enable');
      this.cdp = cdp;
    }
    return this.cdp;
  }

  /** The accessibility nodes matching `query`, in tree order. */
  private async locate(query: ControlQuery): Promise<{ node: AXNode }[]> {
    const cdp = await this.session();
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    return (await this.match([{ nodeId: root.nodeId }], query)).map((node) => ({ node }));
  }

  private async match(scopes: Scope[], query: ControlQuery): Promise<AXNode[]> {
    const cdp = await this.session();
    let within = scopes;
    if (query.card !== undefined) {
      const bars = await this.match(within, { role: 'group', name: `PaperShelf: ${query.card}` });
      within = bars.flatMap((n) => (n.backendDOMNodeId === undefined ? [] : [{ backendNodeId: n.backendDOMNodeId }]));
    }
    if (query.within) {
      const outer = await this.match(within, query.within);
      within = outer.flatMap((n) => (n.backendDOMNodeId === undefined ? [] : [{ backendNodeId: n.backendDOMNodeId }]));
    }
    const found: AXNode[] = [];
    const seen = new Set<number>();
    for (const scope of within) {
      const exact = typeof query.name === 'string' ? { accessibleName: query.name } : {};
      const { nodes } = (await cdp.send('Accessibility.queryAXTree', { ...scope, role: query.role, ...exact })) as { nodes: AXNode[] };
      for (const node of nodes) {
        if (node.ignored || node.backendDOMNodeId === undefined || seen.has(node.backendDOMNodeId)) continue;
        // queryAXTree includes the scope itself; `within` means inside it.
        if ('backendNodeId' in scope && scope.backendNodeId === node.backendDOMNodeId) continue;
        if (query.name instanceof RegExp && !query.name.test(String(node.name?.value ?? ''))) continue;
        seen.add(node.backendDOMNodeId);
        found.push(node);
      }
    }
    if (query.nth === undefined) return found;
    const nth = found[query.nth];
    return nth ? [nth] : [];
  }
}

function toControl(node: AXNode): Control {
  const properties = Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value.value]));
  const control: Control = { role: String(node.role?.value ?? ''), name: String(node.name?.value ?? '') };
  if (node.value?.value !== undefined) control.value = String(node.value.value);
  if ('pressed' in properties) control.pressed = isTrue(properties.pressed);
  if ('selected' in properties) control.selected = isTrue(properties.selected);
  if ('checked' in properties) control.checked = isTrue(properties.checked);
  if ('focused' in properties) control.focused = isTrue(properties.focused);
  if ('disabled' in properties) control.disabled = isTrue(properties.disabled);
  return control;
}
