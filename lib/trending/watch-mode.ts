// No zod here: the popup imports it, and the popup's start-up must not carry zod.

/** Where the trending settings live in storage.local. */
export const TRENDING_SETTINGS_KEY = 'trendingSettings';

/** What the badge counts: every new paper, those about the watched words and tags, or papers like the library. */
export type WatchMode = 'all' | 'watched' | 'like-library';

/** A library this large teaches enough for the badge to count papers like it, unless the reader chose. */
export const LIKE_LIBRARY_DEFAULT_FROM = 20;

/**
 * What the badge counts: the reader's choice; watched words or tags if any were set; else papers like
 * the library once it is large enough to learn from.
 */
export function effectiveWatch(settings: { watch?: WatchMode; watchWords: string[]; watchTags: boolean }, libraryPapers: number): WatchMode {
  if (settings.watch) return settings.watch;
  if (settings.watchWords.length > 0 || settings.watchTags) return 'watched';
  return libraryPapers >= LIKE_LIBRARY_DEFAULT_FROM ? 'like-library' : 'all';
}
