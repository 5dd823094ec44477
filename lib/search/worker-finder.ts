import type { LibraryQuery } from '@/lib/search/library-index';
import type { FinderAnswer, LibraryFinder } from '@/lib/search/finder';
import { t } from '@/lib/i18n';

export type FinderRequest = { seq: number; query: LibraryQuery; revision?: number };
/** `ms`: the worker's time on this request, published as a `papershelf:find` performance mark for profiling and the bench. */
export type FinderReply = { seq: number; ms: number } & ({ ok: true; answer: FinderAnswer } | { ok: false; message: string });

/**
 * Runs the index in a worker of the popup: loading it, catching up and saving never hold up typing.
 * Same-origin and our own code on both ends, so the messages are typed, not validated.
 */
export function workerFinder(): LibraryFinder {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'library-search' });
  const waiting = new Map<number, { resolve: (a: FinderAnswer) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<FinderReply>) => {
    const reply = event.data;
    performance.mark('papershelf:find', { detail: { workerMs: reply.ms } });
    const request = waiting.get(reply.seq);
    waiting.delete(reply.seq);
    if (reply.ok) request?.resolve(reply.answer);
    else request?.reject(new Error(reply.message));
  };
  worker.onerror = (event) => {
    for (const request of waiting.values()) request.reject(new Error(event.message || t('popup_search_stopped')));
    waiting.clear();
  };
  return {
    find(query, revision) {
      const seq = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(seq, { resolve, reject });
        worker.postMessage({ seq, query, revision } satisfies FinderRequest);
      });
    },
  };
}

/**
 * A finder made on its first question, not before: the popup's worker, started with the popup, took
 * the processor from the list's first rows, which need no index.
 */
export function startedOnFirstFind(start: () => LibraryFinder): LibraryFinder {
  let finder: LibraryFinder | undefined;
  return { find: (query, revision) => (finder ??= start()).find(query, revision) };
}
