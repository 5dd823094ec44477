import { BarPlaces } from '@/lib/annotate/bar-places';
import { shownDatesOf } from '@/lib/hf/listing-cards';
import { FIXTURE_PAGES, parsePage } from '../../fixtures/hf/pages';

function listing() {
  const page = parsePage(FIXTURE_PAGES.trending.html());
  document.body.replaceChildren(...[...page.body.childNodes].map((node) => document.importNode(node, true)));
  const cards = [...document.querySelectorAll('article')];
  expect(cards).toHaveLength(FIXTURE_PAGES.trending.papers.length);
  return cards;
}

const host = () => document.createElement('div');

/** Makes the reader see only the `shown` copy of every card (0 wide, 1 narrow), as the site's styles do. */
function showCopy(cards: Element[], shown: number) {
  for (const card of cards) shownDatesOf(card).forEach((date, i) => (((date.parentElement!.parentElement!.parentElement as HTMLElement).style.display = i === shown ? 'flex' : 'none')));
}

describe('where a card bar goes', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('goes right after the date in the byline, so the card gets no line for it', () => {
    const [card] = listing();
    const places = new BarPlaces();
    const bar = host();
    const spot = places.spotFor(card!);
    expect(spot.placement).toBe('byline');
    places.put(bar, spot);
    expect(bar.previousElementSibling?.textContent).toMatch(/^Published on /);
    // Nothing else of the card changed: the byline holds the bar and the card's own children are the two copies.
    expect(bar.parentElement!.textContent).toContain('·');
    expect([...card!.children].every((child) => child.tagName === 'DIV' && !child.hasAttribute('data-papershelf-id'))).toBe(true);
  });

  it("finds each card's own date when the cards of a list differ", () => {
    const cards = listing();
    const places = new BarPlaces();
    places.put(host(), places.spotFor(cards[0]!));
    // The next card has an extra line before its byline (a badge, say): its date is elsewhere.
    const date = shownDatesOf(cards[1]!)[0]!;
    date.parentElement!.before(document.createElement('div'));
    const bar = host();
    places.put(bar, places.spotFor(cards[1]!));
    expect(bar.previousElementSibling).toBe(date);
  });

  it('goes in the copy of the card the reader sees, and follows when the window shows the other', () => {
    const cards = listing();
    showCopy(cards, 1);
    const places = new BarPlaces();
    const first = host();
    places.put(first, places.spotFor(cards[0]!));
    expect(first.previousElementSibling?.textContent).not.toMatch(/^Published on /);
    expect(shownDatesOf(cards[0]!)[1]!.nextElementSibling).toBe(first);

    expect(places.shownCopyChanged(first, cards[0]!)).toBe(false);
    showCopy(cards, 0);
    cards[0]!.setAttribute('style', 'display: none');
    expect(places.shownCopyChanged(first, cards[0]!), 'a card hidden altogether tells nothing').toBe(false);
    cards[0]!.removeAttribute('style');
    expect(places.shownCopyChanged(first, cards[0]!)).toBe(true);
    places.put(first, places.spotFor(cards[0]!));
    expect(first.previousElementSibling?.textContent).toMatch(/^Published on /);
    const second = host();
    places.put(second, places.spotFor(cards[1]!));
    expect(second.previousElementSibling?.textContent).toMatch(/^Published on /);
  });

  it('goes on a line of its own at the end of a card that shows no date', () => {
    const [card] = listing();
    for (const date of shownDatesOf(card!)) date.remove();
    const places = new BarPlaces();
    const bar = host();
    const spot = places.spotFor(card!);
    expect(spot.placement).toBe('card');
    places.put(bar, spot);
    expect(card!.lastElementChild).toBe(bar);
  });
});
