import { normalizeArxivId } from '@/lib/paper/arxiv-id';

export type PapersPage =
  | { kind: 'listing'; listing: 'daily' | 'date' | 'week' | 'month' | 'trending' | 'search' }
  | { kind: 'paper'; id: string }
  | { kind: 'other' };

/** What kind of Hugging Face papers page a URL shows. */
export function papersPageKind(url: URL): PapersPage {
  if (url.hostname !== 'huggingface.co') return { kind: 'other' };
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/papers') return { kind: 'listing', listing: url.searchParams.get('q') ? 'search' : 'daily' };
  const [, first, second] = /^\/papers\/([^/]+)(?:\/([^/]+))?$/.exec(path) ?? [];
  if (first === undefined) return { kind: 'other' };
  if (first === 'trending' && second === undefined) return { kind: 'listing', listing: 'trending' };
  if (second !== undefined) {
    if (first === 'date') return { kind: 'listing', listing: 'date' };
    if (first === 'week') return { kind: 'listing', listing: 'week' };
    if (first === 'month') return { kind: 'listing', listing: 'month' };
    return { kind: 'other' };
  }
  const id = normalizeArxivId(decodeURIComponent(first));
  return id ? { kind: 'paper', id } : { kind: 'other' };
}
