import { PaperSchema, type Paper } from '@/lib/paper/model';
import { settingsItem } from '@/lib/settings/typed-item';
import { z } from '@/lib/zod-config';

/**
 * Papers unsaved from a card, kept for a short while so the card can offer Undo. Cards never hold
 * a paper's note or full record (pages must not read them): they get a token to hand back. Kept in
 * session storage, which only the extension's own pages and background can read, because the
 * service worker can stop between the removal and the Undo.
 */

/** How long Undo stays possible after a removal; the card shows its button for less. */
export const UNDO_WINDOW_MS = 60_000;

const KeptSchema = z.object({
  removals: z.record(z.string(), z.object({ papers: z.array(PaperSchema), until: z.number() })).default({}),
});
type Kept = z.output<typeof KeptSchema>;

const kept = settingsItem('session:cardUndo', KeptSchema);

let queue: Promise<unknown> = Promise.resolve();

/** Read-modify-write of the one item, one at a time: two removals at once must not lose either. */
function change<T>(edit: (removals: Kept['removals']) => T): Promise<T> {
  const run = queue.then(async () => {
    const { removals } = await kept.get();
    const result = edit(removals);
    await kept.set({ removals });
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

function dropExpired(removals: Kept['removals'], now: number) {
  for (const [token, entry] of Object.entries(removals)) if (!(entry.until > now)) delete removals[token];
}

export function keepForUndo(papers: Paper[], now = Date.now()): Promise<string> {
  const token = crypto.randomUUID();
  return change((removals) => {
    dropExpired(removals, now);
    removals[token] = { papers, until: now + UNDO_WINDOW_MS };
    return token;
  });
}

/** The papers removed under `token`, once; undefined when unknown or expired. */
export function takeForUndo(token: string, now = Date.now()): Promise<Paper[] | undefined> {
  return change((removals) => {
    const entry = Object.hasOwn(removals, token) ? removals[token] : undefined;
    delete removals[token];
    dropExpired(removals, now);
    return entry && entry.until > now ? entry.papers : undefined;
  });
}
