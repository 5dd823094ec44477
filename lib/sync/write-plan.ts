import { encodeItem } from '@/lib/sync/codec/item';
import { joinMarks } from '@/lib/sync/marks';
import { joinPapers, paperView, samePaperState } from '@/lib/sync/paper-state';
import { itemBytes, SYNC_QUOTA, selectWithinQuota, takeOutTooLarge, type QuotaBudget, type Selection } from '@/lib/sync/quota';
import { readStore, type StoreRead, type UnreadableItem } from '@/lib/sync/read-store';
import { sameData } from '@/lib/sync/same-data';
import { joinSettings } from '@/lib/sync/synced-settings';
import { SETTINGS_KEY, shardKeyOf, splitIntoItems, SYNC_KEYS } from '@/lib/sync/shards';
import { emptySyncState, isEmptyState, joinStates, pruneState, type SyncState } from '@/lib/sync/sync-state';

/** Removals, emptied notes and unmarks are forgotten after this many days (see README: pruning). */
export const TOMBSTONE_DAYS = 90;
/** Left free in storage.sync for anything else the extension may keep there. */
export const DEFAULT_RESERVE_BYTES = 1_024;

const DAY = 86_400_000;

export interface PlanOptions {
  /** Wall-clock time, for the pruning horizon. */
  now: number;
  tombstoneDays?: number;
  quota?: QuotaBudget;
  reserveBytes?: number;
  /** Unreadable items the person agreed to replace ("Replace the damaged synced data"). */
  replaceUnreadable?: readonly string[];
}

export interface ItemStatus {
  key: string;
  /** False for an item this browser could not read: no write may touch it. */
  writable: boolean;
  problem?: UnreadableItem;
  /** Bytes the item takes after the plan's writes (0 if absent). */
  bytes: number;
}

export interface WritePlan {
  /** Items to write (`storage.sync.set`): only those whose store value lacks something we know. */
  set: Record<string, string>;
  /** Items to remove (`storage.sync.remove`): ours, holding nothing worth keeping any more. */
  remove: string[];
  items: ItemStatus[];
  /** What this browser holds that storage.sync will not (the settings page says so). */
  unsynced: {
    /** Library papers left out: over the quota, in an unreadable item, or with too long a note. */
    papers: number;
    marks: number;
    /** Papers whose item could not be read. */
    blocked: number;
    /** Papers whose notes are too long to sync. */
    tooLarge: string[];
  };
  /** Bytes of our items after the writes, counted as the browsers count. */
  bytes: number;
}

/**
 * The writes that bring storage.sync up to date with `state`, given what it holds now (`store`,
 * from `storage.sync.get(null)`). An item is written only when its current value lacks something the
 * state would publish; an item that could not be read is never written (unless the person agreed);
 * whatever the store holds is merged into what is written, so a write never loses what it replaces.
 */
export function planWrites(state: SyncState, store: Readonly<Record<string, unknown>>, options: PlanOptions): WritePlan {
  const quota = options.quota ?? SYNC_QUOTA;
  const horizon = options.now - (options.tombstoneDays ?? TOMBSTONE_DAYS) * DAY;
  const read = readStore(store);
  const replace = new Set(options.replaceUnreadable ?? []);
  const local = splitIntoItems(state);

  // What each item should hold: ours joined with what it holds now, pruned.
  const wanted = new Map<string, SyncState>();
  const blocked = new Set<string>();
  const tooLarge: string[] = [];
  let keptBytes = read.foreignBytes;
  for (const key of SYNC_KEYS) {
    const mine = local.get(key)!;
    if (read.unreadable.has(key) && !replace.has(key)) {
      for (const [id, paper] of mine.papers) if (paperView(paper)) blocked.add(id);
      keptBytes += read.bytes.get(key) ?? 0;
      continue;
    }
    const theirs = read.contents.get(key);
    const content = theirs ? joinStates(mine, belongingTo(key, theirs)) : mine;
    pruneState(content, horizon);
    tooLarge.push(...takeOutTooLarge(content));
    wanted.set(key, content);
  }

  const budget = { totalBytes: quota.totalBytes - (options.reserveBytes ?? DEFAULT_RESERVE_BYTES) - keptBytes, itemBytes: quota.itemBytes };
  const chosen = everythingFits(wanted, read, budget) ?? selectWithinQuota(wanted, budget);

  const kept = keptAsTheyAre(chosen, read, budget);
  const plan: WritePlan = { set: {}, remove: [], items: [], unsynced: { papers: 0, marks: 0, blocked: blocked.size, tooLarge: [] }, bytes: 0 };
  for (const key of SYNC_KEYS) {
    const problem = read.unreadable.get(key);
    let bytes = read.bytes.get(key) ?? 0;
    if (!wanted.has(key)) {
      plan.items.push({ key, writable: false, problem, bytes });
      plan.bytes += bytes;
      continue;
    }
    const value = chosen.values.get(key);
    if (value === undefined) {
      const theirs = read.contents.get(key);
      if (read.bytes.has(key) && (problem !== undefined || isEmptyState(pruned(theirs!, horizon)))) {
        plan.remove.push(key);
        bytes = 0;
      }
    } else if (!kept.has(key)) {
      plan.set[key] = value;
      bytes = itemBytes(key, value);
    }
    plan.items.push({ key, writable: true, ...(problem ? { problem } : {}), bytes });
    plan.bytes += bytes;
  }

  const { left } = chosen;
  for (const [id, paper] of state.papers) if (paperView(paper) && (left.papers.has(id) || blocked.has(id))) plan.unsynced.papers++;
  for (const [id, mark] of state.marks) if (mark.on && left.marks.has(id)) plan.unsynced.marks++;
  plan.unsynced.tooLarge = tooLarge.filter((id) => paperView(state.papers.get(id)) !== undefined).sort();
  plan.unsynced.papers += plan.unsynced.tooLarge.length;
  return plan;
}

/**
 * The items to leave as they are: those whose value already holds everything chosen for them. Writing
 * them would add nothing, and leaving them keeps browsers that choose differently near the quota from
 * rewriting each other's items. Only if the kept items, being larger than what was chosen, would take
 * the store past the budget are the largest of them rewritten to make room.
 */
function keptAsTheyAre(chosen: Selection, read: StoreRead, budget: QuotaBudget): Set<string> {
  const kept = new Set<string>();
  let total = 0;
  for (const [key, content] of chosen.contents) {
    const theirs = read.contents.get(key);
    const chosenBytes = itemBytes(key, chosen.values.get(key));
    if (theirs !== undefined && !read.unreadable.has(key) && holdsAll(theirs, content)) {
      kept.add(key);
      total += read.bytes.get(key)!;
    } else total += chosenBytes;
  }
  const shrinkable = [...kept]
    .map((key) => ({ key, saving: read.bytes.get(key)! - itemBytes(key, chosen.values.get(key)) }))
    .filter(({ saving }) => saving > 0)
    .sort((a, b) => b.saving - a.saving);
  for (const { key, saving } of shrinkable) {
    if (total <= budget.totalBytes) break;
    kept.delete(key);
    total -= saving;
  }
  return kept;
}

/**
 * The usual case, cheaply: items whose store value already holds what they should are kept as they
 * are, the others encoded whole; if that fits, nothing needs choosing. Undefined when it does not fit.
 */
function everythingFits(wanted: ReadonlyMap<string, SyncState>, read: StoreRead, budget: QuotaBudget): Selection | undefined {
  const selection: Selection = { contents: new Map(), values: new Map(), bytes: 0, left: { papers: new Set(), marks: new Set() } };
  for (const [key, content] of wanted) {
    const theirs = read.contents.get(key);
    if (isEmptyState(content)) continue;
    let bytes: number;
    let value: string;
    if (theirs !== undefined && typeof read.values[key] === 'string' && holdsAll(theirs, content)) {
      value = read.values[key];
      bytes = read.bytes.get(key)!;
    } else {
      value = encodeItem(content);
      bytes = itemBytes(key, value);
    }
    if (bytes > budget.itemBytes) return undefined;
    selection.contents.set(key, content);
    selection.values.set(key, value);
    selection.bytes += bytes;
  }
  return selection.bytes <= budget.totalBytes ? selection : undefined;
}

/** The removals that take all of our items out of storage.sync (turning sync off and clearing it). */
export function planClear(store: Readonly<Record<string, unknown>>): string[] {
  return SYNC_KEYS.filter((key) => store[key] !== undefined);
}

/** Whether `store` already holds everything in `content` (then writing `content` would add nothing). */
function holdsAll(store: SyncState, content: SyncState): boolean {
  for (const [id, paper] of content.papers) {
    const held = store.papers.get(id);
    if (held === undefined || !samePaperState(joinPapers(held, paper), held)) return false;
  }
  for (const [id, mark] of content.marks) {
    const held = store.marks.get(id);
    if (held === undefined || !sameData(joinMarks(held, mark), held)) return false;
  }
  for (const [name, setting] of content.settings) {
    const held = store.settings.get(name);
    if (held === undefined || !sameData(joinSettings(held, setting), held)) return false;
  }
  return true;
}

/** Only what belongs in the item `key` (a damaged or foreign item may hold more). */
function belongingTo(key: string, content: SyncState): SyncState {
  const own = emptySyncState();
  if (key === SETTINGS_KEY) {
    for (const [name, setting] of content.settings) own.settings.set(name, setting);
    return own;
  }
  for (const [id, paper] of content.papers) if (shardKeyOf(id) === key) own.papers.set(id, paper);
  for (const [id, mark] of content.marks) if (shardKeyOf(id) === key) own.marks.set(id, mark);
  return own;
}

function pruned(content: SyncState, horizon: number): SyncState {
  const copy = joinStates(emptySyncState(), content);
  pruneState(copy, horizon);
  return copy;
}
