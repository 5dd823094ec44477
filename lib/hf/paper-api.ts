import { PaperMetadataSchema, type PaperMetadata } from '@/lib/paper/model';
import { retryAfter } from '@/lib/trending/fetch-list';
import { z } from '@/lib/zod-config';
import { entryToMetadata } from '@/lib/hf/data-blob';
import { t } from '@/lib/i18n';

/**
 * One paper from Hugging Face's API (`GET /api/papers/<id>`), for papers that reached the library by
 * their id only (through sync). The answer is the flat `paper` shape of /api/daily_papers entries;
 * extra fields are allowed, missing required ones refuse it.
 */

const PaperAnswerSchema = z.looseObject({
  id: z.string(),
  title: z.string().min(1),
  summary: z.string(),
  authors: z.array(z.looseObject({ name: z.string() })),
  publishedAt: z.string(),
});

export type PaperLookup =
  | { kind: 'found'; paper: PaperMetadata }
  /** Hugging Face does not know the paper (404), or answered something that is not it. */
  | { kind: 'missing'; message: string }
  /** Worth trying again later; `retryAfterMs` when Hugging Face asked us to slow down. */
  | { kind: 'failed'; message: string; rateLimited?: boolean; retryAfterMs?: number };

export const PAPER_TIMEOUT_MS = 20_000;

export function paperApiUrl(id: string): string {
  return `https://huggingface.co/api/papers/${encodeURIComponent(id)}`;
}

export async function lookUpPaper(id: string, options: { fetch?: typeof fetch; now?: () => number; timeoutMs?: number } = {}): Promise<PaperLookup> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(paperApiUrl(id), {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? PAPER_TIMEOUT_MS),
      credentials: 'omit',
    });
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    return { kind: 'failed', message: t(timedOut ? 'hf_error_timeout' : 'hf_error_offline') };
  }
  if (response.status === 429) {
    const wait = retryAfter(response.headers.get('Retry-After'), (options.now ?? Date.now)());
    return { kind: 'failed', message: t('hf_error_rate_limited'), rateLimited: true, ...(wait === undefined ? {} : { retryAfterMs: wait }) };
  }
  if (response.status === 404) return { kind: 'missing', message: t('hf_error_paper_missing') };
  if (!response.ok) return { kind: 'failed', message: t('hf_error_http', String(response.status)) };

  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    return { kind: 'missing', message: t('hf_error_not_json') };
  }
  const answer = PaperAnswerSchema.safeParse(body);
  if (!answer.success) return { kind: 'missing', message: "Hugging Face's answer was not a paper" };
  const paper = PaperMetadataSchema.safeParse(entryToMetadata(answer.data));
  if (!paper.success || paper.data.id !== id) return { kind: 'missing', message: "Hugging Face's answer was not this paper" };
  return { kind: 'found', paper: paper.data };
}
