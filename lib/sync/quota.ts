import { encodeItem } from '@/lib/sync/codec/item';
import type { PaperState } from '@/lib/sync/paper-state';
import { emptySyncState, type SyncState } from '@/lib/sync/sync-state';

/** storage.sync's limits (Chrome and Firefox): bytes in all, bytes per item, items. */
export const SYNC_QUOTA = { totalBytes: 102_400, itemBytes: 8_192, maxItems: 512 } as const;

/** A paper whose note versions hold more than this many bytes is not synced (it would crowd out dozens of others). */
export const MAX_SYNCED_NOTE_BYTES = 3_000;

export interface QuotaBudget {
  /** Bytes all the items being planned may take together. */
  totalBytes: number;
  itemBytes: number;
}

export interface Selection {
  /** The chosen content and its encoded value, per item key; items left with nothing are absent. */
  contents: Map<string, SyncState>;
  values: Map<string, string>;
  bytes: number;
  /** Entries that did not fit, by id. */
  left: { papers: Set<string>; marks: Set<string> };
}

const utf8 = new TextEncoder();

/**
 * What an item costs, counted as the browsers count: the key's length plus the JSON of the value, in
 * UTF-8. Chrome counts the JSON its own writer makes, which escapes "<" as \u003C (and U+2028, U+2029
 * as \u2028, \u2029): those cost six bytes where JSON.stringify writes one (or three), so they are
 * counted at Chrome's price. Firefox counts less, never more.
 */
export function itemBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let escaped = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code === 0x3c) escaped += 5;
    else if (code === 0x2028 || code === 0x2029) escaped += 3;
  }
  return utf8.encode(key).length + utf8.encode(json).length + escaped;
}

interface Candidate {
  key: string;
  kind: 'paper' | 'mark';
  id: string;
  /** Later first: when the paper was saved, the removal or the mark was made. */
  rank: number;
}

/**
 * Chooses what goes into the items when not everything fits: the most recently saved papers (and the
 * most recent removals and marks, which are small and ranked by when they happened), as many as fit in
 * the budget with every item under the per-item limit. Sizes are measured on the real encoding.
 */
export function selectWithinQuota(contents: ReadonlyMap<string, SyncState>, budget: QuotaBudget): Selection {
  const candidates: Candidate[] = [];
  for (const [key, content] of contents) {
    for (const [id, paper] of content.papers) candidates.push({ key, kind: 'paper', id, rank: paper.meta?.savedAt ?? paper.removed?.t ?? 0 });
    for (const [id, mark] of content.marks) candidates.push({ key, kind: 'mark', id, rank: mark.at.t });
  }
  candidates.sort((a, b) => b.rank - a.rank || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Per item, its candidates in rank order: the first k of all candidates take a prefix of each.
  const perKey = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = perKey.get(c.key);
    if (list) list.push(c);
    else perKey.set(c.key, [c]);
  }
  const encoded = new Map<string, { content: SyncState; value: string; bytes: number }>();
  const encodePrefix = (key: string, count: number) => {
    const memo = `${key}#${count}`;
    let result = encoded.get(memo);
    if (result === undefined) {
      const content = withSettings(contents.get(key)!);
      for (const c of (perKey.get(key) ?? []).slice(0, count)) {
        if (c.kind === 'paper') content.papers.set(c.id, contents.get(key)!.papers.get(c.id)!);
        else content.marks.set(c.id, contents.get(key)!.marks.get(c.id)!);
      }
      const value = encodeItem(content);
      result = { content, value, bytes: itemBytes(key, value) };
      encoded.set(memo, result);
    }
    return result;
  };
  const attempt = (k: number) => {
    const counts = new Map<string, number>([...contents.keys()].map((key) => [key, 0]));
    for (const c of candidates.slice(0, k)) counts.set(c.key, counts.get(c.key)! + 1);
    const items = new Map<string, { content: SyncState; value: string; bytes: number }>();
    let bytes = 0;
    for (const [key, count] of counts) {
      const content = contents.get(key)!;
      if (count === 0 && content.settings.size === 0) continue;
      const item = encodePrefix(key, count);
      if (item.bytes > budget.itemBytes) return undefined;
      items.set(key, item);
      bytes += item.bytes;
    }
    return bytes <= budget.totalBytes ? { items, bytes } : undefined;
  };

  let chosen = attempt(candidates.length);
  let k = candidates.length;
  if (chosen === undefined) {
    // Sizes grow with k (compression aside): find the largest k that fits.
    let lo = 0;
    let hi = candidates.length;
    chosen = attempt(0) ?? { items: new Map(), bytes: 0 };
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const fit = attempt(mid);
      if (fit) [lo, chosen] = [mid, fit];
      else hi = mid;
    }
    k = lo;
  }
  const left = { papers: new Set<string>(), marks: new Set<string>() };
  for (const c of candidates.slice(k)) (c.kind === 'paper' ? left.papers : left.marks).add(c.id);
  return {
    contents: new Map([...chosen.items].map(([key, item]) => [key, item.content])),
    values: new Map([...chosen.items].map(([key, item]) => [key, item.value])),
    bytes: chosen.bytes,
    left,
  };
}

/** Takes out of `content` the papers whose notes are too long to sync; returns their ids. */
export function takeOutTooLarge(content: SyncState): string[] {
  const ids: string[] = [];
  for (const [id, paper] of content.papers) {
    if (noteBytes(paper) <= MAX_SYNCED_NOTE_BYTES) continue;
    content.papers.delete(id);
    ids.push(id);
  }
  return ids;
}

function noteBytes(paper: PaperState): number {
  let bytes = 0;
  for (const v of paper.note?.versions ?? []) bytes += utf8.encode(v.text).length;
  return bytes;
}

/** An empty content holding `content`'s settings (settings are never left out). */
function withSettings(content: SyncState): SyncState {
  const copy = emptySyncState();
  for (const [name, setting] of content.settings) copy.settings.set(name, setting);
  return copy;
}
