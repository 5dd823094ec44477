import type { PaperMetadataInput } from '@/lib/paper/model';
import { normalizeArxivId } from '@/lib/paper/arxiv-id';
import { LIMITS } from '@/lib/paper/limits';
import { clip } from '@/lib/hf/text-values';

/**
 * The page's data about its papers, by id. An entry is turned into paper metadata only when its
 * paper is asked for (a save, the popup's "On this page"): at load PaperShelf needs titles and
 * abstracts alone, for "For you".
 */
export class PageData {
  constructor(private readonly entries: ReadonlyMap<string, Record<string, unknown>> = new Map()) {}

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): PaperMetadataInput | undefined {
    const entry = this.entries.get(id);
    return entry && entryToMetadata(entry);
  }

  /** The paper's title and abstract, as `get` gives them. */
  text(id: string): { title: string; summary: string } | undefined {
    const entry = this.entries.get(id);
    return entry && titleAndSummary(entry, paperOf(entry));
  }
}

/**
 * Reads the data Hugging Face embeds in listing pages (`div[data-target="DailyPapers"][data-props]`),
 * entries shaped like `/api/daily_papers`. Hand-checked rather than zod-parsed to keep the content
 * script small; the background validates everything again. Anything malformed is skipped: an entry
 * counts when it has an arXiv id and a title, and the first of an id counts.
 */
export function readDataBlob(doc: ParentNode): PageData {
  return parseDataBlob(doc.querySelector(DATA_BLOB_SELECTOR)?.getAttribute('data-props'));
}

/** The element that carries the page's data, in its `data-props`. */
export const DATA_BLOB_SELECTOR = '[data-target="DailyPapers"][data-props]';

/** The page's data from the text of its `data-props` (see readDataBlob). */
export function parseDataBlob(raw: string | null | undefined): PageData {
  if (!raw) return new PageData();
  let props: unknown;
  try {
    props = JSON.parse(raw);
  } catch {
    return new PageData();
  }
  const entries = new Map<string, Record<string, unknown>>();
  for (const entry of isRecord(props) && Array.isArray(props.dailyPapers) ? props.dailyPapers : []) {
    if (!isRecord(entry)) continue;
    const paper = paperOf(entry);
    const id = idOf(paper);
    if (id && titleOf(entry, paper) && !entries.has(id)) entries.set(id, entry);
  }
  return new PageData(entries);
}

/** The paper an entry is about: `/api/daily_papers` wraps it, `/api/papers/{id}` is it. */
function paperOf(entry: Record<string, unknown>): Record<string, unknown> {
  return isRecord(entry.paper) ? entry.paper : entry;
}

/** The paper's arXiv id, without its version. */
function idOf(paper: Record<string, unknown>): string | undefined {
  return (typeof paper.id === 'string' && normalizeArxivId(paper.id)) || undefined;
}

function titleOf(entry: Record<string, unknown>, paper: Record<string, unknown>): string | undefined {
  return text(paper.title) ?? text(entry.title);
}

/** The title and abstract, clipped to what the library keeps; undefined when there is no title. */
function titleAndSummary(entry: Record<string, unknown>, paper: Record<string, unknown>): { title: string; summary: string } | undefined {
  const title = titleOf(entry, paper);
  return title === undefined ? undefined : { title: clip(title, LIMITS.title), summary: clip(text(paper.summary) ?? text(entry.summary) ?? '', LIMITS.summary) };
}

/** One `/api/daily_papers` entry (or a flat `/api/papers/{id}` answer) as paper metadata. */
export function entryToMetadata(entry: unknown): PaperMetadataInput | undefined {
  if (!isRecord(entry)) return undefined;
  const paper = paperOf(entry);
  const id = idOf(paper);
  const words = titleAndSummary(entry, paper);
  if (!id || !words) return undefined;

  const org = isRecord(paper.organization) ? paper.organization : isRecord(entry.organization) ? entry.organization : undefined;
  const handle = org && text(org.name);
  const authors = Array.isArray(paper.authors)
    ? paper.authors.filter((a) => isRecord(a) && a.hidden !== true).map((a) => text((a as Record<string, unknown>).name)).filter((n): n is string => !!n).map((n) => clip(n, LIMITS.name))
    : [];
  const githubRepo = text(paper.githubRepo);
  const publishedAt = text(paper.publishedAt) ?? text(entry.publishedAt);
  const thumbnail = text(entry.thumbnail);

  return {
    id,
    ...words,
    authors,
    ...(handle && handle.length <= LIMITS.handle ? { organization: { handle, name: clip(text(org.fullname) ?? handle, LIMITS.name) } } : {}),
    ...(publishedAt && /^\d{4}-\d{2}-\d{2}/.test(publishedAt) ? { publishedAt: publishedAt.slice(0, 10) } : {}),
    ...(count(paper.upvotes) !== undefined ? { upvotes: count(paper.upvotes) } : {}),
    ...(count(entry.numComments) !== undefined ? { comments: count(entry.numComments) } : {}),
    ...(githubRepo?.startsWith('https://github.com/')
      ? { github: { repo: githubRepo, ...(count(paper.githubStars) !== undefined ? { stars: count(paper.githubStars) } : {}) } }
      : {}),
    ...(thumbnail?.startsWith('https://') ? { thumbnailUrl: thumbnail } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
