import { settingsItem } from '@/lib/settings/typed-item';
import { z } from '@/lib/zod-config';
import { TRENDING_STATUS_KEY, type TrendingErrorKind, type TrendingStatus } from '@/lib/trending/status-shape';

export { readTrendingStatus, TRENDING_STATUS_KEY, type TrendingErrorKind, type TrendingStatus } from '@/lib/trending/status-shape';

const ERROR_KINDS = ['offline', 'no-access', 'timeout', 'rate-limited', 'server', 'malformed', 'wrong-shape', 'empty', 'http'] as const satisfies readonly TrendingErrorKind[];
const Time = z.number().finite().nonnegative();

/** The watcher's state in storage, checked on every read; a damaged value reads as "never checked". */
export const TrendingStatusSchema: z.ZodType<TrendingStatus, unknown> = z.object({
  baselineAt: Time.optional(),
  lastCheckAt: Time.optional(),
  lastSuccessAt: Time.optional(),
  nextCheckAt: Time.optional(),
  error: z.object({ kind: z.enum(ERROR_KINDS), message: z.string().max(500), at: Time }).optional(),
  failures: z.number().int().nonnegative().default(0),
  etag: z.string().max(500).optional(),
  signature: z.string().optional(),
  listedAt: Time.optional(),
  notice: z.string().max(500).optional(),
});

export const trendingStatus = settingsItem(`local:${TRENDING_STATUS_KEY}`, TrendingStatusSchema);

export function loadTrendingStatus(): Promise<TrendingStatus> {
  return trendingStatus.get();
}

export async function saveTrendingStatus(status: TrendingStatus): Promise<void> {
  await trendingStatus.set(status);
}
