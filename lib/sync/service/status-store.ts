import { itemBytes, SYNC_QUOTA } from '@/lib/sync/quota';
import type { UnreadableItem } from '@/lib/sync/read-store';
import { isSyncKey } from '@/lib/sync/shards';
import type { SyncState } from '@/lib/sync/sync-state';
import type { WritePlan } from '@/lib/sync/write-plan';
import type { KeyValueArea } from '@/lib/sync/service/areas';
import { initialSyncStatus, SYNC_STATUS_KEY, type SyncStatus, type UnreadableItemStatus } from '@/lib/sync/service/status';

/** The sync status as the background keeps it in storage.local (the settings page follows the key). */

export async function loadStatus(local: KeyValueArea, on: boolean): Promise<SyncStatus> {
  return ((await local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY] as SyncStatus | undefined) ?? initialSyncStatus(on);
}

export async function saveStatus(local: KeyValueArea, status: SyncStatus): Promise<void> {
  // How many papers wait for details is read when asked, never stored.
  const { details: _, ...kept } = status;
  await local.set({ [SYNC_STATUS_KEY]: kept });
}

export async function updateStatus(local: KeyValueArea, change: (status: SyncStatus) => SyncStatus): Promise<void> {
  await saveStatus(local, change(await loadStatus(local, true)));
}

/** What the status says after a write plan: papers synced, space used, what is left out and why. */
export function statusFromPlan(state: SyncState, store: Readonly<Record<string, unknown>>, plan: WritePlan): Partial<SyncStatus> {
  let papers = 0;
  for (const paper of state.papers.values()) if (paper.meta !== undefined) papers++;
  let foreign = 0;
  for (const [key, value] of Object.entries(store)) if (!isSyncKey(key)) foreign += itemBytes(key, value);
  const { unsynced } = plan;
  return {
    papers,
    syncedPapers: papers - unsynced.papers,
    bytesUsed: plan.bytes + foreign,
    quotaBytes: SYNC_QUOTA.totalBytes,
    unsynced: { papers: unsynced.papers, marks: unsynced.marks, tooLarge: unsynced.tooLarge.length, blocked: unsynced.blocked },
    unreadable: plan.items.flatMap((item) => (item.problem ? [unreadableStatus(item.problem)] : [])),
  };
}

export function unreadableStatus(item: UnreadableItem): UnreadableItemStatus {
  return { key: item.key, reason: item.reason, detail: item.detail };
}
