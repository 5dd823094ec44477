/**
 * Says when a card comes near the screen, on pages that draw a card only then (Hugging Face's lists
 * give every card `content-visibility: auto`). The browser tells each change with one event on the
 * card, so PaperShelf builds a card's bar when the card is about to be drawn, with no observer per
 * card, and a card far away costs only its scan (its id and title link). Cards the browser draws
 * with the page (no such style, or a browser without the event) get their bars at once. A page can
 * send the event itself: all it gets is a bar built early, as if the reader had scrolled to it.
 */
export class NearScreen {
  /** Per card container: whether its cards are drawn only near the screen (one style read per list). */
  private readonly drawnLater = new WeakMap<Element, boolean>();
  private readonly supported: boolean;

  constructor(document: Document, onNear: (element: Element) => void, signal: AbortSignal) {
    const view = document.defaultView;
    this.supported = view !== null && 'ContentVisibilityAutoStateChangeEvent' in view && 'checkVisibility' in document.documentElement;
    if (!this.supported) return;
    document.addEventListener(
      'contentvisibilityautostatechange',
      (event) => {
        const target = event.target as Element | null;
        if (!(event as ContentVisibilityAutoStateChangeEvent).skipped && target?.nodeType === 1) onNear(target);
      },
      { capture: true, signal },
    );
  }

  /** Whether `card` is drawn only once near the screen, so that its bar can wait for `onNear(card)`. */
  waitsForScreen(card: Element): boolean {
    const list = card.parentElement;
    if (!this.supported || !list) return false;
    let later = this.drawnLater.get(list);
    if (later === undefined) {
      later = card.ownerDocument.defaultView?.getComputedStyle(card).contentVisibility === 'auto';
      this.drawnLater.set(list, later);
    }
    return later;
  }

  /**
   * Whether the browser draws `card`'s content now (on screen or near it). A card it has not placed
   * yet counts as near, and gets its bar at once.
   */
  isNear(card: Element): boolean {
    if (card.children.length === 0) return true;
    for (const part of card.children) if (part.checkVisibility({ contentVisibilityAuto: true })) return true;
    return false;
  }
}
