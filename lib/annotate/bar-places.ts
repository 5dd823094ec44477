import { showsDate, shownDatesOf } from '@/lib/hf/listing-cards';

/** Where a bar sits: in a card's byline, on a line of its own at the card's end, or after a heading. */
export type BarPlacement = 'byline' | 'card' | 'heading';

/** A bar's place: after `anchor` (a date, a heading, a card that is a link), or at the end of a card. */
export interface BarSpot {
  placement: BarPlacement;
  anchor: Element;
}

/**
 * Puts bars in the page. On a listing card the bar goes right after the date in the byline
 * ("TokenRhythm · Published on Sep 8, 2026"), in the copy of the card the reader sees: it takes no
 * line of its own, so the page gets no longer, and a reader scrolling through a thousand cards does
 * not scroll further for it. A card that shows no date gets the bar on a line of its own at its end.
 */
export class BarPlaces {
  /**
   * Which copy of a card the reader sees (Hugging Face renders each card twice, for wide and for
   * narrow windows, and hides one): asked of the first card and taken to hold for all of them.
   */
  private shown: number | undefined;
  /**
   * Where the last card's dates were, as child positions from the card down: the cards of a list
   * share their markup, so the next card's dates are looked for there first, not among all its spans.
   */
  private datePaths: number[][] = [];

  /**
   * Where the bar of `card` goes: after a paper page's heading (`heading`), after the date the reader
   * sees, or at the card's end.
   */
  spotFor(card: Element, heading = false): BarSpot {
    if (heading) return { placement: 'heading', anchor: card };
    if (card.tagName === 'A') return { placement: 'card', anchor: card };
    const known = this.shown === undefined ? undefined : this.knownDate(card, this.shown);
    if (known) return { placement: 'byline', anchor: known };
    const dates = shownDatesOf(card);
    this.datePaths = dates.map((date) => pathTo(card, date));
    if (dates.length === 0) return { placement: 'card', anchor: card };
    this.shown ??= Math.max(0, dates.findIndex(isShown));
    return { placement: 'byline', anchor: dates[this.shown] ?? dates[0]! };
  }

  /**
   * The date the reader sees where the last card showed it, if there is one there: only that copy's
   * date is looked for (the bar goes there), not the hidden copy's too.
   */
  private knownDate(card: Element, shown: number): Element | undefined {
    const date = this.datePaths[shown]?.reduce<Element | undefined>((at, i) => at?.children[i], card);
    return date && showsDate(date) ? date : undefined;
  }

  /** Puts `host` at `spot`. */
  put(host: Element, { placement, anchor }: BarSpot): void {
    if (placement === 'card' && anchor.tagName !== 'A') anchor.append(host);
    else anchor.after(host);
  }

  /**
   * After the window changed size: whether the reader now sees the other copy of the cards (`host`
   * is a placed bar, `card` its card; a card the site hides altogether tells nothing). The next
   * `spotFor` then finds the copy now shown.
   */
  shownCopyChanged(host: Element, card: Element): boolean {
    if (this.shown === undefined || isShown(host) || !isShown(card)) return false;
    this.shown = undefined;
    return true;
  }
}

/** The child positions that lead from `ancestor` down to `element`. */
function pathTo(ancestor: Element, element: Element): number[] {
  const path: number[] = [];
  for (let at = element; at !== ancestor && at.parentElement; at = at.parentElement) path.unshift(Array.prototype.indexOf.call(at.parentElement.children, at));
  return path;
}

/** Whether the reader can see `element`: only its styles are asked, not its layout. */
function isShown(element: Element): boolean {
  return element.checkVisibility?.() ?? true;
}
