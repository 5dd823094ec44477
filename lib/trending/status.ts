import { browser } from 'wxt/browser';

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

export async function loadTrendingStatus(): Promise<TrendingStatus> {
  const stored = (await browser.storage.local.get(TRENDING_STATUS_KEY))[TRENDING_STATUS_KEY] as TrendingStatus | undefined;
  return stored ?? { failures: 0 };
}

export async function saveTrendingStatus(status: TrendingStatus): Promise<void> {
  await browser.storage.local.set({ [TRENDING_STATUS_KEY]: status });
}
