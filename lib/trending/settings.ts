import { settingsItem } from '@/lib/settings/typed-item';
import { z } from '@/lib/zod-config';
import { TRENDING_SETTINGS_KEY, type WatchMode } from '@/lib/trending/watch-mode';

export { effectiveWatch, LIKE_LIBRARY_DEFAULT_FROM, TRENDING_SETTINGS_KEY, type WatchMode } from '@/lib/trending/watch-mode';

export const MIN_INTERVAL_MINUTES = 10;
export const MAX_INTERVAL_MINUTES = 24 * 60;
/** Papers asked for per check; an answer with more is cut to this many. */
export const TRENDING_LIST_SIZE = 50;

export const TrendingSettingsSchema = z.object({
  /** Which Hugging Face list to watch. */
  source: z.enum(['trending', 'daily']).default('trending'),
  intervalMinutes: z.number().int().min(MIN_INTERVAL_MINUTES).max(MAX_INTERVAL_MINUTES).default(30),
  /** Only count new papers whose title or summary mention one of these words or the user's tags. */
  watchWords: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  watchTags: z.boolean().default(false),
  /**
   * What the badge counts: every new paper, those about the watched words and tags, or papers like
   * the library. Unset until the reader chooses: then PaperShelf chooses (see effectiveWatch).
   */
  watch: z.enum(['all', 'watched', 'like-library'] satisfies WatchMode[]).optional(),
  notifications: z.boolean().default(false),
});

export type TrendingSettings = z.output<typeof TrendingSettingsSchema>;


/** The trending settings: a typed storage item, checked with zod on every read (bad values read as defaults). */
export const trendingSettings = settingsItem(`local:${TRENDING_SETTINGS_KEY}`, TrendingSettingsSchema);

export function loadTrendingSettings(): Promise<TrendingSettings> {
  return trendingSettings.get();
}

export function saveTrendingSettings(settings: z.input<typeof TrendingSettingsSchema>): Promise<TrendingSettings> {
  return trendingSettings.set(settings);
}

export function trendingUrl(settings: Pick<TrendingSettings, 'source'>): string {
  return settings.source === 'trending'
    ? `https://huggingface.co/api/daily_papers?sort=trending&limit=${TRENDING_LIST_SIZE}`
    : `https://huggingface.co/api/daily_papers?limit=${TRENDING_LIST_SIZE}`;
}
