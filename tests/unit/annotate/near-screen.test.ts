import { NearScreen } from '@/lib/annotate/near-screen';
import { StateChange } from '../../fixtures/browser/content-visibility';

function list(style: string, cards = 3): Element[] {
  const grid = document.createElement('div');
  for (let i = 0; i < cards; i++) {
    const card = document.createElement('article');
    card.setAttribute('style', style);
    for (const copy of ['wide copy', 'narrow copy']) card.append(Object.assign(document.createElement('div'), { textContent: copy }));
    grid.append(card);
  }
  document.body.append(grid);
  return [...grid.children];
}

describe('telling when a card comes near the screen', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    vi.stubGlobal('ContentVisibilityAutoStateChangeEvent', StateChange);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lets cards the browser draws only near the screen wait, and says when a watched one comes near', () => {
    const near = vi.fn();
    const stop = new AbortController();
    const watch = new NearScreen(document, near, stop.signal);
    const [first, second, third] = list('content-visibility: auto');
    const [plain] = list('display: block');
    expect(watch.waitsForScreen(first!)).toBe(true);
    expect(watch.waitsForScreen(plain!)).toBe(false);
    watch.watch(first!);
    watch.watch(second!);
    watch.watch(second!);

    second!.dispatchEvent(new StateChange(true));
    expect(near).not.toHaveBeenCalled();
    second!.dispatchEvent(new StateChange(false));
    expect(near).toHaveBeenCalledExactlyOnceWith(second);

    // A card not watched, or no longer, is not told.
    third!.dispatchEvent(new StateChange(false));
    watch.unwatch(second!);
    second!.dispatchEvent(new StateChange(false));
    expect(near).toHaveBeenCalledTimes(1);

    stop.abort();
    first!.dispatchEvent(new StateChange(false));
    expect(near).toHaveBeenCalledTimes(1);
  });

  it('lets no card wait in a browser that would never say', () => {
    vi.unstubAllGlobals();
    delete (window as { ContentVisibilityAutoStateChangeEvent?: unknown }).ContentVisibilityAutoStateChangeEvent;
    const watch = new NearScreen(document, vi.fn(), new AbortController().signal);
    expect(watch.waitsForScreen(list('content-visibility: auto')[0]!)).toBe(false);
  });

  it('counts a card as near when the browser draws either copy of it', () => {
    const watch = new NearScreen(document, vi.fn(), new AbortController().signal);
    const [card] = list('content-visibility: auto');
    const [wide, narrow] = [...card!.children];
    const drawn = { wide: false, narrow: false };
    vi.spyOn(wide!, 'checkVisibility').mockImplementation(() => drawn.wide);
    vi.spyOn(narrow!, 'checkVisibility').mockImplementation(() => drawn.narrow);
    expect(watch.isNear(card!)).toBe(false);
    drawn.narrow = true;
    expect(watch.isNear(card!)).toBe(true);
    expect(wide!.checkVisibility).toHaveBeenCalledWith({ contentVisibilityAuto: true });
  });

  it('knows the cards after one below the screen are not drawn either, until the reader scrolls', () => {
    const watch = new NearScreen(document, vi.fn(), new AbortController().signal);
    const cards = list('content-visibility: auto', 4);
    const tops = [-3000, 200, innerHeight + 500, innerHeight + 900];
    const drawn = [false, true, false, false];
    const asked = cards.map((card, i) => {
      vi.spyOn(card, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: tops[i]!, width: 300, height: 200 }));
      return [...card.children].map((copy) => vi.spyOn(copy, 'checkVisibility').mockImplementation(() => drawn[i]!));
    });
    const answers = () => cards.map((card) => watch.isNear(card));

    expect(answers()).toEqual([false, true, false, false]);
    // The card above the screen is asked, the last one is known from the one before it.
    expect(asked[0]![0]).toHaveBeenCalled();
    expect(asked[3]![0]).not.toHaveBeenCalled();

    // The reader scrolls: the last card comes near, and is asked again.
    watch.watch(cards[3]!);
    drawn[3] = true;
    cards[3]!.dispatchEvent(new StateChange(false));
    expect(watch.isNear(cards[3]!)).toBe(true);

    // A new scan asks again too.
    drawn[3] = false;
    expect(answers()).toEqual([false, true, false, false]);
    drawn[3] = true;
    expect(watch.isNear(cards[3]!)).toBe(false);
    watch.newScan();
    expect(watch.isNear(cards[3]!)).toBe(true);
  });
});
