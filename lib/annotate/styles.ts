/**
 * The height of a bar on a line of its own (a card with no byline): one line, whatever its controls
 * hold, until what it shows would wrap (TALL_CSS lets it grow then).
 */
const BAR_HEIGHT_PX = 28;

/** Styles of the controls PaperShelf adds to cards. They live in each control's shadow root. */
export const CONTROLS_CSS = `
:host { all: initial; display: block; height: ${BAR_HEIGHT_PX}px; overflow: hidden; contain: layout style; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 3px 12px;
  border-top: 1px solid #e5e7eb; background: #fafafa; color: #374151;
  font: 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; }
.bar.dark { background: #111827; border-top-color: #1f2937; color: #d1d5db; }
.bar.heading { border: 1px solid #e5e7eb; border-radius: 8px; margin: 8px 0; }
.bar.byline { padding: 0 0 0 12px; border: 0; background: none; }
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
  width: 7em; min-width: 0; transition: width 0.1s; }
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
.related { flex-basis: 100%; }
.related ul { margin: 2px 0 0; padding-left: 18px; }
[hidden] { display: none !important; }
`;

/**
 * A bar whose content needs more than one line (many tags, a paper page's related papers) grows, and
 * so does a bar in a byline (it takes the byline's height); the others keep the one-line height
 * reserved for them before they were built.
 */
const TALL_CSS = ':host { height: auto; overflow: visible; }';

let sheets: { base: CSSStyleSheet; tall: CSSStyleSheet } | null | undefined;

function constructed(): { base: CSSStyleSheet; tall: CSSStyleSheet } | null {
  if (sheets === undefined) {
    try {
      const base = new CSSStyleSheet();
      base.replaceSync(CONTROLS_CSS);
      const tall = new CSSStyleSheet();
      tall.replaceSync(TALL_CSS);
      sheets = { base, tall };
    } catch {
      sheets = null;
    }
  }
  return sheets;
}

/**
 * Gives a shadow root the bar's styles, as one or a one-line bar: shared constructable sheets where
 * allowed, else <style> elements (Firefox content scripts cannot adopt a sheet they constructed).
 */
export function applyControlsStyles(root: ShadowRoot, document: Document, tall = false): void {
  const shared = constructed();
  if (shared) {
    try {
      root.adoptedStyleSheets = tall ? [shared.base, shared.tall] : [shared.base];
      return;
    } catch {
      sheets = null;
    }
  }
  let base = root.querySelector('style.base');
  if (!base) {
    base = Object.assign(document.createElement('style'), { className: 'base', textContent: CONTROLS_CSS });
    root.prepend(base);
  }
  let extra = root.querySelector('style.tall');
  if (tall && !extra) {
    extra = Object.assign(document.createElement('style'), { className: 'tall', textContent: TALL_CSS });
    base.after(extra);
  } else if (!tall) extra?.remove();
}
