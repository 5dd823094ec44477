import { readFileSync } from 'node:fs';
import { abbreviate, apiEntry, escapeHtml, manyPapers, type FixturePaper } from '../tests/fixtures/hf/markup';

/**
 * A Hugging Face listing built from the real markup saved in ../shared/fixtures/hf/: the saved card
 * (both its desktop and its mobile copy, every class, comment and SVG as served) filled with distinct
 * papers, inside the page's real header, with the data blob the site embeds. The few CSS rules the
 * site uses to show one copy of each card at desktop width are included, so the page lays out as a
 * reader sees it. Reading the shared fixtures fails loudly when they are missing.
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

const CSS = `
body { margin: 0; font-family: "Liberation Sans", sans-serif; }
.hidden { display: none; }
.flex { display: flex; } .flex-col { flex-direction: column; } .flex-1 { flex: 1 1 0%; }
.h-40 { height: 10rem; } .w-56 { width: 14rem; } .w-40 { width: 10rem; } .p-6 { padding: 1.5rem; } .p-4 { padding: 1rem; }
.relative { position: relative; } .absolute { position: absolute; } .overflow-hidden { overflow: hidden; }
.line-clamp-2 { overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; }
.size-full { width: 100%; height: 100%; } .size-3 { width: .75rem; height: .75rem; } .size-2\\.5 { width: .625rem; height: .625rem; }
.rounded-xl { border-radius: .75rem; } .border { border: 1px solid #e5e7eb; }
.grid { display: grid; } .gap-5 { gap: 1.25rem; } .grid-cols-1 { grid-template-columns: repeat(1, minmax(0, 1fr)); }
.\\*\\:\\[content-visibility\\:auto\\] > * { content-visibility: auto; }
.container { max-width: 1280px; margin: 0 auto; padding: 0 1rem; }
dialog:not([open]) { display: none; }
@media (min-width: 768px) { .md\\:flex { display: flex; } .md\\:hidden { display: none; } }
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
