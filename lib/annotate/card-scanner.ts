import { cardsIn, type FoundCard } from '@/lib/hf/listing-cards';

/** Script time per slice of work: leaves a frame's rendering well under 50 ms. */
export const SLICE_BUDGET_MS = 8;

/**
 * Finds the paper cards in `roots` a slice at a time, yielding a task between slices, so a page of
 * thousands of cards never sees a long task. Only ids and elements: nothing of a card is read until
 * it is needed (a save, the popup asking), because reading every card in full up front was most of
 * what PaperShelf cost a page. `take` handles each card as it is found, inside the slice's time;
 * `onSlice` gets the cards `take` accepted, once per slice.
 */
export async function scanCards(
  roots: Iterable<Element>,
  take: (card: FoundCard) => boolean,
  onSlice: (taken: FoundCard[]) => void,
  nextTask: () => Promise<void>,
  now: () => number = () => performance.now(),
): Promise<void> {
  for (const root of roots) {
    const cards = cardsIn(root);
    for (let done = false; !done; ) {
      const deadline = now() + SLICE_BUDGET_MS;
      const taken: FoundCard[] = [];
      while (now() < deadline) {
        const next = cards.next();
        if (next.done) {
          done = true;
          break;
        }
        if (take(next.value)) taken.push(next.value);
      }
      if (taken.length > 0) onSlice(taken);
      if (!done) await nextTask();
    }
  }
}
