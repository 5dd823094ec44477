import type { CDPSession, Page } from 'playwright-core';

/**
 * PaperShelf's controls on a page, found as a person using assistive technology finds them: by role
 * and accessible name in the browser's accessibility tree. The controls sit in closed shadow roots,
 * which no page script and no DOM query reaches; the accessibility tree does. Clicks and keys are
 * real input (trusted events) at the control's place on the screen.
 */
export interface ControlQuery {
  /** The paper whose card bar to look in; any card when left out. */
  card?: string;
  role: string;
  /** The exact accessible name, or a pattern it must match. */
  name?: string | RegExp;
}

export interface Control {
  backendNodeId: number;
  name: string;
  /** Accessibility properties such as `pressed`, `focused`, `disabled`. */
  properties: Record<string, unknown>;
  value?: string;
}

interface AXNode {
  backendDOMNodeId?: number;
  ignored?: boolean;
  name?: { value?: unknown };
  value?: { value?: unknown };
  properties?: { name: string; value: { value?: unknown } }[];
}

export class CardControls {
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async of(page: Page): Promise<CardControls> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    return new CardControls(page, cdp);
  }

  /** The card bars' hosts on the page: the one thing of PaperShelf's a page can see. */
  hostIds(): Promise<string[]> {
    return this.page.evaluate(() => [...document.querySelectorAll('[data-papershelf-id]')].map((h) => h.getAttribute('data-papershelf-id')!));
  }

  async find(query: ControlQuery): Promise<Control[]> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: 0 });
    const selector = query.card === undefined ? '[data-papershelf-id]' : `[data-papershelf-id="${query.card}"]`;
    const { nodeIds } = await this.cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    const found: Control[] = [];
    for (const nodeId of nodeIds) {
      const exact = typeof query.name === 'string' ? { accessibleName: query.name } : {};
      const { nodes } = (await this.cdp.send('Accessibility.queryAXTree', { nodeId, role: query.role, ...exact })) as { nodes: AXNode[] };
      for (const node of nodes) {
        if (node.ignored || node.backendDOMNodeId === undefined) continue;
        const name = String(node.name?.value ?? '');
        if (query.name instanceof RegExp && !query.name.test(name)) continue;
        const properties = Object.fromEntries((node.properties ?? []).map((p) => [p.name, p.value.value]));
        found.push({ backendNodeId: node.backendDOMNodeId, name, properties, value: node.value?.value as string | undefined });
      }
    }
    return found;
  }

  /** The one control matching `query`, once it is there. */
  async one(query: ControlQuery, timeoutMs = 10_000): Promise<Control> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.find(query);
      if (found.length === 1) return found[0]!;
      if (Date.now() > until) throw new Error(`Expected one ${describe(query)}, found ${found.length}`);
      await this.page.waitForTimeout(100);
    }
  }

  async names(query: ControlQuery): Promise<string[]> {
    return (await this.find(query)).map((c) => c.name);
  }

  async count(query: ControlQuery): Promise<number> {
    return (await this.find(query)).length;
  }

  /** Whether the toggle is pressed (aria-pressed). */
  async pressed(query: ControlQuery): Promise<boolean> {
    const control = await this.one(query);
    return control.properties.pressed === 'true' || control.properties.pressed === true;
  }

  /** Brings the card with `id` on screen, so its bar is built and can be clicked. */
  async scrollTo(id: string, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const { root } = await this.cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await this.cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-papershelf-id="${id}"]` });
      if (nodeId) return void (await this.cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId }));
      if (Date.now() > until) throw new Error(`No card for ${id} on the page`);
      await this.page.waitForTimeout(100);
    }
  }

  /** A real mouse click in the middle of the control. */
  async click(query: ControlQuery): Promise<void> {
    const control = await this.one(query);
    await this.cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: control.backendNodeId });
    const { model } = (await this.cdp.send('DOM.getBoxModel', { backendNodeId: control.backendNodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    await this.page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  }

  /** Clicks into a text field and types, key by key, as a person would. */
  async type(query: ControlQuery, text: string): Promise<void> {
    await this.click(query);
    await this.page.keyboard.type(text);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** A computed style of the control, as the browser draws it. */
  async style(query: ControlQuery, property: string): Promise<string> {
    const control = await this.one(query);
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: control.backendNodeId });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      arguments: [{ value: property }],
      functionDeclaration: 'function (property) { return getComputedStyle(this).getPropertyValue(property); }',
      returnByValue: true,
    });
    return String(result.value ?? '');
  }

  /** What a status line says (role=status), in the card's bar. */
  async status(card: string): Promise<string> {
    const control = await this.one({ card, role: 'status' });
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: control.backendNodeId });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return this.textContent; }',
      returnByValue: true,
    });
    return String(result.value ?? '');
  }

  /**
   * Puts an open copy of each built bar (its nodes and styles) after it, with `className`, for
   * checkers that read the DOM (axe) and cannot enter closed roots. Returns how many were copied.
   */
  async copyBarsIntoOpenRoots(className: string): Promise<number> {
    await this.one({ role: 'button', name: /Save/ }).catch(() => undefined);
    const { root } = await this.cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await this.cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-papershelf-id]' });
    let copied = 0;
    for (const nodeId of nodeIds) {
      const { node } = await this.cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
      const shadow = node.shadowRoots?.[0];
      if (!shadow) continue; // not built yet
      const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      await this.cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        arguments: [{ value: className }],
        functionDeclaration: `function (className) {
          const copy = document.createElement('div');
          copy.className = className;
          const open = copy.attachShadow({ mode: 'open' });
          open.adoptedStyleSheets = [...this.adoptedStyleSheets];
          for (const child of this.children) open.append(child.cloneNode(true));
          this.host.after(copy);
        }`,
      });
      copied++;
    }
    return copied;
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}

function describe(query: ControlQuery): string {
  return `${query.role}${query.name ? ` named ${String(query.name)}` : ''}${query.card ? ` on card ${query.card}` : ''}`;
}
