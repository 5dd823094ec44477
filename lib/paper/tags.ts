import { z } from '../zod-config';

export const MAX_TAG_LENGTH = 64;

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

export const TagSchema = z
  .string()
  .transform(normalizeTag)
  .pipe(
    z
      .string()
      .min(1, 'A tag cannot be empty')
      .max(MAX_TAG_LENGTH, `A tag can be at most ${MAX_TAG_LENGTH} characters`),
  );

export const TagListSchema = z.array(TagSchema).max(200).transform(uniqueTags);
