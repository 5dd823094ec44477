import * as listing from '@/lib/hf/pages/listing';
import * as paper from '@/lib/hf/pages/paper';

export type PapersPage = { kind: 'listing'; listing: listing.ListingKind } | { kind: 'paper'; id: string } | { kind: 'other' };

/** What kind of Hugging Face papers page a URL shows: each kind of page detects its own. */
export function papersPageKind(url: URL): PapersPage {
  const listed = listing.detect(url);
  if (listed) return { kind: 'listing', listing: listed };
  const id = paper.detect(url);
  return id ? { kind: 'paper', id } : { kind: 'other' };
}
