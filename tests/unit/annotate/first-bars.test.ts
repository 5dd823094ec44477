import { Annotator } from '@/lib/annotate/annotator';
import { BUILT_AHEAD, BUILT_AT_ONCE } from '@/lib/annotate/bar-builder';
import { ANNOTATION_ATTRIBUTE } from '@/lib/hf/listing-cards';
import type { Reply, RequestOf, RequestType } from '@/lib/messages/protocol';
import { listingCards, listingPage, manyPapers } from '../../fixtures/hf/markup';
import { parsePage } from '../../fixtures/hf/pages';
import { StateChange } from '../../fixtures/browser/content-visibility';

/**
 * A month listing with an annotator whose tasks (timers) run when the test says; in a document of
 * its own, or in the window's (where cards can be drawn or not, and say when they come near).
 */
function listing(cards: number, inWindow = false) {
  const papers = manyPapers(cards);
  const parsed = parsePage(listingPage({ kind: 'month', papers }));
  if (inWindow) globalThis.document.body.replaceChildren(...parsed.body.childNodes);
  const document = inWindow ? globalThis.document : parsed;
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

describe('bars ahead of the reader', () => {
  beforeEach(() => vi.stubGlobal('ContentVisibilityAutoStateChangeEvent', StateChange));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  /**
   * A long listing, annotated, with the reader at its top: its first cards drawn, the rest drawn as
   * `comeNear(index)` says the reader scrolled to them.
   */
  async function readerAtTop() {
    const { papers, annotator, bars, runAll, tasks, document } = listing(BUILT_AT_ONCE + 4 * BUILT_AHEAD, true);
    const cards = [...document.querySelectorAll('article')];
    // The site's lists draw a card only near the screen (its grid's class gives each card this style).
    for (const card of cards) card.style.setProperty('content-visibility', 'auto');
    const drawn = new Set(cards.slice(0, BUILT_AT_ONCE));
    vi.spyOn(Element.prototype, 'checkVisibility').mockImplementation(function (this: Element) {
      const card = this.closest('article');
      return card === null || drawn.has(card);
    });
    const nearOnly = (index: number) => {
      drawn.add(cards[index]!);
      cards[index]!.dispatchEvent(new StateChange(false));
    };
    const comeNear = async (index: number) => {
      nearOnly(index);
      await runAll();
    };
    const started = annotator.start();
    await runAll();
    await started;
    return { papers, annotator, bars, comeNear, nearOnly, cards, tasks, document };
  }

  it('go into the page together once a batch is built, so the page lays its list out once for the batch, not once a slice', async () => {
    const { papers, annotator, bars, nearOnly, tasks, document } = await readerAtTop();
    // A millisecond per look at the clock: the batch takes several slices, whatever this machine's speed.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock++);
    let task = 0;
    const changedIn = new Set<number>();
    const observer = new MutationObserver(() => changedIn.add(task));
    observer.observe(document.body, { childList: true, subtree: true });

    nearOnly(BUILT_AT_ONCE);
    while (tasks.length > 0) {
      task++;
      tasks.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    observer.disconnect();
    expect(task, 'tasks the batch took').toBeGreaterThan(2);
    expect([...changedIn], 'tasks that changed the page').toEqual([task]);
    expect(bars()).toEqual(papers.slice(0, BUILT_AT_ONCE + 1 + BUILT_AHEAD).map((p) => p.id));
    annotator.stop();
  }, 30_000);

  it('are built for the cards below one that comes near the screen, before the reader reaches them; cards far below wait', async () => {
    const { papers, annotator, bars, comeNear } = await readerAtTop();
    const ids = (count: number) => papers.slice(0, count).map((p) => p.id);
    expect(bars()).toEqual(ids(BUILT_AT_ONCE));

    // The reader scrolls and the next card comes near: it gets its bar, and so do the cards after it.
    await comeNear(BUILT_AT_ONCE);
    expect(bars()).toEqual(ids(BUILT_AT_ONCE + 1 + BUILT_AHEAD));

    // Reading on, the reader never reaches a card whose bar is still to come.
    for (let index = BUILT_AT_ONCE + 1; index < BUILT_AT_ONCE + 2 * BUILT_AHEAD; index++) {
      await comeNear(index);
      expect(bars(), `card ${index} near the screen`).toEqual(expect.arrayContaining(ids(index + 1 + BUILT_AHEAD / 2)));
    }
    // Cards far below still wait.
    expect(bars().length).toBeLessThan(papers.length);
    expect(bars().length).toBeLessThanOrEqual(BUILT_AT_ONCE + 3 * BUILT_AHEAD + 1);
    annotator.stop();
  }, 30_000);

  it('are built where the reader jumps to, far below, and ahead of them from there', async () => {
    const { papers, annotator, bars, comeNear, cards } = await readerAtTop();

    // The reader drags the scrollbar two thirds down: the card they land on comes near.
    const landing = BUILT_AT_ONCE + 2 * BUILT_AHEAD;
    await comeNear(landing);
    const landed = papers.slice(landing, landing + 1 + BUILT_AHEAD).map((p) => p.id);
    expect(bars()).toEqual(expect.arrayContaining(landed));
    // The cards they skipped still wait, and reading on from there, bars stay ahead of them.
    expect(bars()).not.toContain(papers[landing - 1]!.id);
    for (let index = landing + 1; index < cards.length; index++) {
      await comeNear(index);
      expect(bars(), `card ${index} near the screen`).toEqual(expect.arrayContaining(papers.slice(index, Math.min(papers.length, index + 1 + BUILT_AHEAD / 2)).map((p) => p.id)));
    }
    expect(bars()).toContain(papers.at(-1)!.id);
    annotator.stop();
  }, 30_000);
});
