import type { PaperMetadataInput } from '@/lib/paper/model';
import { normalizeArxivId } from '@/lib/paper/arxiv-id';
import { LIMITS } from '@/lib/paper/limits';
import { clip, isShownDate, parseCount, parseShownDate, textOf } from '@/lib/hf/text-values';

/**
 * Finds paper cards by what is stable on Hugging Face's pages: links to `/papers/<arXiv id>`,
 * grouped by their card (`article`, or the largest container that holds links to one paper only).
 * Class names are never used: they change with every redesign.
 */

export interface FoundCard {
  id: string;
  element: Element;
  /** The card's title link (the link in its heading), when the scan passed it: its title costs no search. */
  titleLink?: Element;
}

const PAPER_LINK = /^(?:https:\/\/huggingface\.co)?\/papers\/(\d{4}\.\d{4,5}(?:v\d+)?)(?:[?#].*)?$/;
/** Our own annotations are skipped when reading. */
export const ANNOTATION_ATTRIBUTE = 'data-papershelf-id';

/** The arXiv id a link points to, when it points to a paper page. */
export function paperIdOfLink(link: Element): string | null {
  const match = PAPER_LINK.exec(link.getAttribute('href') ?? '');
  return match ? normalizeArxivId(match[1]!) : null;
}

/**
 * Every card in `root` (and the card `root` itself is in, if any), once each, in document order.
 * Hugging Face renders each paper twice in one article (desktop and mobile copies): one card.
 */
export function findCards(root: ParentNode): FoundCard[] {
  return [...cardsIn(root)];
}

/** The same cards one at a time, so a caller can stop between any two (a page may hold thousands). */
export function* cardsIn(root: ParentNode): Generator<FoundCard> {
  const seen = new Set<Element>();
  const crowded = new WeakSet<Element>(); // containers known to hold several papers
  const links = root.querySelectorAll('a[href*="/papers/"]');
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    const id = paperIdOfLink(link);
    if (!id) continue;
    const element = link.closest('article') ?? climbToCard(link, id, crowded);
    if (!element || seen.has(element)) continue;
    seen.add(element);
    // The rest of the card's links (about eight) are passed over unread, but for its title's.
    let titleLink: Element | undefined;
    for (; i + 1 < links.length && element.contains(links[i + 1]!); i++) {
      const next = links[i + 1]!;
      if (!titleLink && HEADING.test(next.parentElement?.tagName ?? '') && paperIdOfLink(next) === id) titleLink = next;
    }
    yield titleLink ? { id, element, titleLink } : { id, element };
  }
}

function climbToCard(link: Element, id: string, crowded: WeakSet<Element>): Element | null {
  let card: Element = link;
  for (let parent = link.parentElement; parent && parent !== link.ownerDocument.body; parent = parent.parentElement) {
    if (crowded.has(parent) || holdsOtherPaper(parent, id)) {
      crowded.add(parent);
      break;
    }
    card = parent;
  }
  // A lone link with nothing around it (a mention in a comment) is not a card.
  return card === link || !hasTitle(card, id) ? null : card;
}

function holdsOtherPaper(container: Element, id: string): boolean {
  for (const link of container.querySelectorAll('a[href*="/papers/"]')) {
    const other = paperIdOfLink(link);
    if (other && other !== id) return true;
  }
  return false;
}

function hasTitle(card: Element, id: string): boolean {
  return readCardTitle(card, id) !== undefined;
}

const HEADING = /^H[1-4]$/;

/** The title a card's title link shows. */
export function titleOf(titleLink: Element): string | undefined {
  return clip(textOf(titleLink), LIMITS.title) || undefined;
}

/** A card's title alone: cheap, for when the rest of the card is not needed. */
export function readCardTitle(card: Element, id: string): string | undefined {
  const ours = (link: Element) => paperIdOfLink(link) === id && !link.closest(`[${ANNOTATION_ATTRIBUTE}]`);
  // The heading's link first: asked directly, it is found without reading the card's other links.
  for (const link of card.querySelectorAll(':is(h1, h2, h3, h4) a[href]')) {
    const title = ours(link) ? textOf(link) : '';
    if (title) return clip(title, LIMITS.title);
  }
  let longest = '';
  for (const link of card.querySelectorAll('a[href]')) {
    if (!ours(link)) continue;
    const text = textOf(link);
    // A link holding paragraphs of text is not a title (a damaged page can make one).
    if (text.length > longest.length && text.length <= 300 && !/^\d+$/.test(text)) longest = text;
  }
  return longest.length >= 8 ? longest : undefined;
}

/**
 * The date each copy of a card shows in its byline ("Published on Sep 8, 2026", "Sep 8, 2026"), in
 * document order: Hugging Face renders a card twice, for wide and for narrow windows.
 */
export function shownDatesOf(card: Element): Element[] {
  const dates: Element[] = [];
  for (const span of card.querySelectorAll('span, time')) if (showsDate(span)) dates.push(span);
  return dates;
}

/** Whether `element` (a span or time of a card) shows the date alone. */
export function showsDate(element: Element): boolean {
  // Most spans are names and counts: the cheap tests first (a bar is placed by this on every card).
  const raw = element.textContent ?? '';
  if (raw.length > 60 || element.children.length > 0 || !/\d/.test(raw)) return false;
  const text = textOf(element);
  return text.length <= 30 && isShownDate(text);
}

/**
 * What a card shows about its paper. Missing or malformed pieces are left out; a card without a
 * readable title gives undefined.
 */
export function readCard(card: Element, id: string, today: Date): PaperMetadataInput | undefined {
  const title = readCardTitle(card, id);
  return title ? readDetails(card, id, title, today) : undefined;
}

/** Everything but the title, read from any element that shows a paper (a card, a paper page). */
export function readDetails(card: Element, id: string, title: string, today: Date): PaperMetadataInput {
  const paper: PaperMetadataInput = { id, title, summary: readSummary(card), authors: readAuthors(card) };

  const organization = readOrganization(card);
  if (organization) paper.organization = organization;
  const publishedAt = readDate(card, today);
  if (publishedAt) paper.publishedAt = publishedAt;
  const upvotes = readUpvotes(card);
  if (upvotes !== undefined) paper.upvotes = upvotes;
  const comments = readComments(card, id);
  if (comments !== undefined) paper.comments = comments;
  const github = readGithub(card);
  if (github) paper.github = github;
  const thumbnail = card.querySelector('img[src*="/social-thumbnails/papers/"]')?.getAttribute('src');
  if (thumbnail?.startsWith('https://')) paper.thumbnailUrl = thumbnail;
  return paper;
}

function readSummary(card: Element): string {
  for (const p of card.querySelectorAll('p')) {
    const text = textOf(p);
    if (text.length >= 20) return clip(text, LIMITS.summary);
  }
  return '';
}

function readAuthors(card: Element): string[] {
  const names = new Set<string>();
  for (const li of card.querySelectorAll('li[title]')) {
    const name = clip((li.getAttribute('title') ?? '').trim(), LIMITS.name);
    if (name) names.add(name);
  }
  return [...names];
}

const NOT_ORGANIZATIONS = new Set(['papers', 'login', 'join', 'models', 'datasets', 'spaces', 'docs', 'settings', 'blog', 'collections', 'posts']);

function readOrganization(card: Element): { handle: string; name: string } | undefined {
  for (const link of card.querySelectorAll('a[href^="/"]')) {
    const handle = /^\/([A-Za-z0-9][\w.-]{0,95})$/.exec(link.getAttribute('href') ?? '')?.[1];
    if (!handle || NOT_ORGANIZATIONS.has(handle.toLowerCase())) continue;
    const name = textOf(link) || link.querySelector('img[alt]')?.getAttribute('alt')?.trim() || handle;
    return { handle, name: clip(name, LIMITS.name) };
  }
  return undefined;
}

function readDate(card: Element, today: Date): string | undefined {
  const shown = shownDatesOf(card)[0];
  return shown && parseShownDate(textOf(shown), today);
}

function readUpvotes(card: Element): number | undefined {
  for (const widget of card.querySelectorAll('[role="checkbox"], button')) {
    const match = /Upvote\s*(\S+)\s*$/.exec(textOf(widget));
    if (match) return parseCount(match[1]!);
  }
  return undefined;
}

function readComments(card: Element, id: string): number | undefined {
  for (const link of card.querySelectorAll('a[href$="#community"]')) {
    if (paperIdOfLink(link) === id) return parseCount(textOf(link));
  }
  return undefined;
}

function readGithub(card: Element): { repo: string; stars?: number } | undefined {
  const link = card.querySelector('a[href^="https://github.com/"]');
  const repo = /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+/.exec(link?.getAttribute('href') ?? '')?.[0];
  if (!link || !repo) return undefined;
  const stars = parseCount(textOf(link).split(' ').pop() ?? '');
  return stars === undefined ? { repo } : { repo, stars };
}
