import { BUILT_AHEAD } from '@/lib/annotate/bar-builder';
import type { NearScreen } from '@/lib/annotate/near-screen';

/**
 * Cards whose bars wait for the card to come near the screen, and the batches of them built ahead of
 * the reader. A card coming near gets its bar, and so do the cards after it that still wait, up to
 * BUILT_AHEAD; those cards are not drawn yet, so their bars go in without style or paint until the
 * page draws them, but each batch has the page lay out its list again, so batches are few and large.
 * The next batch starts when a card less than half that distance before the first card still
 * waiting comes near. Only the cards that can start a batch are watched: each waiting card (the
 * reader may jump anywhere), and the cards within half the distance before the first of a run of
 * waiting cards.
 */
export class WaitingCards<T> {
  private readonly waiting = new Map<Element, T>();
  /** For the first card of each run of waiting cards: the cards before it that are watched for it. */
  private readonly leads = new Map<Element, Element[]>();

  constructor(
    private readonly nearScreen: NearScreen,
    /** Builds the bars of a batch, in the order of their cards. */
    private readonly build: (batch: T[]) => void,
  ) {}

  /** `card`'s bar (`item`) waits until the card, or one shortly before it, comes near the screen. */
  add(card: Element, item: T): void {
    this.waiting.set(card, item);
    this.nearScreen.watch(card);
    const before = card.previousElementSibling;
    if (!before || !this.waiting.has(before)) this.leadTo(card);
  }

  /** `card` waits no more for `item` (its bar was built, or the card is gone). */
  delete(card: Element, item?: T): void {
    if (item !== undefined && this.waiting.get(card) !== item) return;
    if (!this.waiting.delete(card)) return;
    this.nearScreen.unwatch(card);
    const lead = this.leads.get(card);
    if (!lead) return;
    this.leads.delete(card);
    for (const before of lead) if (!this.waiting.has(before)) this.nearScreen.unwatch(before);
  }

  clear(): void {
    for (const card of [...this.waiting.keys()]) this.delete(card);
  }

  /** A watched card came near the screen: the bars of the cards from it on that still wait are built. */
  near(card: Element): void {
    if (this.waiting.size === 0) return;
    const ahead: Element[] = [];
    let firstAt = -1;
    let at: Element | null = card;
    for (let distance = 0; at && distance <= BUILT_AHEAD; at = at.nextElementSibling, distance++) {
      if (!this.waiting.has(at)) continue;
      if (firstAt < 0) firstAt = distance;
      ahead.push(at);
    }
    if (firstAt < 0 || firstAt > BUILT_AHEAD / 2) return;
    const batch = ahead.map((waiting) => {
      const item = this.waiting.get(waiting)!;
      this.delete(waiting);
      return item;
    });
    this.build(batch);
    // The cards after the batch that still wait start a run of their own.
    for (let skipped = 0; at && !this.waiting.has(at) && skipped < BUILT_AHEAD / 2; at = at.nextElementSibling) skipped++;
    if (at && this.waiting.has(at)) this.leadTo(at);
  }

  /** Watches the cards within half of BUILT_AHEAD before `first`, the first of a run of waiting cards. */
  private leadTo(first: Element) {
    if (this.leads.has(first)) return;
    const lead: Element[] = [];
    for (let at = first.previousElementSibling; at && lead.length < BUILT_AHEAD / 2 && !this.waiting.has(at); at = at.previousElementSibling) {
      lead.push(at);
      this.nearScreen.watch(at);
    }
    this.leads.set(first, lead);
  }
}
