import { libraryDatabase } from '@/lib/library/instance';
import { inProcessFinder } from '@/lib/search/finder';
import type { FinderReply, FinderRequest } from '@/lib/search/worker-finder';

/** The popup's library search, off the page's thread. */
const finder = inProcessFinder(libraryDatabase());
const reply = (message: FinderReply) => postMessage(message);

addEventListener('message', (event: MessageEvent<FinderRequest>) => {
  const { seq, query, revision } = event.data;
  const started = performance.now();
  finder.find(query, revision).then(
    (answer) => reply({ seq, ms: performance.now() - started, ok: true, answer }),
    (error: unknown) => reply({ seq, ms: performance.now() - started, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
