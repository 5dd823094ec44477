import { existsSync, readFileSync } from 'node:fs';
import { readDataBlob } from '@/lib/hf/data-blob';
import { findCards, readCardTitle, shownDatesOf, titleOf } from '@/lib/hf/listing-cards';
import { read as readPaperPage } from '@/lib/hf/pages/paper';
import { read as readListing } from '@/lib/hf/pages/listing';
import { PaperMetadataSchema } from '@/lib/paper/model';
import { FIXTURE_PAGES, parsePage, VARIANT_PAPERS } from '../../fixtures/hf/pages';
import type { FixturePaper } from '../../fixtures/hf/markup';

const today = new Date('2026-11-26T12:00:00Z');

function read(html: string) {
  const doc = parsePage(html);
  return readListing(doc, today);
}

/** What a reader should find for a fixture paper, given whether the page embeds its data. */
function expected(p: FixturePaper, o: { blob: boolean; search?: boolean }) {
  return {
    id: p.id,
    title: p.title,
    summary: o.blob ? p.summary : (p.aiSummary ?? p.summary),
    authors: p.organization && !o.blob ? [] : o.blob ? p.authors : p.authors.slice(0, 4),
    ...(p.organization ? { organization: p.organization } : {}),
    publishedAt: p.publishedAt,
    upvotes: p.upvotes,
    ...(o.blob || (o.search && p.comments > 0) ? { comments: p.comments } : {}),
    ...(p.github ? { github: p.github } : {}),
    thumbnailUrl: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${p.id}.png`,
  };
}

describe('reading listing pages', () => {
  it.each(['daily', 'trending', 'weekly', 'loggedIn', 'renamed'] as const)(
    'reads every card of the %s page with its data blob',
    (name) => {
      const page = FIXTURE_PAGES[name];
      const cards = read(page.html());
      expect(cards.map((c) => c.id)).toEqual(page.papers.map((p) => p.id));
      cards.forEach((card, i) => expect(card.paper).toEqual(expected(page.papers[i]!, { blob: true })));
    },
  );

  it('reads search results, which have no data blob, with their comment counts', () => {
    const page = FIXTURE_PAGES.search;
    const cards = read(page.html());
    expect(cards).toHaveLength(47);
    cards.forEach((card, i) => expect(card.paper).toEqual(expected(page.papers[i]!, { blob: false, search: true })));
    expect(cards.filter((c) => (c.paper.comments ?? 0) > 0).length).toBeGreaterThan(5);
  });

  it('reads organization and author variants, odd names and markup-like titles as text', () => {
    const cards = read(FIXTURE_PAGES.variants.html());
    expect(cards.map((c) => c.id)).toEqual(VARIANT_PAPERS.map((p) => p.id));
    expect(cards[0]!.paper).toMatchObject({ id: '1802.08979', organization: { handle: 'google', name: 'Google' }, upvotes: 0 });
    expect(cards[1]!.paper.organization?.name).toBe('Ai2 (Allen Institute for AI) — Open Language Models & Data');
    expect(cards[2]!.paper).toMatchObject({ authors: ['Ада Лавлейс', '李雷', "O'Brien, Jr."], github: { stars: 2310 } });
    expect(cards[3]!.paper.authors).toEqual(['Solo Author']);
    expect(cards[4]!.paper.title).toBe('Tricky <b>markup</b> & "quotes" in a title');
  });

  it('reads cards without the data blob from what they show', () => {
    const doc = parsePage(FIXTURE_PAGES.daily.html());
    const p = FIXTURE_PAGES.daily.papers[0]!;
    const [card] = readListing(doc, today, new Map());
    expect(card!.paper).toEqual(expected(p, { blob: false }));
  });

  it('gives one card per article although each article renders the paper twice', () => {
    const doc = parsePage(FIXTURE_PAGES.daily.html());
    expect(doc.querySelectorAll('article').length).toBe(12);
    expect(doc.querySelectorAll('h3').length).toBe(24);
    expect(findCards(doc)).toHaveLength(12);
    expect(findCards(doc).every((c) => c.element.tagName === 'ARTICLE')).toBe(true);
  });

  it("notes each card's title link as it passes it, so a title is read without searching the card", () => {
    const doc = parsePage(FIXTURE_PAGES.daily.html());
    const cards = findCards(doc);
    expect(cards.map((c) => c.titleLink && titleOf(c.titleLink))).toEqual(FIXTURE_PAGES.daily.papers.map((p) => p.title));
    expect(cards.map((c) => readCardTitle(c.element, c.id))).toEqual(FIXTURE_PAGES.daily.papers.map((p) => p.title));
  });

  it('finds cards without articles by the container that holds one paper', () => {
    const doc = parsePage(FIXTURE_PAGES.daily.html().replace(/<(\/?)article/g, '<$1div'));
    const cards = findCards(doc);
    expect(cards.map((c) => c.id)).toEqual(FIXTURE_PAGES.daily.papers.map((p) => p.id));
    // each card is the whole paper block: both copies and the buttons
    expect(cards[0]!.element.querySelectorAll('h3')).toHaveLength(2);
  });

  it('reads 1,000 cards, every one valid for the library', () => {
    const cards = read(FIXTURE_PAGES.thousand.html());
    expect(cards).toHaveLength(1000);
    expect(new Set(cards.map((c) => c.id)).size).toBe(1000);
    for (const card of cards) expect(PaperMetadataSchema.safeParse(card.paper).success).toBe(true);
  }, 60_000); // the DOM emulation takes seconds to parse 6 MB; the browser takes milliseconds

  it('produces metadata the library accepts for every fixture', () => {
    for (const name of ['daily', 'trending', 'weekly', 'search', 'variants', 'loggedIn', 'renamed'] as const) {
      for (const card of read(FIXTURE_PAGES[name].html())) {
        const parsed = PaperMetadataSchema.safeParse(card.paper);
        expect(parsed.error, `${name} ${card.id}`).toBeUndefined();
      }
    }
  });
});

describe('reading a paper page', () => {
  it('reads the title, authors, abstract and counts', () => {
    const p = FIXTURE_PAGES.paper.papers[0]!;
    const doc = parsePage(FIXTURE_PAGES.paper.html());
    const read = readPaperPage(doc, p.id, today);
    expect(read?.heading.tagName).toBe('H1');
    expect(read?.paper).toMatchObject({ id: p.id, title: p.title, summary: p.summary, authors: p.authors, publishedAt: p.publishedAt, upvotes: p.upvotes });
    expect(PaperMetadataSchema.safeParse(read?.paper).success).toBe(true);
  });

  it('gives nothing for a page without a title', () => {
    expect(readPaperPage(parsePage('<main><p>Not found</p></main>'), '2401.12345', today)).toBeUndefined();
  });
});

describe('corrupted pages never throw', () => {
  const html = FIXTURE_PAGES.daily.html();
  const papers = FIXTURE_PAGES.daily.papers;
  const cut = html.slice(0, Math.floor(html.length * 0.6));
  // Cards whose article closed before the cut are all there; the one cut in half may be too.
  const wholeBeforeCut = (cut.match(/<\/article>/g) ?? []).length;
  const cases: [string, string, { min: number; max: number }][] = [
    ['truncated mid-card', cut, { min: wholeBeforeCut, max: wholeBeforeCut + 1 }],
    ['truncated mid-blob', html.slice(0, html.indexOf('data-props') + 5000), { min: 0, max: 0 }],
    ['broken blob JSON', html.replace('data-props="{', 'data-props="{{oops'), { min: papers.length, max: papers.length }],
    ['blob of the wrong shape', html.replace(/data-props="[^"]*"/, 'data-props="{&quot;dailyPapers&quot;:[1,null,{&quot;paper&quot;:7}]}"'), { min: papers.length, max: papers.length }],
    ['missing titles', html.replace(/<h3[^>]*>.*?<\/h3>/g, ''), { min: papers.length, max: papers.length }],
    ['an empty page', '', { min: 0, max: 0 }],
    ['nonsense', '<<<>>>&&&<article><a href="/papers/9999.99999">x</a></article>', { min: 0, max: 0 }],
  ];
  it.each(cases)('%s', (_, corrupted, count) => {
    const cards = read(corrupted);
    expect(cards.length).toBeGreaterThanOrEqual(count.min);
    expect(cards.length).toBeLessThanOrEqual(count.max);
    expect(new Set(cards.map((c) => c.element)).size).toBe(cards.length);
    expect(cards.filter((card) => !PaperMetadataSchema.safeParse(card.paper).success)).toEqual([]);
  });

  it('reads a paper shown twice as two cards with the same paper', () => {
    const first = html.slice(html.indexOf('<article'), html.indexOf('</article>') + 10);
    const cards = read(html.replace(/<\/section>/, `${first}</section>`));
    expect(cards).toHaveLength(13);
    expect(cards[12]!.paper).toEqual(cards[0]!.paper);
  });

  it('drops cards without titles when the blob does not know them either', () => {
    // Title headings gone: each card still links to its paper (the thumbnail), but says nothing of it.
    const doc = parsePage(html.replace(/<h3[^>]*>.*?<\/h3>/g, ''));
    expect(readListing(doc, today, new Map())).toEqual([]);
    // ...and keeps those whose title the page's data has, with that title.
    const blob = readDataBlob(doc);
    const known = FIXTURE_PAGES.daily.papers.filter((p) => blob.has(p.id));
    expect(known.length).toBeGreaterThan(0);
    expect(readListing(doc, today, blob).map((c) => c.paper.title)).toEqual(known.map((p) => p.title));
  });
});

/** A page whose data blob holds `entries`, as Hugging Face embeds it. */
function pageWithData(entries: unknown[]): Document {
  const doc = parsePage('<main></main>');
  const div = doc.createElement('div');
  div.setAttribute('data-target', 'DailyPapers');
  div.setAttribute('data-props', JSON.stringify({ dailyPapers: entries }));
  doc.body.append(div);
  return doc;
}

describe("the page's data", () => {
  it("gives each paper's title and abstract as its full metadata has them, for \"For you\"", () => {
    const blob = readDataBlob(parsePage(FIXTURE_PAGES.daily.html()));
    const ids = FIXTURE_PAGES.daily.papers.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(0);
    const both = ids.map((id) => {
      const paper = blob.get(id);
      return paper && { title: paper.title, summary: paper.summary };
    });
    expect(ids.map((id) => blob.text(id))).toEqual(both);
    expect(both).toEqual(FIXTURE_PAGES.daily.papers.map((p) => ({ title: p.title, summary: p.summary })));
  });

  it('skips entries without an arXiv id or a title, and keeps the first of an id', () => {
    const blob = readDataBlob(
      pageWithData([
        7,
        null,
        { paper: { id: 'not-an-id', title: 'No id' } },
        { paper: { id: '2601.00001v2', title: '  ' }, title: '' },
        { paper: { id: '2601.00001v2', title: 'The first with a title', summary: 'Its abstract.' } },
        { paper: { id: '2601.00001', title: 'A later copy' } },
        { id: '2601.00002', title: 'A flat entry' },
      ]),
    );
    expect(blob.has('not-an-id')).toBe(false);
    expect(blob.text('2601.00001')).toEqual({ title: 'The first with a title', summary: 'Its abstract.' });
    expect(blob.get('2601.00001')).toMatchObject({ id: '2601.00001', title: 'The first with a title', summary: 'Its abstract.' });
    expect(blob.text('2601.00002')).toEqual({ title: 'A flat entry', summary: '' });
    expect(blob.text('2601.00003')).toBeUndefined();
  });
});

const SHARED = '../shared/fixtures/hf';
describe('real Hugging Face excerpts', () => {
  it('are there (../shared/fixtures/hf beside the project)', () => {
    expect(existsSync(`${SHARED}/trending-2026-10-card-org-2609.08183.html`), `missing ${SHARED}`).toBe(true);
  });

  it('reads the real organization card of the trending page', () => {
    const doc = parsePage(readFileSync(`${SHARED}/trending-2026-10-card-org-2609.08183.html`, 'utf8'));
    const cards = readListing(doc, today);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.paper).toEqual({
      id: '2609.08183',
      title: 'NeoHorse-1: Towards Recursive Self-Improvement via Agentic Post-Training with Routing Harness',
      summary:
        'NeoHorse-1 uses agentic post-training with intelligent routing, structured feedback loops, and curriculum-based distillation to improve model capabilities across agent benchmarks.',
      authors: [],
      organization: { handle: 'TokenRhythm', name: 'TokenRhythm' },
      publishedAt: '2026-09-08',
      upvotes: 327,
      github: { repo: 'https://github.com/TokenRhythm/NeoHorse', stars: 1660 },
      thumbnailUrl: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2609.08183.png',
    });
  });

  it("finds the date in the byline of both copies of the real card, where the card's bar goes", () => {
    const doc = parsePage(readFileSync(`${SHARED}/trending-2026-10-card-org-2609.08183.html`, 'utf8'));
    const dates = shownDatesOf(doc.querySelector('article')!);
    expect(dates.map((d) => d.textContent)).toEqual(['Published on Sep 8, 2026', 'Sep 8, 2026']);
    // Each sits in the byline, after the organization chip.
    for (const date of dates) expect(date.parentElement!.querySelector('a[href="/TokenRhythm"]')).not.toBeNull();
  });

  it('reads the real page head: a cut-off blob and a cut-off first card do not throw', () => {
    const doc = parsePage(readFileSync(`${SHARED}/trending-2026-10-page-head-excerpt.html`, 'utf8'));
    const cards = readListing(doc, today);
    for (const card of cards) expect(PaperMetadataSchema.safeParse(card.paper).success).toBe(true);
    expect(cards.map((c) => c.id)).toEqual(['2610.05608']);
  });

  it('turns the real API entry into paper metadata', async () => {
    const { entryToMetadata } = await import('@/lib/hf/data-blob');
    const entry = JSON.parse(readFileSync(`${SHARED}/daily-papers-entry-2606.03748.json`, 'utf8'));
    const paper = PaperMetadataSchema.parse(entryToMetadata(entry));
    expect(paper).toMatchObject({
      id: '2606.03748',
      title: 'Ultralytics YOLO26: Unified Real-Time End-to-End Vision Models',
      authors: ['Glenn Jocher', 'Jing Qiu', 'Mengyu Liu', 'Shuai Lyu', 'Fatih Cagatay Akyon', 'Muhammet Esat Kalfaoglu'],
      organization: { handle: 'Ultralytics', name: 'Ultralytics' },
      publishedAt: '2026-06-02',
      upvotes: 23,
      github: { repo: 'https://github.com/ultralytics/ultralytics', stars: 62246 },
    });
    expect(paper.summary).toMatch(/^Real-time vision demands models/);
  });

  it("gives the real entry's title and abstract, from the page's data, as its metadata has them", () => {
    const entry = JSON.parse(readFileSync(`${SHARED}/daily-papers-entry-2606.03748.json`, 'utf8'));
    const blob = readDataBlob(pageWithData([entry]));
    const paper = blob.get('2606.03748');
    expect(paper?.title).toBe('Ultralytics YOLO26: Unified Real-Time End-to-End Vision Models');
    expect(blob.text('2606.03748')).toEqual({ title: paper!.title, summary: paper!.summary });
  });
});
