import { z } from '@/lib/zod-config';
import { isReplicaId } from '@/lib/sync/clock';
import { readKey, type KeyValueArea } from '@/lib/sync/service/areas';

/**
 * Whether sync is on in this browser, its replica id (made once per profile, never synced) and its
 * clock (the latest stamp time made or heard of), in storage.local.
 */

const CONFIG_KEY = 'syncConfig';

const SyncConfigSchema = z.object({
  on: z.boolean(),
  replica: z.string().refine(isReplicaId).optional(),
  clock: z.number().nonnegative(),
});
export type SyncConfig = z.infer<typeof SyncConfigSchema>;

export function loadSyncConfig(local: KeyValueArea): Promise<SyncConfig> {
  return readKey(local, CONFIG_KEY, (value) => {
    const parsed = SyncConfigSchema.safeParse(value);
    return parsed.success ? parsed.data : { on: false, clock: 0 };
  });
}

export async function saveSyncConfig(local: KeyValueArea, config: SyncConfig): Promise<void> {
  await local.set({ [CONFIG_KEY]: config });
}
