/** What PaperShelf asks of the browser's i18n API; all of it synchronous, so no polyfill is needed. */
interface BrowserI18n {
  getMessage(name: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

/**
 * The browser's own i18n API, looked up when asked for: modules that use it are also imported where
 * there is none (the search worker, which never asks), and importing the polyfill there would throw.
 */
export function browserI18n(): BrowserI18n | undefined {
  const scope = globalThis as { browser?: { i18n?: BrowserI18n }; chrome?: { i18n?: BrowserI18n } };
  return scope.browser?.i18n ?? scope.chrome?.i18n;
}

/** The browser's UI language ("de", "en-US"): dates and numbers are shown the way the reader reads them. */
export function uiLocale(): string | undefined {
  try {
    return browserI18n()?.getUILanguage?.() || globalThis.navigator?.language || undefined;
  } catch {
    return undefined;
  }
}

/** A count in the reader's way of writing numbers ("10,000", "10.000"). */
export function formatCount(n: number): string {
  return n.toLocaleString(uiLocale());
}
