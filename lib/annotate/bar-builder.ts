import { SLICE_BUDGET_MS } from '@/lib/annotate/card-scanner';

/** Bars built at once, before any waiting: about a screenful. */
export const FIRST_SCREENFUL = 12;

/**
 * Builds bars in slices of a few milliseconds, one slice a task, so that the page never sees a long
 * task: the bars of a page's first cards (and of every card on a page that does not say when a card
 * comes near the screen), the first screenful of them at once, and the bars of cards that come near.
 */
export class BarBuilder {
  private queue: (() => void)[] = [];
  /** The next queued bar to build (the queue is not shifted: that is quadratic at 5,000 cards). */
  private head = 0;
  private running = false;
  private built = 0;

  constructor(
    private readonly schedule: (work: () => void) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Builds a bar now if it is among the page's first screenful, else queues it. */
  add(build: () => void): void {
    if (this.built < FIRST_SCREENFUL) {
      this.built++;
      build();
      return;
    }
    this.later(build);
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

  /** After in-page navigation the next page's first screenful is built at once again. */
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
