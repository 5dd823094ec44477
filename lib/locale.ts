import { browser } from 'wxt/browser';

/** The browser's UI language ("de", "en-US"): dates and numbers are shown the way the reader reads them. */
export function uiLocale(): string | undefined {
  try {
    return browser.i18n?.getUILanguage?.() || globalThis.navigator?.language || undefined;
  } catch {
    return undefined;
  }
}

/** A count in the reader's way of writing numbers ("10,000", "10.000"). */
export function formatCount(n: number): string {
  return n.toLocaleString(uiLocale());
}
