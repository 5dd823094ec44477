import { entryToMetadata } from '../hf/data-blob';
import { PaperMetadataSchema, type PaperMetadata } from '../paper/model';
import { z } from '../zod-config';
import type { TrendingErrorKind } from './status';

/**
 * One request for Hugging Face's list, with a timeout, validated with zod: extra fields are
 * allowed, missing required ones refuse the answer.
 */

const EntrySchema = z.looseObject({
  paper: z.looseObject({
    id: z.string(),
    title: z.string().min(1),
    summary: z.string(),
    upvotes: z.number(),
    authors: z.array(z.looseObject({ name: z.string() })),
    publishedAt: z.string(),
  }),
  title: z.string(),
  publishedAt: z.string(),
  numComments: z.number().optional(),
});
const ListSchema = z.array(EntrySchema);

export interface ListedPaper {
  paper: PaperMetadata;
  rank: number;
  upvotes: number;
}

export type FetchOutcome =
  | { kind: 'list'; papers: ListedPaper[]; etag?: string }
  | { kind: 'not-modified' }
  | { kind: 'failed'; error: TrendingErrorKind; message: string; retryAfterMs?: number };

export const REQUEST_TIMEOUT_MS = 20_000;

export async function fetchList(
  url: string,
  options: { etag?: string; fetch?: typeof fetch; now?: () => number; timeoutMs?: number } = {},
): Promise<FetchOutcome> {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  let response: Response;
  try {
    response = await doFetch(url, {
      headers: { Accept: 'application/json', ...(options.etag ? { 'If-None-Match': options.etag } : {}) },
      signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { kind: 'failed', error: 'timeout', message: 'Hugging Face did not answer in time' };
    }
    return { kind: 'failed', error: 'offline', message: 'Offline: Hugging Face could not be reached' };
  }

  if (response.status === 304) return { kind: 'not-modified' };
  if (response.status === 429) {
    return {
      kind: 'failed',
      error: 'rate-limited',
      message: 'Hugging Face asked us to slow down',
      retryAfterMs: retryAfter(response.headers.get('Retry-After'), now()),
    };
  }
  if (response.status >= 500) {
    return { kind: 'failed', error: 'server', message: `Hugging Face had a problem (HTTP ${response.status})` };
  }
  if (!response.ok) return { kind: 'failed', error: 'http', message: `Hugging Face answered HTTP ${response.status}` };

  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    return { kind: 'failed', error: 'malformed', message: 'Hugging Face sent an answer that is not JSON' };
  }
  const parsed = ListSchema.safeParse(body);
  if (!parsed.success) {
    return { kind: 'failed', error: 'wrong-shape', message: "Hugging Face's answer was not a list of papers" };
  }
  const papers: ListedPaper[] = [];
  for (const entry of parsed.data) {
    const paper = PaperMetadataSchema.safeParse(entryToMetadata(entry));
    if (paper.success && !papers.some((p) => p.paper.id === paper.data.id)) {
      papers.push({ paper: paper.data, rank: papers.length + 1, upvotes: paper.data.upvotes ?? 0 });
    }
  }
  if (papers.length === 0) return { kind: 'failed', error: 'empty', message: 'Hugging Face sent an empty list' };
  const etag = response.headers.get('ETag') ?? undefined;
  return { kind: 'list', papers, ...(etag ? { etag } : {}) };
}

/** Retry-After is either seconds or an HTTP date. */
export function retryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
