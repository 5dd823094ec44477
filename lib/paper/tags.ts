// No zod here: this file is part of the content script, which must stay small.

export const MAX_TAG_LENGTH = 64;
export const MAX_TAGS_PER_PAPER = 200;

/** Trims and collapses inner whitespace: "  deep   learning " becomes "deep learning". */
export function normalizeTag(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** Tags are compared case-insensitively everywhere; this is the comparison key. */
export function tagKey(tag: string): string {
  return normalizeTag(tag).toLocaleLowerCase('en');
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
