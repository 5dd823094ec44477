import { readFileSync } from 'node:fs';
import { abbreviate, apiEntry, escapeHtml, manyPapers, type FixturePaper } from '../tests/fixtures/hf/markup';

/**
 * A Hugging Face listing built from the real markup saved in ../shared/fixtures/hf/: the saved card
 * (both its desktop and its mobile copy, every class, comment and SVG as served) filled with distinct
 * papers, inside the page's real header, with the data blob the site embeds. The site's styles for the classes it uses are
 * included, so the page lays out and paints as a reader sees it. Reading the shared fixtures fails loudly when they are missing.
 */
const SHARED = '../shared/fixtures/hf';
const TEMPLATE_ID = '2609.08183';
const TEMPLATE = {
  title: 'NeoHorse-1: Towards Recursive Self-Improvement via Agentic Post-Training with Routing Harness',
  summary: 'NeoHorse-1 uses agentic post-training with intelligent routing, structured feedback loops, and curriculum-based distillation to improve model capabilities across agent benchmarks.',
  org: 'TokenRhythm',
  upvotes: '<div class="font-semibold text-orange-500">327</div>',
  github: 'https://github.com/TokenRhythm/NeoHorse',
  stars: '1.66k',
};

function read(name: string): string {
  return readFileSync(`${SHARED}/${name}`, 'utf8');
}

/** The saved card with every field that differs between papers replaced. */
function cardFor(template: string, p: FixturePaper): string {
  const org = p.organization ?? { handle: 'TokenRhythm', name: 'TokenRhythm' };
  const [y, m, d] = p.publishedAt.split('-').map(Number) as [number, number, number];
  const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
  return template
    .replaceAll(TEMPLATE_ID, p.id)
    .replaceAll(TEMPLATE.title, escapeHtml(p.title))
    .replaceAll(TEMPLATE.summary, escapeHtml(p.aiSummary ?? p.summary))
    .replaceAll(`href="/${TEMPLATE.org}"`, `href="/${org.handle}"`)
    .replaceAll(`alt="${TEMPLATE.org}"`, `alt="${escapeHtml(org.handle)}"`)
    .replaceAll(`>${TEMPLATE.org}</span>`, `>${escapeHtml(org.name)}</span>`)
    .replaceAll('Sep 8, 2026', `${month} ${d}, ${y}`)
    .replaceAll(TEMPLATE.upvotes, `<div class="font-semibold text-orange-500">${p.upvotes || '-'}</div>`)
    .replaceAll(TEMPLATE.github, p.github?.repo ?? TEMPLATE.github)
    .replaceAll(TEMPLATE.stars, abbreviate(p.github?.stars ?? 1660));
}

/**
 * The page's own header, search box and Daily/Weekly/Monthly buttons, and the list's grid (one
 * column, 20 px apart, each card rendered only near the screen: `content-visibility: auto`), up to
 * where the cards start.
 */
function header(excerpt: string): string {
  const start = excerpt.indexOf('<section');
  const end = excerpt.indexOf('<article');
  if (start < 0 || end < 0) throw new Error(`${SHARED}/trending-2026-10-page-head-excerpt.html changed: no <section> or <article>`);
  // Up to the comment markers that open the list's first item.
  return excerpt.slice(start, excerpt.lastIndexOf('<!--[', end));
}

/**
 * The site's styles for every class the saved card and the list use, with Tailwind's values (the
 * site is built with Tailwind; `btn`, `shadow-alternate` and the gradient are the site's own and
 * approximated). Left out: dark mode, and the thumbnail's pulsing placeholder, which the site removes
 * as the image arrives (kept, it would animate every card on screen for the whole read).
 */
const CSS = `
body { margin: 0; font-family: "Liberation Sans", sans-serif; font-size: 1rem; line-height: 1.5; color: #111827; }
*, ::before, ::after { box-sizing: border-box; border: 0 solid #e5e7eb; }
h3, p { margin: 0; } a { color: inherit; text-decoration: inherit; } ul { list-style: none; margin: 0; padding: 0; }
img, svg, video { display: block; vertical-align: middle; } img, video { max-width: 100%; height: auto; }
.hidden { display: none; } .block { display: block; } .flex { display: flex; } .inline-flex { display: inline-flex; }
.flex-col { flex-direction: column; } .flex-1 { flex: 1 1 0%; } .flex-none { flex: none; } .flex-shrink-0 { flex-shrink: 0; }
.flex-wrap { flex-wrap: wrap; } .items-center { align-items: center; } .items-stretch { align-items: stretch; }
.justify-center { justify-content: center; } .self-start { align-self: flex-start; }
.gap-1 { gap: .25rem; } .gap-2 { gap: .5rem; } .gap-2\\.5 { gap: .625rem; }
.h-40 { height: 10rem; } .h-48 { height: 12rem; } .h-9 { height: 2.25rem; } .h-6 { height: 1.5rem; } .h-full { height: 100%; } .h-fit { height: fit-content; }
.w-56 { width: 14rem; } .w-40 { width: 10rem; } .w-full { width: 100%; } .min-w-0 { min-width: 0; } .max-w-full { max-width: 100%; } .max-w-none { max-width: none; }
.size-full { width: 100%; height: 100%; } .size-2\\.5 { width: .625rem; height: .625rem; } .size-3 { width: .75rem; height: .75rem; }
.size-3\\.5 { width: .875rem; height: .875rem; } .size-4 { width: 1rem; height: 1rem; }
.p-6 { padding: 1.5rem; } .p-4 { padding: 1rem; } .px-2 { padding-left: .5rem; padding-right: .5rem; } .px-1\\.5 { padding-left: .375rem; padding-right: .375rem; }
.py-0\\.5 { padding-top: .125rem; padding-bottom: .125rem; } .pl-3 { padding-left: .75rem; } .pr-3\\.5 { padding-right: .875rem; } .pt-1 { padding-top: .25rem; } .\\!pt-0 { padding-top: 0 !important; }
.mb-1\\.5 { margin-bottom: .375rem; } .mb-2 { margin-bottom: .5rem; } .mb-3 { margin-bottom: .75rem; } .mx-1 { margin: 0 .25rem; } .mx-2 { margin: 0 .5rem; } .mr-0\\.5 { margin-right: .125rem; }
.relative { position: relative; } .absolute { position: absolute; } .inset-0 { inset: 0; } .bottom-2 { bottom: .5rem; } .right-2 { right: .5rem; } .z-1 { z-index: 1; }
.overflow-hidden { overflow: hidden; } .truncate { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; } .whitespace-nowrap { white-space: nowrap; }
.line-clamp-2 { overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; } .text-balance { text-wrap: balance; }
.text-xs { font-size: .75rem; line-height: 1rem; } .text-sm { font-size: .875rem; line-height: 1.25rem; } .text-base { font-size: 1rem; line-height: 1.5rem; }
.text-lg { font-size: 1.125rem; line-height: 1.75rem; } .text-xl { font-size: 1.25rem; line-height: 1.75rem; } .leading-none { line-height: 1; }
.font-medium { font-weight: 500; } .font-semibold { font-weight: 600; }
.text-gray-400 { color: #9ca3af; } .text-gray-500 { color: #6b7280; } .text-gray-600 { color: #4b5563; } .text-gray-700 { color: #374151; } .text-gray-900 { color: #111827; }
.text-blue-700 { color: #1d4ed8; } .text-orange-500 { color: #f97316; } .text-amber-500 { color: #f59e0b; }
.bg-white { background-color: #fff; } .bg-gray-200 { background-color: #e5e7eb; } .bg-blue-50 { background-color: #eff6ff; }
.bg-linear-to-b.from-gray-50-to-white { background-image: linear-gradient(to bottom, #f9fafb, #fff); }
.border { border-width: 1px; } .border-gray-200 { border-color: #e5e7eb; } .border-gray-300 { border-color: #d1d5db; } .border-blue-200\\/70 { border-color: rgb(191 219 254 / .7); }
.rounded-xl { border-radius: .75rem; } .rounded-lg { border-radius: .5rem; } .rounded-md { border-radius: .375rem; } .rounded-sm { border-radius: .25rem; } .rounded-full { border-radius: 9999px; }
.shadow-xs, .shadow-alternate { box-shadow: 0 1px 2px 0 rgb(0 0 0 / .05); }
.btn { display: inline-flex; align-items: center; justify-content: center; white-space: nowrap; border: 1px solid #e5e7eb; border-radius: .5rem; padding: .25rem .75rem; background-image: linear-gradient(to bottom, #fff, #f3f4f6); }
.object-cover { object-fit: cover; } .object-center { object-position: center; } .opacity-80 { opacity: .8; }
.cursor-pointer { cursor: pointer; } .select-none { user-select: none; } .pointer-events-none { pointer-events: none; }
.hover\\:underline:hover { text-decoration-line: underline; } .hover\\:bg-blue-100:hover { background-color: #dbeafe; } .hover\\:border-blue-200:hover { border-color: #bfdbfe; }
.group:hover .group-hover\\:text-orange-500 { color: #f97316; }
.grid { display: grid; } .gap-5 { gap: 1.25rem; } .grid-cols-1 { grid-template-columns: repeat(1, minmax(0, 1fr)); }
.\\*\\:\\[content-visibility\\:auto\\] > * { content-visibility: auto; }
.container { width: 100%; max-width: 1280px; margin: 0 auto; padding: 0 1rem; }
dialog:not([open]) { display: none; }
@media (min-width: 768px) { .md\\:flex { display: flex; } .md\\:hidden { display: none; } .md\\:border-r { border-right-width: 1px; } }
@media (max-width: 767.98px) { .max-md\\:border-b { border-bottom-width: 1px; } }
@media (min-width: 1024px) { .lg\\:sticky { position: sticky; } .lg\\:top-8 { top: 2rem; } }
`;

export interface RealListing {
  html: string;
  papers: FixturePaper[];
}

/** A listing of `count` distinct papers in the real markup, with the data blob for the first `blobLimit`. */
export function realListing(count: number, blobLimit = 50): RealListing {
  const template = read('trending-2026-10-card-org-2609.08183.html').trim();
  const excerpt = read('trending-2026-10-page-head-excerpt.html');
  if (!template.includes(TEMPLATE_ID) || !template.includes(TEMPLATE.title)) throw new Error(`${SHARED}: the saved card changed`);
  const papers = manyPapers(count);
  const props = {
    canSubmit: false,
    dailyPapers: papers.slice(0, blobLimit).map(apiEntry),
    publisher: { _id: 'user-akhaliq', fullname: 'AK', user: 'akhaliq', type: 'user' },
    query: {},
    isTrending: true,
  };
  const cards = papers.map((p) => `<!--[0-->${cardFor(template, p)}<!--]-->`).join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trending Papers - Hugging Face</title><style>${CSS}</style></head>
<body><main><div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${escapeHtml(JSON.stringify(props))}">${header(excerpt)}${cards}</div></div></section></div></main></body></html>`;
  return { html, papers };
}
