import { SLICE_BUDGET_MS } from '@/lib/annotate/card-scanner';

/**
 * Bars built at once when a page starts, before any waits for its card to come near the screen: a
 * few screenfuls, so that the first cards a reader scrolls to have their bars already. They are
 * built in the task that finds their cards, so the page draws them in one frame: on a listing of
 * 5,000 cards each frame costs the page 25 to 90 ms whatever changed (its layout, and the browser
 * checking which of its cards are near the screen), and building them in slices cost it three more
 * frames at load. Past this many a long listing's load stays short: building 200 cost a
 * 1,000-card page about 30 ms more of PaperShelf's script than 40, and a reader scrolling a 100-card
 * page gained nothing from it.
 */
export const BUILT_AT_ONCE = 40;

/**
 * Cards after one that comes near the screen whose bars are built with its own, before the reader
 * reaches them (a few dozen screenfuls). Each batch, though it goes into cards not drawn yet, has
 * the browser lay out the page's list again, all of it: with batches of about ten (twenty ahead), a
 * reader scrolling through 300 cards had 27 more layouts of the list than the page alone, and the
 * bars added 23% to the page's main-thread time; about fifty at a time, 10%.
 */
export const BUILT_AHEAD = 100;

/**
 * Builds bars: the page's first BUILT_AT_ONCE at once, then in slices of a few milliseconds, one
 * slice a task, so that the page never sees a long task (the bars of the rest of a page that does
 * not say when a card comes near the screen, and of cards that come near).
 */
export class BarBuilder {
  /** The page's first bars, waiting for `buildFirst`. */
  private first: (() => void)[] = [];
  private queue: (() => void)[] = [];
  /** The next queued bar to build (the queue is not shifted: that is quadratic at 5,000 cards). */
  private head = 0;
  private running = false;
  private built = 0;

  constructor(
    private readonly schedule: (work: () => void) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** How many of the page's first bars, built at once, are still to come (0: the rest wait or slice). */
  get firstLeft(): number {
    return Math.max(0, BUILT_AT_ONCE - this.built);
  }

  /** Takes a bar to build: with the page's first (see `buildFirst`), else in a slice of its own task. */
  add(build: () => void): void {
    if (this.firstLeft > 0) {
      this.built++;
      this.first.push(build);
      return;
    }
    this.later(build);
  }

  /** Builds the page's first bars taken since the last call, now and together. */
  buildFirst(): void {
    const first = this.first;
    this.first = [];
    for (const build of first) build();
  }

  /**
   * Queues building a bar for a task of its own; `build` does nothing for a card that has gone
   * meanwhile. Cards that come near the screen are told while the browser draws a frame: built there,
   * their bars would lengthen that frame.
   */
  later(build: () => void): void {
    this.queue.push(build);
    if (!this.running) {
      this.running = true;
      this.schedule(() => this.slice());
    }
  }

  /** After in-page navigation the next page's first bars are built at once again. */
  restart(): void {
    this.built = 0;
  }

  private slice() {
    const deadline = this.now() + SLICE_BUDGET_MS;
    while (this.head < this.queue.length && this.now() < deadline) {
      this.queue[this.head++]!();
      this.built++;
    }
    if (this.head < this.queue.length) this.schedule(() => this.slice());
    else {
      this.running = false;
      this.queue = [];
      this.head = 0;
    }
  }
}
