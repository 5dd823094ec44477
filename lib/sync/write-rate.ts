/**
 * When storage.sync may be written. Chrome allows 120 write operations (set, remove, clear) a minute
 * and 1,800 an hour, whatever the number of keys in each; past that a call fails. Writes are therefore
 * batched: every changed item goes in one `set` (and one `remove`), after the person's changes have
 * settled for a moment, and never faster than the policy's limits, which stay well under Chrome's.
 */

export const CHROME_WRITE_LIMITS = { perMinute: 120, perHour: 1_800 } as const;

export interface WritePolicy {
  perMinute: number;
  perHour: number;
  /** Quiet time after the last change before writing, so a burst of edits makes one batch. */
  settleMs: number;
  /** A batch waits for quiet no longer than this after its first change. */
  maxDelayMs: number;
  /** Between two batches, at least this long. */
  minGapMs: number;
}

export const DEFAULT_WRITE_POLICY: WritePolicy = {
  perMinute: 60,
  perHour: 1_200,
  settleMs: 2_000,
  maxDelayMs: 10_000,
  minGapMs: 3_000,
};

const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface PendingBatch {
  /** When the first and the last of the changes waiting to be written happened. */
  firstChangeAt: number;
  lastChangeAt: number;
  /** Write operations the batch needs (1 for a set, 2 for a set and a remove). */
  operations: number;
}

/**
 * The earliest time the pending batch may go, given when past operations went (`past`, any order).
 * Never earlier than `now`.
 */
export function nextBatchAt(past: readonly number[], now: number, batch: PendingBatch, policy: WritePolicy = DEFAULT_WRITE_POLICY): number {
  if (batch.operations > policy.perMinute || batch.operations > policy.perHour) throw new RangeError('A batch larger than the write limits');
  const times = past.filter((t) => t > now - HOUR).sort((a, b) => a - b);
  const settled = Math.min(batch.lastChangeAt + policy.settleMs, batch.firstChangeAt + policy.maxDelayMs);
  let at = Math.max(now, settled, (times[times.length - 1] ?? -Infinity) + policy.minGapMs);
  // Each window must have room for the batch: wait until enough past operations have left it.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [window, limit] of [[MINUTE, policy.perMinute], [HOUR, policy.perHour]] as const) {
      const inWindow = times.filter((t) => t > at - window);
      const excess = inWindow.length + batch.operations - limit;
      if (excess > 0) {
        at = inWindow[excess - 1]! + window;
        changed = true;
      }
    }
  }
  return at;
}

/** The record of past operations after a batch of `operations` went at `at` (older than an hour dropped). */
export function recordBatch(past: readonly number[], at: number, operations: number): number[] {
  return [...past.filter((t) => t > at - HOUR), ...Array<number>(operations).fill(at)];
}

/** Operations a plan needs: one `set` for all its items, one `remove` for all its removals. */
export function operationsOf(plan: { set: Record<string, unknown>; remove: readonly string[] }): number {
  return Number(Object.keys(plan.set).length > 0) + Number(plan.remove.length > 0);
}
