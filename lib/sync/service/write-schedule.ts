import { z } from '@/lib/zod-config';
import { nextBatchAt, type WritePolicy, DEFAULT_WRITE_POLICY } from '@/lib/sync/write-rate';
import { readKey, type KeyValueArea } from '@/lib/sync/service/areas';

/**
 * When the next batch of writes to storage.sync may go, kept in storage.local so that a worker
 * stopped at any moment knows, when it starts again, what is pending and how many operations the
 * browser's limits have left.
 */

const WRITES_KEY = 'syncWrites';

const WritesSchema = z.object({
  /** Times of recent write operations (for the per-minute and per-hour limits). */
  past: z.array(z.number()).max(5000),
  /** The first and last change waiting to be written; absent when nothing waits. */
  firstChangeAt: z.number().optional(),
  lastChangeAt: z.number().optional(),
  /** Failed writes in a row, and when to try again. */
  failures: z.number().int().nonnegative(),
  retryAt: z.number().optional(),
});
export type WritesRecord = z.infer<typeof WritesSchema>;

export async function loadWrites(local: KeyValueArea): Promise<WritesRecord> {
  return readKey(local, WRITES_KEY, (value) => {
    const parsed = WritesSchema.safeParse(value);
    return parsed.success ? parsed.data : { past: [], failures: 0 };
  });
}

export async function saveWrites(local: KeyValueArea, writes: WritesRecord): Promise<void> {
  await local.set({ [WRITES_KEY]: writes });
}

export async function clearWrites(local: KeyValueArea): Promise<void> {
  await local.remove(WRITES_KEY);
}

/** The record with a change waiting since `now` (joined to whatever already waits). */
export function withPendingChange(writes: WritesRecord, now: number): WritesRecord {
  return { ...writes, firstChangeAt: writes.firstChangeAt ?? now, lastChangeAt: now };
}

/** When the pending batch may go (undefined: nothing waits). A set and a remove are assumed. */
export function batchDueAt(writes: WritesRecord, now: number, policy: WritePolicy = DEFAULT_WRITE_POLICY): number | undefined {
  if (writes.firstChangeAt === undefined) return undefined;
  const batch = { firstChangeAt: writes.firstChangeAt, lastChangeAt: writes.lastChangeAt ?? writes.firstChangeAt, operations: 2 };
  return Math.max(nextBatchAt(writes.past, now, batch, policy), writes.retryAt ?? 0);
}

export type WriteFailure = 'quota' | 'rate' | 'failed';

/**
 * What a failed storage.sync write means. Chrome says "QUOTA_BYTES quota exceeded",
 * "QUOTA_BYTES_PER_ITEM quota exceeded", "MAX_ITEMS quota exceeded" or "MAX_WRITE_OPERATIONS_PER_MINUTE
 * quota exceeded"; Firefox throws a QuotaExceededError.
 */
export function classifyWriteError(error: unknown): { kind: WriteFailure; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (/WRITE_OPERATIONS/i.test(message)) return { kind: 'rate', message };
  if (/quota/i.test(message) || (error as { name?: string } | null)?.name === 'QuotaExceededError') return { kind: 'quota', message };
  return { kind: 'failed', message };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long to wait after the `failures`-th failed write in a row. */
export function retryDelay(kind: WriteFailure, message: string, failures: number): number {
  if (kind === 'rate') return /HOUR/i.test(message) ? HOUR : MINUTE;
  return Math.min(HOUR, MINUTE * 2 ** Math.max(0, failures - 1));
}
