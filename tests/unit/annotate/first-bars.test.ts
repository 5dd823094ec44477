import { Annotator } from '@/lib/annotate/annotator';
import { BUILT_AT_ONCE } from '@/lib/annotate/bar-builder';
import { ANNOTATION_ATTRIBUTE } from '@/lib/hf/listing-cards';
import type { Reply, RequestOf, RequestType } from '@/lib/messages/protocol';
import { listingCards, listingPage, manyPapers } from '../../fixtures/hf/markup';
import { parsePage } from '../../fixtures/hf/pages';

/** A month listing with an annotator whose tasks (timers) run when the test says. */
function listing(cards: number) {
  const papers = manyPapers(cards);
  const document = parsePage(listingPage({ kind: 'month', papers }));
  const tasks: (() => void)[] = [];
  const reply = (request: { type: string }) =>
    (request.type === 'cardStates' ? { ok: true, saved: [] } : request.type === 'cardForYou' ? { ok: true, picks: [], notInterested: [] } : { ok: true }) as never;
  const annotator = new Annotator({
    document,
    location: () => new URL('https://huggingface.co/papers/month/2026-09'),
    send: async <T extends RequestType>(request: RequestOf<T>) => reply(request) as Reply<T>,
    setTimeout: (callback) => tasks.push(callback),
  });
  const bars = () => [...document.querySelectorAll(`[${ANNOTATION_ATTRIBUTE}]`)].map((host) => host.getAttribute(ANNOTATION_ATTRIBUTE));
  /** Runs the queued tasks (and the promise callbacks between them) until none is left. */
  const runAll = async () => {
    for (let guard = 0; guard < 10_000; guard++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const task = tasks.shift();
      if (!task) return;
      task();
    }
    throw new Error('tasks never ran out');
  };
  return { papers, annotator, bars, tasks, runAll, document };
}

describe("a page's first bars", () => {
  it('are built together in the task that finds their cards, so the page draws them in one frame; the rest follow', async () => {
    const { papers, annotator, bars, tasks, runAll } = listing(BUILT_AT_ONCE + 60);

    const started = annotator.start();
    await new Promise((resolve) => setTimeout(resolve, 0)); // the page's own timer: none of PaperShelf's tasks runs

    // Still inside the task that started: the first cards have their bars, in page order, and the
    // scan has yielded before going on.
    expect(bars()).toEqual(papers.slice(0, BUILT_AT_ONCE).map((p) => p.id));
    expect(tasks.length).toBeGreaterThan(0);

    await runAll();
    await started;
    expect(new Set(bars())).toEqual(new Set(papers.map((p) => p.id)));
    expect(bars()).toHaveLength(papers.length);
  });
});

describe('bars going into the page', () => {
  it('leave cards the page adds meanwhile to be found, even when the page adds them just before bars are built', async () => {
    const cards = BUILT_AT_ONCE + 200;
    const { annotator, bars, tasks, runAll, document } = listing(cards);
    const started = annotator.start();
    // Until every card is found and only bars are left to build, a slice a task.
    for (let guard = 0; annotator.annotationCount < cards && guard < 1000; guard++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      tasks.shift()?.();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(annotator.annotationCount).toBe(cards);
    expect(bars().length, 'bars are still to be built').toBeLessThan(cards);

    // The page appends cards, and before its changes are reported PaperShelf builds its next bars.
    const more = manyPapers(5, 1_000);
    const grid = document.querySelector('article')!.parentElement!;
    grid.append(document.createRange().createContextualFragment(listingCards(more)));
    for (const task of tasks.splice(0)) task();

    await runAll();
    await started;
    await runAll();
    expect(bars()).toEqual(expect.arrayContaining(more.map((p) => p.id)));
    expect(bars()).toHaveLength(cards + more.length);
  });
});
