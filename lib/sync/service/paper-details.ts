import { lookUpPaper, type PaperLookup } from '@/lib/hf/paper-api';
import type { Library } from '@/lib/library/library';
import type { PaperDetailsRecord } from '@/lib/library/schema';
import type { PaperMetadata } from '@/lib/paper/model';
import { hasDetails, withDetails } from '@/lib/paper/paper';
import { z } from '@/lib/zod-config';
import { readKey, realSleep, type Alarms, type KeyValueArea, type Sleep } from '@/lib/sync/service/areas';
import { t } from '@/lib/i18n';
import { uiLocale } from '@/lib/locale';

/**
 * Papers that arrive through sync carry their id, tags, note and dates only; their titles, authors and
 * abstracts come from Hugging Face's API, one request per paper, a few at a time, newest saved first.
 * Paced far below the API's limits (anonymous clients get 500 calls per 5-minute window): the pace
 * and the queue are stored, so a worker stopped between batches resumes where it was, on the alarm.
 */

export const DETAILS_ALARM = 'paper-details';

export const DETAILS_PACE = {
  /** Requests in one 5-minute window: a quarter of what Hugging Face allows an anonymous client. */
  perWindow: 125,
  windowMs: 5 * 60_000,
  /** Requests sent together. */
  batch: 5,
  /** Between two batches (so at most 30 a minute). */
  gapMs: 10_000,
} as const;
export type DetailsPace = typeof DETAILS_PACE;

const MINUTE = 60_000;
const DAY = 86_400_000;
/** After a failure (offline, server error): 1, 2, 4… minutes, at most 6 hours. */
const retryDelay = (attempts: number) => Math.min(6 * 60 * MINUTE, MINUTE * 2 ** (attempts - 1));
/** A paper Hugging Face does not list may be added later: ask again after 1, 2, 4… days, at most 30. */
const missingDelay = (attempts: number) => Math.min(30 * DAY, DAY * 2 ** (attempts - 1));

const PACE_KEY = 'paperDetailsPace';
const PaceSchema = z.object({
  windowStart: z.number(),
  used: z.number().int().nonnegative(),
  pausedUntil: z.number().optional(),
  problem: z.string().optional(),
});
type PaceRecord = z.infer<typeof PaceSchema>;

export interface DetailsDeps {
  library: Library;
  local: KeyValueArea;
  alarms: Alarms;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: Sleep;
  pace?: DetailsPace;
}

export interface DetailsProgress {
  /** Papers (and marks) still waiting for their details. */
  waiting: number;
  /** Why they wait longer than usual, in words. */
  problem?: string;
}

export class PaperDetailsFiller {
  private running: Promise<void> | undefined;

  constructor(private readonly deps: DetailsDeps) {}

  private now() {
    return (this.deps.now ?? Date.now)();
  }

  private get pace() {
    return this.deps.pace ?? DETAILS_PACE;
  }

  /** Asks for details while some are due and the pace allows; then sets the alarm for the next batch. */
  run(): Promise<void> {
    this.running ??= this.runBatches().finally(() => (this.running = undefined));
    return this.running;
  }

  async progress(): Promise<DetailsProgress> {
    const waiting = await this.deps.library.db.paperDetails.count();
    const pace = await this.loadPace();
    return { waiting, ...(waiting > 0 && pace.problem ? { problem: pace.problem } : {}) };
  }

  private async runBatches(): Promise<void> {
    const { db } = this.deps.library;
    for (;;) {
      const now = this.now();
      let pace = await this.loadPace();
      if (pace.pausedUntil !== undefined && pace.pausedUntil > now) return this.arm(pace.pausedUntil);
      if (now - pace.windowStart >= this.pace.windowMs) pace = { ...pace, windowStart: now, used: 0 };
      const room = this.pace.perWindow - pace.used;
      if (room <= 0) return this.arm(pace.windowStart + this.pace.windowMs);

      const batch = await this.nextBatch(now, Math.min(room, this.pace.batch));
      if (batch.length === 0) {
        const next = await db.paperDetails.orderBy('due').first();
        if (next) await this.arm(next.due);
        else await this.deps.alarms.clear(DETAILS_ALARM);
        return;
      }
      // Should the worker stop mid-batch, the alarm picks up.
      await this.arm(now + MINUTE);
      const lookups = await Promise.all(batch.map((entry) => lookUpPaper(entry.id, { fetch: this.deps.fetch, now: () => now })));
      pace = { ...pace, used: pace.used + batch.length };
      delete pace.problem;
      delete pace.pausedUntil;
      const limited = lookups.find((l): l is Extract<PaperLookup, { kind: 'failed' }> => l.kind === 'failed' && l.rateLimited === true);
      if (limited) {
        const until = now + Math.max(limited.retryAfterMs ?? 0, this.pace.windowMs);
        pace = { ...pace, pausedUntil: until, problem: t('sync_details_paused', new Date(until).toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })) };
      } else {
        const failure = lookups.find((l) => l.kind === 'failed');
        if (failure) pace.problem = t('sync_details_failed', failure.message);
      }
      await this.savePace(pace);
      await this.record(batch, lookups, now);
      if (limited) return this.arm(pace.pausedUntil!);
      await (this.deps.sleep ?? realSleep)(this.pace.gapMs);
    }
  }

  /** The due entries to ask for now, papers before marks, newest saved first; entries no longer needed go. */
  private async nextBatch(now: number, size: number): Promise<PaperDetailsRecord[]> {
    const { db } = this.deps.library;
    const due = await db.paperDetails.where('due').belowOrEqual(now).toArray();
    due.sort((a, b) => (a.kind === b.kind ? b.savedAt - a.savedAt : a.kind === 'paper' ? -1 : 1));
    const batch: PaperDetailsRecord[] = [];
    const done: string[] = [];
    for (let i = 0; i < due.length && batch.length < size; i += size) {
      const slice = due.slice(i, i + size);
      const stillPending = await pendingIds(this.deps.library, slice.map((e) => e.id));
      for (const entry of slice) {
        if (!stillPending.has(entry.id)) done.push(entry.id);
        else if (batch.length < size) batch.push(entry);
      }
    }
    if (done.length > 0) await db.paperDetails.bulkDelete(done);
    return batch;
  }

  private async record(batch: PaperDetailsRecord[], lookups: PaperLookup[], now: number): Promise<void> {
    const found: PaperMetadata[] = [];
    const retry: PaperDetailsRecord[] = [];
    batch.forEach((entry, i) => {
      const lookup = lookups[i]!;
      if (lookup.kind === 'found') return void found.push(lookup.paper);
      if (lookup.kind === 'failed' && lookup.rateLimited) return;
      const attempts = entry.attempts + 1;
      const due = now + (lookup.kind === 'missing' ? missingDelay(attempts) : retryDelay(attempts));
      retry.push({ ...entry, attempts, due, problem: lookup.message });
    });
    if (retry.length > 0) await this.deps.library.db.paperDetails.bulkPut(retry);
    if (found.length > 0) await fillPaperDetails(this.deps.library, found);
  }

  private async arm(when: number) {
    await this.deps.alarms.create(DETAILS_ALARM, { when: Math.max(when, this.now() + 1000) });
  }

  private loadPace(): Promise<PaceRecord> {
    return readKey(this.deps.local, PACE_KEY, (value) => {
      const parsed = PaceSchema.safeParse(value);
      return parsed.success ? parsed.data : { windowStart: 0, used: 0 };
    });
  }

  private async savePace(pace: PaceRecord) {
    await this.deps.local.set({ [PACE_KEY]: pace });
  }
}

/** Which of `ids` still wait for details (a placeholder paper or mark). */
async function pendingIds(library: Library, ids: string[]): Promise<Set<string>> {
  const { db } = library;
  const [papers, marks] = await Promise.all([db.papers.bulkGet(ids), db.notInterested.bulkGet(ids)]);
  return new Set(ids.filter((_, i) => papers[i]?.detailsPending || marks[i]?.detailsPending));
}

/**
 * Puts details into the papers and marks that wait for them, in one action: tags, notes and dates stay
 * as they are (so sync has nothing to record), and their queue entries go. Returns the papers filled.
 */
export async function fillPaperDetails(library: Library, described: PaperMetadata[]): Promise<string[]> {
  const { db } = library;
  const papers = described.filter(hasDetails);
  const ids = papers.map((p) => p.id);
  return library.writeWith([db.notInterested, db.paperDetails], async () => {
    const [rows, marks] = await Promise.all([db.papers.bulkGet(ids), db.notInterested.bulkGet(ids)]);
    const filled = rows.flatMap((row, i) => (row?.detailsPending ? [withDetails(row, papers[i]!)] : []));
    const marked = marks.flatMap((mark, i) => (mark?.detailsPending ? [{ id: mark.id, at: mark.at, paper: papers[i]! }] : []));
    await db.papers.bulkPut(filled);
    await db.notInterested.bulkPut(marked);
    await db.paperDetails.bulkDelete(ids);
    const changed = filled.map((p) => p.id);
    return { result: changed, changed };
  });
}

/** Queues papers (and marks) that arrived by id only; called in the transaction that adds them. */
export function queueDetails(library: Library, entries: ReadonlyArray<{ id: string; kind: 'paper' | 'mark'; savedAt: number }>, now: number) {
  return library.db.paperDetails.bulkPut(entries.map((e) => ({ ...e, due: now, attempts: 0 })));
}
