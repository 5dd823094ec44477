import { browser } from 'wxt/browser';
import { z } from '../zod-config';

export const MIN_INTERVAL_MINUTES = 10;
/** Papers asked for per check; an answer with more is cut to this many. */
export const TRENDING_LIST_SIZE = 50;

export const TrendingSettingsSchema = z.object({
  /** Which Hugging Face list to watch. */
  source: z.enum(['trending', 'daily']).default('trending'),
  intervalMinutes: z.number().int().min(MIN_INTERVAL_MINUTES).max(24 * 60).default(30),
  /** Only count new papers whose title or summary mention one of these words or the user's tags. */
  watchWords: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  watchTags: z.boolean().default(false),
  /**
   * What the badge counts: every new paper, those about the watched words and tags, or papers like
   * the library. Unset until the reader chooses: then PaperShelf chooses (see effectiveWatch).
   */
  watch: z.enum(['all', 'watched', 'like-library']).optional(),
  notifications: z.boolean().default(false),
});

export type TrendingSettings = z.output<typeof TrendingSettingsSchema>;

const KEY = 'trendingSettings';

/** The user's trending settings; anything stored that no longer parses falls back to defaults. */
export async function loadTrendingSettings(): Promise<TrendingSettings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = TrendingSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : TrendingSettingsSchema.parse({});
}

export async function saveTrendingSettings(settings: z.input<typeof TrendingSettingsSchema>): Promise<TrendingSettings> {
  const parsed = TrendingSettingsSchema.parse(settings);
  await browser.storage.local.set({ [KEY]: parsed });
  return parsed;
}

export const TRENDING_SETTINGS_KEY = KEY;

export type WatchMode = NonNullable<TrendingSettings['watch']>;

/** A library this large teaches enough for the badge to count papers like it, unless the reader chose. */
export const LIKE_LIBRARY_DEFAULT_FROM = 20;

/**
 * What the badge counts: the reader's choice; watched words or tags if any were set; else papers like
 * the library once it is large enough to learn from.
 */
export function effectiveWatch(settings: TrendingSettings, libraryPapers: number): WatchMode {
  if (settings.watch) return settings.watch;
  if (settings.watchWords.length > 0 || settings.watchTags) return 'watched';
  return libraryPapers >= LIKE_LIBRARY_DEFAULT_FROM ? 'like-library' : 'all';
}

export function trendingUrl(settings: Pick<TrendingSettings, 'source'>): string {
  return settings.source === 'trending'
    ? `https://huggingface.co/api/daily_papers?sort=trending&limit=${TRENDING_LIST_SIZE}`
    : `https://huggingface.co/api/daily_papers?limit=${TRENDING_LIST_SIZE}`;
}
