import { cardsIn, type FoundCard } from '@/lib/hf/listing-cards';

/** Script time per slice of work: leaves a frame's rendering well under 50 ms. */
export const SLICE_BUDGET_MS = 8;

/** How a scan slices its work. */
export interface ScanOptions {
  /**
   * Cards the first slice takes, whatever its time, and then ends: the page's first bars are built
   * together in one task, and the page draws them in one frame before the scan goes on.
   */
  firstSlice?: number;
  now?: () => number;
}

/**
 * Finds the paper cards in `roots` a slice at a time, yielding a task between slices, so a page of
 * thousands of cards never sees a long task. Only ids and elements: nothing of a card is read until
 * it is needed (a save, the popup asking), because reading every card in full up front was most of
 * what PaperShelf cost a page. `take` handles each card as it is found, inside the slice's time;
 * `onSlice` gets the cards `take` accepted, once per slice. The roots are one stream: a page that
 * adds a hundred cards one element at a time (a list growing as the reader scrolls) has them found
 * in one slice and asked about in one request, not in a hundred, and many small roots still end a
 * slice when its time is up.
 */
export async function scanCards(
  roots: Iterable<Element>,
  take: (card: FoundCard) => boolean,
  onSlice: (taken: FoundCard[]) => void,
  nextTask: () => Promise<void>,
  { firstSlice = 0, now = () => performance.now() }: ScanOptions = {},
): Promise<void> {
  let first = firstSlice;
  const cards = cardsInAll(roots);
  for (let done = false; !done; ) {
    const deadline = now() + SLICE_BUDGET_MS;
    const taken: FoundCard[] = [];
    while (first > 0 || now() < deadline) {
      const next = cards.next();
      if (next.done) {
        done = true;
        break;
      }
      if (!take(next.value)) continue;
      taken.push(next.value);
      if (first > 0 && --first === 0) break;
    }
    if (taken.length > 0) onSlice(taken);
    if (!done) await nextTask();
  }
}

function* cardsInAll(roots: Iterable<Element>): Generator<FoundCard> {
  for (const root of roots) yield* cardsIn(root);
}
