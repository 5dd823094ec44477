import { element, type CardContext } from '@/lib/annotate/card-feature';

/** How far a click on a bar's faded end scrolls it: most of a bar, so that what was faded stays in sight. */
const SCROLL_SHARE = 0.8;

/**
 * A bar is one line of a fixed size (styles.ts), and what does not fit scrolls sideways inside it,
 * with no scrollbar. Once the reader points at the bar or focuses into it, its ends fade where there
 * is more to see, and a click on a faded end scrolls there (a mouse wheel scrolls the page, not the
 * bar; the keyboard gets there by Tab, which brings each control into sight). Two empty marks at the
 * bar's ends tell when an end goes out of sight: the browser says so, and nothing measures the page.
 * The arrows are for the pointer only, hidden from assistive technology, which reaches every control.
 */
export function showOverflow(bar: HTMLElement, root: ShadowRoot, { document, listen, signal }: Pick<CardContext, 'document' | 'listen' | 'signal'>): () => void {
  const View = document.defaultView?.IntersectionObserver;
  if (!View) return () => undefined;
  const marks = { start: element(document, 'span', 'end-mark start'), end: element(document, 'span', 'end-mark end') };
  bar.prepend(marks.start);
  bar.append(marks.end);
  const arrows: HTMLElement[] = [];
  for (const side of ['start', 'end'] as const) {
    const arrow = element(document, 'span', `more ${side}`, side === 'start' ? '‹' : '›');
    arrows.push(arrow);
    arrow.setAttribute('aria-hidden', 'true');
    listen(arrow, 'click', () => {
      const still = document.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      bar.scrollBy({ left: (side === 'start' ? -1 : 1) * SCROLL_SHARE * bar.clientWidth, behavior: still ? 'instant' : 'smooth' });
    });
    root.append(arrow);
  }
  // Watched while the reader is at the bar (pointing at it or focused in it): a reader who passes
  // over hundreds of bars in a long session leaves no watch running on them.
  let watching = false;
  /** Marks still to be told once, after the bar changed with the reader elsewhere (see the end). */
  let toldOnce = 0;
  const observer = new View(
    (entries) => {
      for (const { target, isIntersecting } of entries) bar.classList.toggle(target === marks.start ? 'more-start' : 'more-end', !isIntersecting);
      if (!watching && (toldOnce -= entries.length) <= 0) {
        toldOnce = 0;
        observer.disconnect();
      }
    },
    { root: bar },
  );
  const watch = (on: boolean) => {
    if (on === watching) return;
    watching = on;
    toldOnce = 0;
    if (on) {
      observer.observe(marks.start);
      observer.observe(marks.end);
    } else observer.disconnect();
  };
  const pointedAt = () => [bar, ...arrows].some((part) => part.matches(':hover'));
  watch(true);
  for (const part of [bar, ...arrows]) {
    listen(part, 'pointerenter', () => watch(true));
    listen(part, 'pointerleave', () => watch(pointedAt() || bar.contains(root.activeElement)));
  }
  listen(bar, 'focusin', () => watch(true));
  listen(bar, 'focusout', (event) => watch(pointedAt() || bar.contains(event.relatedTarget as Node | null)));
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  // The bar's content changed (a save or a tag from the popup, Undo) with the reader elsewhere: its
  // ends are looked at once, so that a fade never tells of more that is not there, or hides more that is.
  return () => {
    if (watching || toldOnce > 0 || signal.aborted) return;
    toldOnce = 2;
    observer.observe(marks.start);
    observer.observe(marks.end);
  };
}
