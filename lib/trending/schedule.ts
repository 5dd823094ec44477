/** When to check next: the user's interval after a success, exponential backoff after failures. */

export const FIRST_RETRY_MS = 2 * 60_000;
export const MAX_RETRY_MS = 60 * 60_000;

export function nextCheckDelay(options: {
  failures: number;
  intervalMinutes: number;
  retryAfterMs?: number;
  random?: () => number;
}): number {
  if (options.failures === 0) return options.intervalMinutes * 60_000;
  const random = options.random ?? Math.random;
  const backoff = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (options.failures - 1));
  const jittered = Math.round(backoff * (0.8 + 0.4 * random()));
  // The server's Retry-After wins when it asks for longer.
  return Math.max(jittered, options.retryAfterMs ?? 0);
}
