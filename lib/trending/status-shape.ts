// No zod here: the popup imports it.

/** What the popup says about the watcher: when it last checked, what went wrong, when it checks next. */
export interface TrendingStatus {
  /** Set once the first successful check has recorded what already trends. */
  baselineAt?: number;
  lastCheckAt?: number;
  lastSuccessAt?: number;
  nextCheckAt?: number;
  /** The last check's problem, for the user; absent after a success. */
  error?: { kind: TrendingErrorKind; message: string; at: number };
  /** Failures in a row, for backoff. */
  failures: number;
  etag?: string;
  /** Ids and ranks of the last good list, to tell an unchanged answer without touching the database. */
  signature?: string;
  /** When the snapshot was last written: a paper last seen before then has left the list. */
  listedAt?: number;
  /** Something the last good check wants the user to know (an answer longer than asked for). */
  notice?: string;
}

/** `no-access`: the user withdrew PaperShelf's access to huggingface.co, so the request could not be made. */
export type TrendingErrorKind = 'offline' | 'no-access' | 'timeout' | 'rate-limited' | 'server' | 'malformed' | 'wrong-shape' | 'empty' | 'http';

export const TRENDING_STATUS_KEY = 'trendingStatus';

/**
 * The status as the popup may show it: a value of the right shape, else nothing. Hand-checked, not
 * zod: the popup's start-up does not carry zod; the background, which writes the status, checks it
 * with TrendingStatusSchema (status.ts).
 */
export function readTrendingStatus(value: unknown): TrendingStatus | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const optionalNumber = (x: unknown) => x === undefined || (typeof x === 'number' && Number.isFinite(x));
  const times = ['baselineAt', 'lastCheckAt', 'lastSuccessAt', 'nextCheckAt', 'listedAt'].every((k) => optionalNumber(v[k]));
  const error = v.error === undefined || (typeof v.error === 'object' && v.error !== null && typeof (v.error as { message?: unknown }).message === 'string');
  const texts = ['etag', 'signature', 'notice'].every((k) => v[k] === undefined || typeof v[k] === 'string');
  return times && error && texts && typeof v.failures === 'number' ? (value as TrendingStatus) : undefined;
}
