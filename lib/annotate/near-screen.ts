const STATE_CHANGE = 'contentvisibilityautostatechange';

/**
 * Says when a card comes near the screen, on pages that draw a card only then (Hugging Face's lists
 * give every card `content-visibility: auto`). The browser tells each change with one event on the
 * card, so PaperShelf builds a card's bar when the card is about to be drawn, with no observer, and a
 * card far away costs only its scan (its id and title link) and a listener. Only the cards watched are
 * listened to: the browser tells every card of a list coming near and going again (over 3,000 times
 * in a read-through of 1,000 cards), and a listener on the whole document ran PaperShelf's script
 * for each of them, most of what it ran while the reader scrolled. Cards the browser draws with the
 * page (no such style, or a browser without the event) get their bars at once. A page can send the
 * event itself: all it gets is a bar built early, as if the reader had scrolled to it.
 */
export class NearScreen {
  /** Per card container: whether its cards are drawn only near the screen (one style read per list). */
  private readonly drawnLater = new WeakMap<Element, boolean>();
  /**
   * Card containers in which a card was found below the screen and not drawn: every later card of
   * the container lies lower still, so is not drawn either. Forgotten whenever a card comes near
   * (the reader scrolled) and at each new scan.
   */
  private below = new WeakSet<Element>();
  private readonly supported: boolean;
  private readonly told: (event: Event) => void;

  constructor(document: Document, onNear: (element: Element) => void, signal: AbortSignal) {
    const view = document.defaultView;
    this.supported = view !== null && 'ContentVisibilityAutoStateChangeEvent' in view && 'checkVisibility' in document.documentElement;
    this.told = (event) => {
      if (signal.aborted || (event as ContentVisibilityAutoStateChangeEvent).skipped) return;
      this.below = new WeakSet();
      onNear(event.currentTarget as Element);
    };
  }

  /**
   * Says when `element` comes near the screen, until `unwatch` or the signal (watching twice is
   * watching once). Listeners are taken off by `unwatch` alone: one added with the signal took three
   * times as long to add, and a long listing adds one for each of a thousand cards as it loads.
   */
  watch(element: Element): void {
    if (this.supported) element.addEventListener(STATE_CHANGE, this.told);
  }

  unwatch(element: Element): void {
    element.removeEventListener(STATE_CHANGE, this.told);
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
   * yet counts as near, and gets its bar at once. A scan asks of its cards in page order, so past the
   * first card below the screen a container's cards are answered without asking the browser (asking
   * costs a few microseconds a card: about 10 ms of a 5,000-card page's scan).
   */
  isNear(card: Element): boolean {
    if (card.children.length === 0) return true;
    const list = card.parentElement;
    if (list && this.below.has(list)) return false;
    for (const part of card.children) if (part.checkVisibility({ contentVisibilityAuto: true })) return true;
    if (list && card.getBoundingClientRect().top > (card.ownerDocument.defaultView?.innerHeight ?? Infinity)) this.below.add(list);
    return false;
  }

  /** A new scan of the page, which asks of its cards in page order from the start again. */
  newScan(): void {
    this.below = new WeakSet();
  }
}
