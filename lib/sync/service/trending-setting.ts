import { TRENDING_SETTINGS_KEY, TrendingSettingsSchema, type TrendingSettings } from '@/lib/trending/settings';
import type { KeyValueArea } from '@/lib/sync/service/areas';

/**
 * The settings that follow the person from browser to browser: what the trending watcher watches and
 * how often. Desktop notifications stay per browser (each browser must grant the permission).
 */
export const TRENDING_SETTING = 'trending';

const SyncedTrendingSchema = TrendingSettingsSchema.pick({ source: true, intervalMinutes: true, watchWords: true, watchTags: true });

/** The synced part, always in the same key order, so equal settings give equal JSON on every browser. */
function syncedPart(settings: TrendingSettings) {
  const { source, intervalMinutes, watchWords, watchTags } = settings;
  return { source, intervalMinutes, watchWords, watchTags };
}

async function localTrending(local: KeyValueArea): Promise<TrendingSettings> {
  const parsed = TrendingSettingsSchema.safeParse((await local.get(TRENDING_SETTINGS_KEY))[TRENDING_SETTINGS_KEY] ?? {});
  return parsed.success ? parsed.data : TrendingSettingsSchema.parse({});
}

/** Whether this browser's synced settings are still the defaults (nothing chosen, nothing to publish). */
export async function usesDefaultSettings(local: KeyValueArea): Promise<boolean> {
  const defaults = syncedPart(TrendingSettingsSchema.parse({}));
  return JSON.stringify(syncedPart(await localTrending(local))) === JSON.stringify(defaults);
}

/** This browser's synced settings, by name. */
export async function localSyncedSettings(local: KeyValueArea): Promise<Map<string, unknown>> {
  return new Map([[TRENDING_SETTING, syncedPart(await localTrending(local))]]);
}

/**
 * Writes settings that came through sync into this browser's settings. A value that does not parse
 * (damaged, or from a newer PaperShelf with other fields) is ignored. Returns whether anything changed.
 */
export async function applySyncedSettings(local: KeyValueArea, values: ReadonlyArray<{ name: string; value: unknown }>): Promise<boolean> {
  const trending = values.find((v) => v.name === TRENDING_SETTING);
  if (trending === undefined) return false;
  const parsed = SyncedTrendingSchema.safeParse(trending.value);
  if (!parsed.success) return false;
  const current = await localTrending(local);
  const next = { ...current, ...syncedPart({ ...current, ...parsed.data }) };
  if (JSON.stringify(syncedPart(next)) === JSON.stringify(syncedPart(current))) return false;
  await local.set({ [TRENDING_SETTINGS_KEY]: next });
  return true;
}
