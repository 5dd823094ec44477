import { browser } from 'wxt/browser';
import type { Paper } from '../paper/model';

/**
 * Papers unsaved from a card, kept for a short while so the card can offer Undo. Cards never hold
 * a paper's note or full record (pages must not read them): they get a token to hand back. Kept in
 * session storage, which only the extension's own pages and background can read, because the
 * service worker can stop between the removal and the Undo.
 */

/** How long Undo stays possible after a removal; the card shows its button for less. */
export const UNDO_WINDOW_MS = 60_000;
const KEY = 'cardUndo';

type Kept = Record<string, { papers: Paper[]; until: number }>;

let queue: Promise<unknown> = Promise.resolve();

/** Read-modify-write of the one key, one at a time: two removals at once must not lose either. */
function change<T>(edit: (kept: Kept) => T): Promise<T> {
  const run = queue.then(async () => {
    const kept = ((await browser.storage.session.get(KEY))[KEY] ?? {}) as Kept;
    const result = edit(kept);
    await browser.storage.session.set({ [KEY]: kept });
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

function dropExpired(kept: Kept, now: number) {
  for (const [token, entry] of Object.entries(kept)) if (!(entry.until > now)) delete kept[token];
}

export function keepForUndo(papers: Paper[], now = Date.now()): Promise<string> {
  const token = crypto.randomUUID();
  return change((kept) => {
    dropExpired(kept, now);
    kept[token] = { papers, until: now + UNDO_WINDOW_MS };
    return token;
  });
}

/** The papers removed under `token`, once; undefined when unknown or expired. */
export function takeForUndo(token: string, now = Date.now()): Promise<Paper[] | undefined> {
  return change((kept) => {
    const entry = Object.hasOwn(kept, token) ? kept[token] : undefined;
    delete kept[token];
    dropExpired(kept, now);
    return entry && entry.until > now ? entry.papers : undefined;
  });
}
