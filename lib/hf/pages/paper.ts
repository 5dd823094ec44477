import type { PaperMetadataInput } from '@/lib/paper/model';
import { normalizeArxivId } from '@/lib/paper/arxiv-id';
import { readDetails } from '@/lib/hf/listing-cards';
import { LIMITS } from '@/lib/paper/limits';
import { clip, isShownDate, parseShownDate, textOf } from '@/lib/hf/text-values';

/** The paper a huggingface.co URL is the page of (`/papers/<arXiv id>`, any version), if it is one. */
export function detect(url: URL): string | undefined {
  if (url.hostname !== 'huggingface.co') return undefined;
  const [, id] = /^\/papers\/([^/]+)$/.exec(url.pathname.replace(/\/+$/, '')) ?? [];
  if (id === undefined) return undefined;
  try {
    return normalizeArxivId(decodeURIComponent(id)) ?? undefined;
  } catch {
    return undefined; // a malformed escape is no paper
  }
}

/**
 * A paper's own page: the title is the `h1`, the abstract follows an "Abstract" heading. Returns the
 * heading to annotate and what the page says about the paper.
 */
export function read(doc: Document, id: string, today: Date): { heading: Element; paper: PaperMetadataInput } | undefined {
  const heading = doc.querySelector('h1');
  const title = clip(textOf(heading), LIMITS.title);
  if (!heading || !title) return undefined;
  const main = doc.querySelector('main') ?? doc.body;
  // Counts, links and the organization read the same as on a card.
  const paper: PaperMetadataInput = readDetails(main, id, title, today);
  paper.summary = clip(readAbstract(doc) ?? '', LIMITS.summary);
  const authors = readAuthorLine(doc);
  if (authors.length > 0) paper.authors = authors;
  for (const el of main.querySelectorAll('div, span')) {
    const text = textOf(el);
    if (el.children.length === 0 && text.length <= 40 && isShownDate(text)) {
      paper.publishedAt = parseShownDate(text, today);
      break;
    }
  }
  if (paper.publishedAt === undefined) delete paper.publishedAt;
  return { heading, paper };
}

function readAbstract(doc: Document): string | undefined {
  for (const h of doc.querySelectorAll('h2, h3')) {
    if (textOf(h).toLowerCase() !== 'abstract') continue;
    const text = textOf(h.parentElement?.querySelector('p'));
    if (text) return text;
  }
  return undefined;
}

function readAuthorLine(doc: Document): string[] {
  for (const el of doc.querySelectorAll('main div')) {
    const first = el.firstChild;
    if (first?.nodeType === 3 && /^\s*Authors?:/.test(first.textContent ?? '')) {
      return [...el.querySelectorAll(':scope > span')].map((s) => clip(textOf(s), LIMITS.name)).filter(Boolean);
    }
  }
  return [];
}
