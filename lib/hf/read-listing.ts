import type { PaperMetadataInput } from '../paper/model';
import { findCards, readCard } from './listing-cards';

export interface ListedCard {
  id: string;
  element: Element;
  paper: PaperMetadataInput;
}

/**
 * The cards in `root` with what each says about its paper, enriched from the page's data blob for
 * the ids it knows. The visible cards decide what is on the page; the blob only fills in details
 * (full abstract, every author) that cards abbreviate.
 */
export function readListing(root: ParentNode, blob: ReadonlyMap<string, PaperMetadataInput>, today: Date): ListedCard[] {
  const listed: ListedCard[] = [];
  for (const { id, element } of findCards(root)) {
    const fromCard = readCard(element, id, today);
    const fromBlob = blob.get(id);
    const paper = fromCard && fromBlob ? enrich(fromCard, fromBlob) : (fromCard ?? fromBlob);
    if (paper) listed.push({ id, element, paper });
  }
  return listed;
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
