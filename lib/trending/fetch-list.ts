import { ApiPaperSchema } from '@/lib/hf/api-paper';
import type { PaperMetadata } from '@/lib/paper/model';
import type { TrendingErrorKind } from '@/lib/trending/status';
import { t } from '@/lib/i18n';

/**
 * One request for Hugging Face's list, with a timeout, each entry validated with one zod schema
 * (ApiPaperSchema): extra fields are allowed, entries that are not papers are left out.
 */

export interface ListedPaper {
  paper: PaperMetadata;
  rank: number;
  upvotes: number;
}

export type FetchOutcome =
  /** `dropped`: entries past the number asked for, left out. */
  | { kind: 'list'; papers: ListedPaper[]; etag?: string; dropped: number }
  | { kind: 'not-modified' }
  | { kind: 'failed'; error: TrendingErrorKind; message: string; retryAfterMs?: number };

export const REQUEST_TIMEOUT_MS = 20_000;

export async function fetchList(
  url: string,
  options: { etag?: string; fetch?: typeof fetch; now?: () => number; timeoutMs?: number; limit?: number } = {},
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
      return { kind: 'failed', error: 'timeout', message: t('hf_error_timeout') };
    }
    return { kind: 'failed', error: 'offline', message: t('hf_error_offline') };
  }

  if (response.status === 304) return { kind: 'not-modified' };
  if (response.status === 429) {
    return {
      kind: 'failed',
      error: 'rate-limited',
      message: t('hf_error_rate_limited'),
      retryAfterMs: retryAfter(response.headers.get('Retry-After'), now()),
    };
  }
  if (response.status >= 500) {
    return { kind: 'failed', error: 'server', message: t('hf_error_server', String(response.status)) };
  }
  if (!response.ok) return { kind: 'failed', error: 'http', message: t('hf_error_http', String(response.status)) };

  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    return { kind: 'failed', error: 'malformed', message: t('hf_error_not_json') };
  }
  if (!Array.isArray(body)) {
    return { kind: 'failed', error: 'wrong-shape', message: t('hf_error_not_list') };
  }
  // Only what was asked for is read: an answer of thousands must cost no more than the list we keep.
  const limit = options.limit ?? Infinity;
  const papers: ListedPaper[] = [];
  const seen = new Set<string>();
  let read = 0;
  let refused = 0;
  for (; read < body.length && papers.length < limit; read++) {
    const paper = ApiPaperSchema.safeParse(body[read]);
    if (!paper.success) refused++;
    else if (!seen.has(paper.data.id)) {
      seen.add(paper.data.id);
      papers.push({ paper: paper.data, rank: papers.length + 1, upvotes: paper.data.upvotes ?? 0 });
    }
  }
  if (papers.length === 0 && refused > 0) {
    return { kind: 'failed', error: 'wrong-shape', message: t('hf_error_not_list') };
  }
  if (papers.length === 0) return { kind: 'failed', error: 'empty', message: t('hf_error_empty') };
  const etag = response.headers.get('ETag') ?? undefined;
  return { kind: 'list', papers, dropped: body.length - read, ...(etag ? { etag } : {}) };
}

/** Retry-After is either seconds or an HTTP date. */
export function retryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
