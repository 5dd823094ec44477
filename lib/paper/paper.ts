import { paperLinks } from '@/lib/paper/arxiv-id';
import type { Paper, PaperMetadata } from '@/lib/paper/model';

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

/**
 * Metadata from a page for a paper already saved: it fills in fields the paper lacks and nothing
 * else, so a page cannot rewrite a title, an abstract or the authors the library holds.
 */
export function fillMetadata<T extends PaperMetadata>(existing: T, fresh: PaperMetadata): T {
  const filled: T = { ...existing };
  for (const [key, value] of Object.entries(fresh) as [keyof PaperMetadata, unknown][]) {
    const current = existing[key];
    const missing = current === undefined || current === '' || (Array.isArray(current) && current.length === 0);
    if (missing && value !== undefined) (filled as Record<string, unknown>)[key] = value;
  }
  return filled;
}

/** The synced part of a paper: what another browser sends of it. */
export type SyncedFields = Pick<Paper, 'id' | 'tags' | 'note' | 'savedAt' | 'updatedAt'>;

/**
 * A paper known by its synced fields only: the arXiv id stands in for the title (the model asks for
 * one) and `detailsPending` says the rest is on the way.
 */
export function placeholderPaper(fields: SyncedFields): Paper {
  const { id, tags, note, savedAt, updatedAt } = fields;
  return { id, title: id, summary: '', authors: [], links: paperLinks(id), tags, note, savedAt, updatedAt, detailsPending: true };
}

/** Whether metadata says more than the paper's id (a placeholder's own, sent back, does not). */
export function hasDetails(metadata: PaperMetadata): boolean {
  return metadata.title !== metadata.id;
}

/** A placeholder paper with its details in: the metadata replaces the stand-ins; tags, note and dates stay. */
export function withDetails(paper: Paper, metadata: PaperMetadata): Paper {
  const { detailsPending: _, ...rest } = paper;
  return { ...rest, ...metadata, id: paper.id, links: paperLinks(paper.id) };
}
