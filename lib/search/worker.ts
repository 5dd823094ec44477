import { libraryDatabase } from '../library/instance';
import { inProcessFinder } from './finder';
import type { FinderReply, FinderRequest } from './worker-finder';

/** The popup's library search, off the page's thread. */
const finder = inProcessFinder(libraryDatabase());
const reply = (message: FinderReply) => postMessage(message);

addEventListener('message', (event: MessageEvent<FinderRequest>) => {
  const { seq, query } = event.data;
  finder.find(query).then(
    (answer) => reply({ seq, ok: true, answer }),
    (error: unknown) => reply({ seq, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
