import type { SyncState } from '@/lib/sync/sync-state';
import { emptySyncState } from '@/lib/sync/sync-state';

/**
 * Where things live in storage.sync: papers and marks in SHARD_COUNT items chosen by a hash of the
 * arXiv id (part of the format: every browser must put a paper in the same shard), settings in one
 * item of their own. Sixteen shards keep each item a few kilobytes for a library that fills the quota,
 * while every item repeats only a small table of replica ids and tag spellings.
 */

export const SHARD_COUNT = 16;
export const SETTINGS_KEY = 'settings';
const SHARD_PREFIX = 'papers/';

export const SHARD_KEYS: readonly string[] = Array.from({ length: SHARD_COUNT }, (_, i) => `${SHARD_PREFIX}${i}`);

/** Every key this format writes. Other keys in storage.sync belong to someone else and are left alone. */
export const SYNC_KEYS: readonly string[] = [...SHARD_KEYS, SETTINGS_KEY];

export function isSyncKey(key: string): boolean {
  return key === SETTINGS_KEY || SHARD_KEYS.includes(key);
}

export function shardOf(id: string): number {
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARD_COUNT;
}

export function shardKeyOf(id: string): string {
  return SHARD_KEYS[shardOf(id)]!;
}

/** The state cut into the contents of each item, by key (items with nothing to hold included, empty). */
export function splitIntoItems(state: SyncState): Map<string, SyncState> {
  const items = new Map<string, SyncState>(SYNC_KEYS.map((key) => [key, emptySyncState()]));
  for (const [id, paper] of state.papers) items.get(shardKeyOf(id))!.papers.set(id, paper);
  for (const [id, mark] of state.marks) items.get(shardKeyOf(id))!.marks.set(id, mark);
  for (const [name, setting] of state.settings) items.get(SETTINGS_KEY)!.settings.set(name, setting);
  return items;
}
