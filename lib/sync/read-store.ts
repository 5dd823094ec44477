import { decodeItem } from '@/lib/sync/codec/item';
import { itemBytes } from '@/lib/sync/quota';
import { isSyncKey } from '@/lib/sync/shards';
import type { SyncState } from '@/lib/sync/sync-state';

/** An item of ours that could not be read, and why. It is skipped, and never overwritten unasked. */
export interface UnreadableItem {
  key: string;
  reason: 'damaged' | 'newer-format';
  /** For people: "damaged: checksum mismatch", "written by a newer PaperShelf (format 2)". */
  detail: string;
}

export interface StoreRead {
  /** Our readable items, decoded. */
  contents: Map<string, SyncState>;
  unreadable: Map<string, UnreadableItem>;
  /** Our items' values as they are. */
  values: Record<string, unknown>;
  /** Bytes each of our items takes now (readable or not). */
  bytes: Map<string, number>;
  /** Bytes taken by keys that are not ours. */
  foreignBytes: number;
}

/** Reads storage.sync's contents (`storage.sync.get(null)`), or the new values of changed keys. */
export function readStore(items: Readonly<Record<string, unknown>>): StoreRead {
  const read: StoreRead = { contents: new Map(), unreadable: new Map(), values: {}, bytes: new Map(), foreignBytes: 0 };
  for (const [key, value] of Object.entries(items)) {
    if (value === undefined) continue;
    if (!isSyncKey(key)) {
      read.foreignBytes += itemBytes(key, value);
      continue;
    }
    read.values[key] = value;
    read.bytes.set(key, itemBytes(key, value));
    const item = decodeItem(value);
    if (item.ok) read.contents.set(key, item.state);
    else if (item.reason === 'newer-format') {
      read.unreadable.set(key, { key, reason: 'newer-format', detail: `written by a newer PaperShelf (format ${item.format})` });
    } else read.unreadable.set(key, { key, reason: 'damaged', detail: `damaged: ${item.detail}` });
  }
  return read;
}
