import { browser } from 'wxt/browser';
import type { Reply, RequestOf, RequestType } from './protocol';

/**
 * Sends a request to the background and returns its reply. A background that cannot be reached
 * (extension updated, worker starting) gives an `{ ok: false }` reply, never an exception.
 */
export async function sendRequest<T extends RequestType>(request: RequestOf<T>): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
    return reply ?? { ok: false, error: 'PaperShelf did not answer. Try again in a moment.' };
  } catch (error) {
    return { ok: false, error: `PaperShelf could not be reached: ${errorMessage(error)}` };
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
