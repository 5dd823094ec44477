import { scanCards, SLICE_BUDGET_MS } from '@/lib/annotate/card-scanner';
import { cardsIn, type FoundCard } from '@/lib/hf/listing-cards';
import { FIXTURE_PAGES, parsePage } from '../../fixtures/hf/pages';

describe('scanning a page for cards', () => {
  it('handles each card inside its slice, so slow handling makes more, shorter slices and no long task', async () => {
    const page = parsePage(FIXTURE_PAGES.trending.html());
    const cards = FIXTURE_PAGES.trending.papers.length;
    let clock = 0;
    const slices: number[] = [];
    let inSlice = 0;
    const taken: FoundCard[] = [];
    await scanCards(
      [page.body],
      (card) => {
        clock += 1; // each card takes a millisecond to handle (place its bar, say)
        inSlice++;
        return card.id !== FIXTURE_PAGES.trending.papers[0]!.id; // the first is already annotated
      },
      (accepted) => taken.push(...accepted),
      async () => {
        slices.push(inSlice);
        inSlice = 0;
      },
      { now: () => clock },
    );
    slices.push(inSlice);
    expect(slices.reduce((a, b) => a + b, 0)).toBe(cards);
    expect(Math.max(...slices)).toBeLessThanOrEqual(SLICE_BUDGET_MS);
    expect(slices.length).toBeGreaterThanOrEqual(Math.ceil(cards / SLICE_BUDGET_MS));
    expect(taken.map((c) => c.id)).toEqual(FIXTURE_PAGES.trending.papers.slice(1).map((p) => p.id));
  });

  it('takes the first cards in one slice whatever its time, ends it there, and slices the rest by time', async () => {
    const page = parsePage(FIXTURE_PAGES.trending.html());
    const ids = FIXTURE_PAGES.trending.papers.map((p) => p.id);
    let clock = 0;
    const slices: string[][] = [[]];
    await scanCards(
      [page.body],
      (card) => {
        clock += SLICE_BUDGET_MS; // each card uses up a whole slice's time
        slices.at(-1)!.push(card.id);
        return card.id !== ids[1]; // the second is already annotated, and does not count
      },
      () => undefined,
      async () => {
        slices.push([]);
      },
      { firstSlice: 3, now: () => clock },
    );
    expect(slices[0]).toEqual(ids.slice(0, 4));
    expect(slices.slice(1).filter((slice) => slice.length > 0)).toEqual(ids.slice(4).map((id) => [id]));
  });

  it('takes cards the page added one element at a time together: one slice, one request for their states', async () => {
    const page = parsePage(FIXTURE_PAGES.trending.html());
    const ids = FIXTURE_PAGES.trending.papers.map((p) => p.id);
    // Each card on its own, as a list growing while the reader scrolls adds them.
    const roots = [...cardsIn(page.body)].map((card) => card.element);
    expect(roots).toHaveLength(ids.length);
    const slices: string[][] = [];
    let tasks = 0;
    await scanCards(
      roots,
      () => true,
      (taken) => slices.push(taken.map((c) => c.id)),
      async () => {
        tasks++;
      },
      { now: () => 0 },
    );
    expect(slices).toEqual([ids]);
    expect(tasks).toBe(0);
  });

  it('still ends a slice when its time is up, however many small roots it spans', async () => {
    const page = parsePage(FIXTURE_PAGES.trending.html());
    const roots = [...cardsIn(page.body)].map((card) => card.element);
    let clock = 0;
    const slices: number[] = [];
    await scanCards(
      roots,
      () => {
        clock += 1;
        return true;
      },
      (taken) => slices.push(taken.length),
      async () => undefined,
      { now: () => clock },
    );
    expect(slices.reduce((a, b) => a + b, 0)).toBe(roots.length);
    expect(Math.max(...slices)).toBeLessThanOrEqual(SLICE_BUDGET_MS);
    expect(slices.length).toBe(Math.ceil(roots.length / SLICE_BUDGET_MS));
  });
});
