import { readStore, type UnreadableItem } from '@/lib/sync/read-store';
import { emptySyncState, joinInto, latestTime, mergeInto, type ChangedEntries, type LocalChanges, type SyncState } from '@/lib/sync/sync-state';

export interface RemoteApply {
  /** What the library must change, in one transaction. Empty when the items taught nothing new. */
  changes: LocalChanges;
  /** Entries of the state that changed (to persist with the library changes). */
  changed: ChangedEntries;
  /** Items that could not be read: nothing of them was applied, and they must not be overwritten. */
  skipped: UnreadableItem[];
  /** The latest stamp time in the items: the clock must observe it. */
  latestTime: number;
}

/**
 * Applies items read from storage.sync (all of them, or the new values of a storage.onChanged event)
 * to `state`, in place. A removed item (undefined) removes nothing: absence is not a removal.
 */
export function applyRemoteItems(state: SyncState, items: Readonly<Record<string, unknown>>): RemoteApply {
  const read = readStore(items);
  const contents = [...read.contents.values()];
  const incoming = contents.length === 1 ? contents[0]! : contents.reduce(joinInto, emptySyncState());
  const { changes, changed } = mergeInto(state, incoming);
  return { changes, changed, skipped: [...read.unreadable.values()], latestTime: latestTime(incoming) };
}
