import type { Browser } from 'wxt/browser';

type MessageSender = Browser.runtime.MessageSender;

export type SenderKind = 'extension-page' | 'content-script';

const HUGGING_FACE = 'https://huggingface.co/';

/**
 * Who sent a message: one of this extension's own pages, a content script on huggingface.co, or
 * nobody we talk to (null).
 */
export function classifySender(
  sender: MessageSender,
  own: { id: string; origin: string },
): SenderKind | null {
  if (sender.id !== own.id || typeof sender.url !== 'string') return null;
  if (sender.url.startsWith(own.origin)) return 'extension-page';
  if (sender.url.startsWith(HUGGING_FACE) && sender.tab?.id !== undefined) return 'content-script';
  return null;
}
