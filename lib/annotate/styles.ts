import type { BarPlacement } from '@/lib/annotate/bar-places';

/**
 * A bar's box is fixed by where it sits and never by what it shows: a page's scripts can measure the
 * host element (its size, what it makes the card around it do), so a bar that grew with its tags, or
 * narrowed when its paper was saved, told the page what the library holds. Size containment makes
 * the host as large as these rules say and no larger; what does not fit scrolls sideways inside it.
 * The rules are !important so that the page's own styles (which win over a shadow root's normal
 * ones for its host) cannot change them either.
 */
const HOST_CSS: Record<BarPlacement, string> = {
  // On a line of its own at a card's end: the card's width, one line high.
  card: ':host { height: 28px !important; }',
  // In the byline after the date: the rest of the line, which the page's text sets (20 px); the box
  // reaches 3 px above and below it, so that a focus ring is not cut off, and takes no more room.
  byline: ':host { flex: 1 1 0 !important; min-width: 6em !important; height: 26px !important; margin: -3px 0 !important; }',
  // After a paper page's heading: the heading's width, one line high with room for its border.
  heading: ':host { height: 36px !important; margin: 8px 0 !important; }',
};

/** Styles of the controls PaperShelf adds to cards. They live in each control's shadow root. */
export const CONTROLS_CSS = `
:host { all: initial; display: block !important; contain: strict !important; }
/* Contained, the bar is laid out on its own: a change in it (Save, a tag) costs what the bar holds.
   The host cannot be that boundary, as the page makes it a flex item of the byline, which the browser
   lays out with its card and the whole list (on a 1,000-card listing, every click laid out the list). */
.bar { contain: strict; display: flex; align-items: center; gap: 6px; height: 100%; box-sizing: border-box; padding: 0 12px;
  overflow-x: auto; overflow-y: hidden; scrollbar-width: none; white-space: nowrap;
  border-top: 1px solid #e5e7eb; background: #fafafa; color: #374151;
  font: 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; }
.bar::-webkit-scrollbar { display: none; }
/* The marks that tell when an end is out of sight (bar-overflow.ts) take back the gap they add, so
   that they move nothing. An end with more fades, and a control focused there comes into sight clear of it. */
.end-mark { flex: none; width: 0; height: 1px; }
.end-mark.start { margin-right: -6px; }
.end-mark.end { margin-left: -6px; }
.bar.more-start { scroll-padding-left: 28px; mask-image: linear-gradient(to right, transparent, #000 28px); }
.bar.more-end { scroll-padding-right: 28px; mask-image: linear-gradient(to left, transparent, #000 28px); }
.bar.more-start.more-end { mask-image: linear-gradient(to right, transparent, #000 28px, #000 calc(100% - 28px), transparent); }
.more { position: absolute; top: 0; bottom: 0; display: none; align-items: center; padding: 0 6px; cursor: pointer;
  font: 600 16px/1 system-ui, sans-serif; color: #374151; user-select: none; }
.more.start { left: 0; }
.more.end { right: 0; }
.bar.dark ~ .more { color: #d1d5db; }
.bar.more-start ~ .more.start, .bar.more-end ~ .more.end { display: flex; }
.bar > *, .tags > li, .suggested > *, .related li { flex: none; }
.bar.dark { background: #111827; border-top-color: #1f2937; color: #d1d5db; }
.bar.heading { border: 1px solid #e5e7eb; border-radius: 8px; }
.bar.byline { padding: 0 3px 0 12px; border: 0; background: none; }
button, input { font: inherit; color: inherit; margin: 0; }
button { cursor: pointer; border: 1px solid #d1d5db; background: #fff; border-radius: 6px; padding: 1px 8px; }
.dark button { background: #1f2937; border-color: #374151; }
button:focus-visible, input:focus-visible { outline: 2px solid #f97316; outline-offset: 1px; }
.save[aria-pressed="true"], .dark .save[aria-pressed="true"] { background: #c2410c; border-color: #c2410c; color: #fff; font-weight: 600; }
.save[aria-busy="true"] { opacity: 0.6; cursor: progress; }
.tags { display: contents; list-style: none; }
.tags li { display: inline-flex; }
.tag, .suggestion { color: #9a3412; border-radius: 999px; padding: 0 8px; }
.tag { background: #fff7ed; border-color: #fed7aa; }
.dark .tag { background: #431407; border-color: #7c2d12; }
.tag::after { content: " ×"; opacity: 0.6; }
.tag-input { border: 1px dashed #d1d5db; background: transparent; border-radius: 999px; padding: 0 8px;
  width: 7em; min-width: 0; }
.tag-input:focus { width: 12em; border-style: solid; }
.stand-in { display: inline-block; color: #6b7280; cursor: text; white-space: nowrap; }
.dark .stand-in { color: #9ca3af; }
.new, .for-you { background: #15803d; color: #fff; border-radius: 4px; padding: 0 6px; font-weight: 600; }
.for-you { background: #1d4ed8; }
/* An empty status region stays out of the bar's flow, so that it appearing moves nothing on the card. */
.status.quiet { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
.status.error { color: #b91c1c; }
.dark .status.error { color: #f87171; }
.undo { margin-left: 6px; font-weight: 600; }
.suggested { display: contents; }
.suggestion { border-style: dashed; }
.dark .tag, .dark .suggestion { color: #fed7aa; }
.not-interested, .dark .not-interested { margin-left: auto; border-color: transparent; background: transparent; color: #6b7280; }
.dark .not-interested { color: #9ca3af; }
.not-interested[aria-pressed="true"] { color: #b91c1c; text-decoration: line-through; }
.related, .related ul { display: flex; align-items: center; gap: 6px; margin: 0; padding: 0; list-style: none; }
.related { margin-left: 6px; }
[hidden] { display: none !important; }
`;

let sheets: { base: CSSStyleSheet; host: Record<BarPlacement, CSSStyleSheet> } | null | undefined;

function constructed(): typeof sheets {
  if (sheets === undefined) {
    try {
      const sheet = (css: string) => {
        const made = new CSSStyleSheet();
        made.replaceSync(css);
        return made;
      };
      sheets = { base: sheet(CONTROLS_CSS), host: { card: sheet(HOST_CSS.card), byline: sheet(HOST_CSS.byline), heading: sheet(HOST_CSS.heading) } };
    } catch {
      sheets = null;
    }
  }
  return sheets;
}

/**
 * Gives a shadow root the bar's styles for its place: shared constructable sheets where allowed, else
 * <style> elements (Firefox content scripts cannot adopt a sheet they constructed).
 */
export function applyControlsStyles(root: ShadowRoot, document: Document, placement: BarPlacement): void {
  const shared = constructed();
  if (shared) {
    try {
      root.adoptedStyleSheets = [shared.base, shared.host[placement]];
      return;
    } catch {
      sheets = null;
    }
  }
  root.prepend(
    Object.assign(document.createElement('style'), { textContent: CONTROLS_CSS }),
    Object.assign(document.createElement('style'), { textContent: HOST_CSS[placement] }),
  );
}
