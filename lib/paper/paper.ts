import { paperLinks } from './arxiv-id';
import type { Paper, PaperMetadata } from './model';

// Plain functions on papers, apart from the zod schemas in model.ts so that pages which only show
// papers (the popup) do not carry zod.

/** Builds a library record from validated metadata. */
export function newPaper(metadata: PaperMetadata, now: number, tags: string[] = []): Paper {
  return { ...metadata, links: paperLinks(metadata.id), tags, note: '', savedAt: now, updatedAt: now };
}

/**
 * Fresh metadata replaces stale metadata field by field, but a field the newer source does not know
 * (a search card has no abstract; the API has no thumbnail) keeps what we had.
 */
export function mergeMetadata<T extends PaperMetadata>(existing: T, fresh: PaperMetadata): T {
  const merged: T = { ...existing };
  for (const [key, value] of Object.entries(fresh) as [keyof PaperMetadata, unknown][]) {
    if (value === undefined) continue;
    if (key === 'summary' && value === '') continue;
    if (key === 'authors' && Array.isArray(value) && value.length === 0) continue;
    if (key === 'summary' && typeof value === 'string' && value.length < existing.summary.length) {
      // A card's one-line summary must not overwrite the full abstract we already have.
      continue;
    }
    (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
