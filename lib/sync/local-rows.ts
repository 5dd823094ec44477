import { tagKey, uniqueTags } from '@/lib/paper/tags';
import type { LocalPaper, SyncedPaper } from '@/lib/sync/paper-state';

/**
 * A library row with a synced paper's fields applied, for writing a `PaperChange` into the library:
 * tags keep the order the row already had, new ones go at the end (the synced order is the order tags
 * were added, which the person may never have seen).
 */
export function withSyncedFields<T extends LocalPaper>(row: T, synced: SyncedPaper): T {
  const spelled = new Map(synced.tags.map((t) => [tagKey(t), t]));
  const kept = row.tags.filter((t) => spelled.has(tagKey(t))).map((t) => spelled.get(tagKey(t))!);
  return { ...row, tags: uniqueTags([...kept, ...synced.tags]), note: synced.note, savedAt: synced.savedAt, updatedAt: synced.updatedAt };
}
