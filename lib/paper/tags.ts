import { LIMITS } from '@/lib/paper/limits';

// No zod here: this file is part of the content script, which must stay small.

export const MAX_TAG_LENGTH = LIMITS.tag;

/** Zero-width characters, joiners, bidi controls and the byte-order mark: invisible in a tag. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * The spelling a tag is kept in: invisible characters removed, composed (NFC, so "á" typed either way
 * is one string), trimmed, inner whitespace collapsed: "  deep   learning " becomes "deep learning".
 */
export function normalizeTag(raw: string): string {
  return raw.replace(INVISIBLE, '').normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * Tags are compared on this key everywhere (library, search, filters, sync): compatibility-composed
 * (NFKC, so "ﬁne" and "fine" are one tag) and case-folded. Upper- then lower-casing folds what plain
 * lower-casing does not ("ß" and "SS", "ς" and "Σ"); the key may differ in length from the tag
 * ("İstanbul"), so it is only ever compared as a whole string, never as a case-insensitive range.
 */
export function tagKey(tag: string): string {
  return normalizeTag(tag).normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

export function sameTag(a: string, b: string): boolean {
  return tagKey(a) === tagKey(b);
}

/**
 * Normalizes a list of tags, drops empty ones and keeps the first spelling of each tag
 * ("LLM", "llm" gives ["LLM"]).
 */
export function uniqueTags(tags: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = normalizeTag(raw);
    if (tag === '') continue;
    const key = tagKey(tag);
    if (!seen.has(key)) seen.set(key, tag);
  }
  return [...seen.values()];
}

export function withTag(tags: readonly string[], tag: string): string[] {
  return uniqueTags([...tags, tag]);
}

export function withoutTag(tags: readonly string[], tag: string): string[] {
  const key = tagKey(tag);
  return tags.filter((t) => tagKey(t) !== key);
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Counts tags (any spelling, the first one seen kept), most used first. */
export function tallyTags(tags: Iterable<string>): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const tag of tags) {
    const key = tagKey(tag);
    const entry = counts.get(key);
    if (entry) entry.count += 1;
    else counts.set(key, { tag, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
