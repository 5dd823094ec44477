import type { PaperMetadataInput } from '@/lib/paper/model';
import { readDataBlob } from '@/lib/hf/data-blob';
import { findCards, readCard, type FoundCard } from '@/lib/hf/listing-cards';

/** The listings of papers: a day (`/papers`, `/papers/date/…`), a week, a month, trending, a search. */
export type ListingKind = 'daily' | 'date' | 'week' | 'month' | 'trending' | 'search';

export interface ListedCard {
  id: string;
  element: Element;
  paper: PaperMetadataInput;
}

/** What the page's data says about a paper (the page's data blob; tests pass a plain Map). */
type PaperData = Pick<ReadonlyMap<string, PaperMetadataInput>, 'get'>;

const PERIODS = new Map<string, ListingKind>([
  ['date', 'date'],
  ['week', 'week'],
  ['month', 'month'],
]);

/** Which listing a huggingface.co URL shows, if it shows one. */
export function detect(url: URL): ListingKind | undefined {
  if (url.hostname !== 'huggingface.co') return undefined;
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/papers') return url.searchParams.get('q') ? 'search' : 'daily';
  if (path === '/papers/trending') return 'trending';
  const [, period] = /^\/papers\/([^/]+)\/[^/]+$/.exec(path) ?? [];
  return period === undefined ? undefined : PERIODS.get(period);
}

/**
 * The cards of a listing with what each says about its paper, enriched from the page's data blob for
 * the ids it knows. The visible cards decide what is on the page; the blob only fills in details
 * (full abstract, every author) that cards abbreviate.
 */
export function read(root: ParentNode, today: Date, blob: PaperData = readDataBlob(root)): ListedCard[] {
  return findCards(root)
    .map((card) => readFoundCard(card, blob, today))
    .filter((card): card is ListedCard => card !== undefined);
}

/** Reads one card found by `findCards`; undefined when neither the card nor the blob names it. */
export function readFoundCard({ id, element }: FoundCard, blob: PaperData, today: Date): ListedCard | undefined {
  const fromCard = readCard(element, id, today);
  const fromBlob = blob.get(id);
  const paper = fromCard && fromBlob ? enrich(fromCard, fromBlob) : (fromCard ?? fromBlob);
  return paper && { id, element, paper };
}

function enrich(card: PaperMetadataInput, blob: PaperMetadataInput): PaperMetadataInput {
  const longer = <T extends { length: number }>(a: T | undefined, b: T | undefined) => ((b?.length ?? 0) > (a?.length ?? 0) ? b : a);
  return {
    ...blob,
    ...card,
    summary: longer(card.summary, blob.summary) ?? '',
    authors: longer(card.authors, blob.authors) ?? [],
    organization: blob.organization ?? card.organization,
  };
}
