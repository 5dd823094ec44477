import type { PaperMetadataInput } from '@/lib/paper/model';
import { findCards, readCard, type FoundCard } from '@/lib/hf/listing-cards';

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
  return findCards(root)
    .map((card) => readFoundCard(card, blob, today))
    .filter((card): card is ListedCard => card !== undefined);
}

/** Reads one card found by `findCards`; undefined when neither the card nor the blob names it. */
export function readFoundCard(
  { id, element }: FoundCard,
  blob: ReadonlyMap<string, PaperMetadataInput>,
  today: Date,
): ListedCard | undefined {
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
