import type { CardBar } from '@/lib/annotate/card-bar';
import { SLICE_BUDGET_MS } from '@/lib/annotate/card-scanner';

/** Bars built at once, before any waiting: about a screenful. */
export const FIRST_SCREENFUL = 12;

/**
 * Builds card bars: the first screenful at once, the rest in slices of a few milliseconds, one slice
 * a task, until every card has its bar. All of it happens while the page loads, not while the
 * reader scrolls. Bars are in the page before they are built (an empty host: in a byline, or a line of
 * the bar's height at a card's end), so building one lays out and paints that bar and its byline alone.
 */
export class BarBuilder {
  private queue: CardBar[] = [];
  /** The next queued bar to build (the queue is not shifted: that is quadratic at 5,000 cards). */
  private head = 0;
  private running = false;
  private built = 0;

  constructor(
    private readonly schedule: (work: () => void) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Queues a bar whose host is in the page. */
  add(bar: CardBar): void {
    if (this.built < FIRST_SCREENFUL) {
      this.built++;
      bar.build();
      return;
    }
    this.queue.push(bar);
    if (!this.running) {
      this.running = true;
      this.schedule(() => this.slice());
    }
  }

  /** Starts afresh after in-page navigation: the next page's first screenful is built at once again. */
  reset(): void {
    this.queue = [];
    this.head = 0;
    this.built = 0;
  }

  private slice() {
    const deadline = this.now() + SLICE_BUDGET_MS;
    while (this.head < this.queue.length && this.now() < deadline) {
      const bar = this.queue[this.head++]!;
      if (bar.isRemoved) continue;
      bar.build();
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
