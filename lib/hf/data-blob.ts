import type { PaperMetadataInput } from '@/lib/paper/model';
import { normalizeArxivId } from '@/lib/paper/arxiv-id';
import { LIMITS } from '@/lib/paper/limits';
import { clip } from '@/lib/hf/text-values';

/**
 * Reads the data Hugging Face embeds in listing pages (`div[data-target="DailyPapers"][data-props]`),
 * entries shaped like `/api/daily_papers`. Hand-checked rather than zod-parsed to keep the content
 * script small; the background validates everything again. Anything malformed is skipped.
 */
export function readDataBlob(doc: ParentNode): Map<string, PaperMetadataInput> {
  const papers = new Map<string, PaperMetadataInput>();
  const raw = doc.querySelector('[data-target="DailyPapers"][data-props]')?.getAttribute('data-props');
  if (!raw) return papers;
  let props: unknown;
  try {
    props = JSON.parse(raw);
  } catch {
    return papers;
  }
  const entries = isRecord(props) && Array.isArray(props.dailyPapers) ? props.dailyPapers : [];
  for (const entry of entries) {
    const paper = entryToMetadata(entry);
    if (paper && !papers.has(paper.id)) papers.set(paper.id, paper);
  }
  return papers;
}

/** One `/api/daily_papers` entry (or a flat `/api/papers/{id}` answer) as paper metadata. */
export function entryToMetadata(entry: unknown): PaperMetadataInput | undefined {
  if (!isRecord(entry)) return undefined;
  const paper = isRecord(entry.paper) ? entry.paper : entry;
  const id = typeof paper.id === 'string' ? normalizeArxivId(paper.id) : null;
  const fullTitle = text(paper.title) ?? text(entry.title);
  if (!id || !fullTitle) return undefined;
  const title = clip(fullTitle, LIMITS.title);

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
    title,
    summary: clip(text(paper.summary) ?? text(entry.summary) ?? '', LIMITS.summary),
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
