import { browser } from 'wxt/browser';
import type { Reply, RequestOf, RequestType } from '@/lib/messages/protocol';
import { t } from '@/lib/i18n';

/**
 * Firefox's answer to a message that arrives while it unloads the event page for idling: nothing
 * received it, and sent again it starts the background anew.
 */
const ARRIVED_WHILE_UNLOADING = /Receiving end does not exist/;
const RESEND_AFTER_MS = 50;

/**
 * Sends a request to the background and returns its reply. A background that cannot be reached
 * (extension updated, worker starting) gives an `{ ok: false }` reply, never an exception.
 */
export async function sendRequest<T extends RequestType>(request: RequestOf<T>): Promise<Reply<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
      return reply ?? { ok: false, error: t('error_no_answer') };
    } catch (error) {
      if (attempt === 1 && ARRIVED_WHILE_UNLOADING.test(errorMessage(error))) {
        await new Promise((resolve) => setTimeout(resolve, RESEND_AFTER_MS));
        continue;
      }
      return { ok: false, error: t('error_unreachable', errorMessage(error)) };
    }
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
