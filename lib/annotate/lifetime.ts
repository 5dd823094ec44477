/**
 * How long PaperShelf runs on a page: until the extension that injected it is gone (updated,
 * reloaded, removed). WXT's content script context also stops when the page dispatches a certain
 * event, which any page script can forge to switch PaperShelf off; so it is not used to decide this.
 */
export class PageLifetime {
  private readonly controller = new AbortController();

  /** `extensionAlive` tells whether this script can still reach its extension. */
  constructor(private readonly extensionAlive: () => boolean) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True while the extension is there; the first time it is not, everything stops. */
  check(): boolean {
    if (!this.controller.signal.aborted && !this.extensionAlive()) this.controller.abort();
    return !this.controller.signal.aborted;
  }

  onStop(callback: () => void): void {
    this.controller.signal.addEventListener('abort', callback, { once: true });
  }

  setTimeout(callback: () => void, ms: number): void {
    if (!this.check()) return;
    const timer = setTimeout(() => this.check() && callback(), ms);
    this.onStop(() => clearTimeout(timer));
  }
}
