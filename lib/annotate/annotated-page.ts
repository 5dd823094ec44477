import type { CardBar } from '@/lib/annotate/card-bar';
import type { CardPaper, Reply, RequestOf, RequestType } from '@/lib/messages/protocol';
import type { PaperMetadataInput } from '@/lib/paper/model';

/** What card actions and page reports need of the annotated page (the annotator provides it). */
export interface AnnotatedPage {
  send: <T extends RequestType>(request: RequestOf<T>) => Promise<Reply<T>>;
  setTimeout: (callback: () => void, ms: number) => unknown;
  location(): URL;
  /** The papers on the page, once each, in the order their cards were found. */
  ids(): string[];
  /** The bars showing paper `id` (a paper can have several cards). */
  bars(id: string): CardBar[];
  /** What the page says about the paper: its card read in full, once, when first needed. */
  paper(id: string): PaperMetadataInput | undefined;
  /** The paper's title and abstract as far as they are known without reading its card in full. */
  text(id: string): { title: string; summary: string } | undefined;
  /** Shows the library's answer for `ids`: those in `saved` are saved with their tags, the rest not. */
  showSaved(ids: string[], saved: CardPaper[]): void;
  nextTask(): Promise<void>;
}
