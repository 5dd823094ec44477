import { browser } from 'wxt/browser';

/** Where PaperShelf reads: the papers pages it annotates and the API the trending check asks. */
export const HUGGING_FACE_ACCESS = { origins: ['https://huggingface.co/*'] };

/**
 * Whether PaperShelf may read huggingface.co. Firefox treats a Manifest V3 add-on's host access as
 * optional and lets people withdraw it per site (Chromium lets them withhold it); without it, cards
 * are not annotated and requests to huggingface.co fail as if offline.
 */
export async function hasHostAccess(): Promise<boolean> {
  return browser.permissions.contains(HUGGING_FACE_ACCESS);
}

/** Asks for the access again; browsers show the request only in answer to a click. */
export function requestHostAccess(): Promise<boolean> {
  return browser.permissions.request(HUGGING_FACE_ACCESS);
}

/** Calls `listener` with the access whenever site access is granted or withdrawn; returns how to stop listening. */
export function onHostAccessChange(listener: (granted: boolean) => void): () => void {
  const changed = (permissions: { origins?: string[] }) => {
    if (permissions.origins?.length) void hasHostAccess().then(listener);
  };
  browser.permissions.onAdded.addListener(changed);
  browser.permissions.onRemoved.addListener(changed);
  return () => {
    browser.permissions.onAdded.removeListener(changed);
    browser.permissions.onRemoved.removeListener(changed);
  };
}
