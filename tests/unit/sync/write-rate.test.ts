// @vitest-environment node
import fc from 'fast-check';
import { CHROME_WRITE_LIMITS, DEFAULT_WRITE_POLICY, nextBatchAt, operationsOf, recordBatch } from '@/lib/sync/write-rate';

const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const T = Date.UTC(2026, 10, 20, 12);
const policy = DEFAULT_WRITE_POLICY;

describe('when the next batch of writes may go', () => {
  it('waits for the changes to settle, but not forever', () => {
    expect(nextBatchAt([], T, { firstChangeAt: T, lastChangeAt: T, operations: 1 })).toBe(T + policy.settleMs);
    // Changes every second for a minute: the batch goes maxDelay after the first.
    expect(nextBatchAt([], T + 60_000, { firstChangeAt: T, lastChangeAt: T + 60_000, operations: 1 })).toBe(T + 60_000);
    expect(nextBatchAt([], T + 9_000, { firstChangeAt: T, lastChangeAt: T + 9_000, operations: 1 })).toBe(T + policy.maxDelayMs);
  });

  it('leaves a gap after the last batch', () => {
    expect(nextBatchAt([T], T, { firstChangeAt: T - 10_000, lastChangeAt: T - 10_000, operations: 1 })).toBe(T + policy.minGapMs);
  });

  it('waits until a minute\'s writes leave room', () => {
    const past = Array.from({ length: policy.perMinute }, (_, i) => T - 59_000 + i * 100);
    const at = nextBatchAt(past, T, { firstChangeAt: T - 10_000, lastChangeAt: T - 10_000, operations: 1 });
    expect(at).toBe(past[0]! + 60_000);
    expect(past.filter((t) => t > at - 60_000).length + 1).toBeLessThanOrEqual(policy.perMinute);
  });

  it('waits until an hour\'s writes leave room', () => {
    const past = Array.from({ length: policy.perHour }, (_, i) => T - 3_500_000 + i * 1000);
    const at = nextBatchAt(past, T, { firstChangeAt: T, lastChangeAt: T, operations: 2 });
    expect(past.filter((t) => t > at - 3_600_000).length + 2).toBeLessThanOrEqual(policy.perHour);
    expect(at).toBe(past[1]! + 3_600_000);
  });

  it('counts a set and a remove as two operations, however many keys', () => {
    expect(operationsOf({ set: { a: 1, b: 2, c: 3 }, remove: [] })).toBe(1);
    expect(operationsOf({ set: { a: 1 }, remove: ['x', 'y'] })).toBe(2);
    expect(operationsOf({ set: {}, remove: [] })).toBe(0);
  });

  it('keeps any stream of changes within Chrome\'s limits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4_000 }), { minLength: 1, maxLength: 3000, size: 'max' }), fc.integer({ min: 1, max: 2 }), (gaps, operations) => {
        // A person (or a script) changes things at these intervals; the service writes as allowed.
        let past: number[] = [];
        const sent: number[] = [];
        let now = T;
        let pending: { firstChangeAt: number; lastChangeAt: number; operations: number } | undefined;
        for (const gap of gaps) {
          now += gap;
          while (pending) {
            const at = nextBatchAt(past, pending.lastChangeAt, pending);
            if (at > now) break;
            past = recordBatch(past, at, operations);
            sent.push(...Array<number>(operations).fill(at));
            pending = undefined;
          }
          pending = pending ? { ...pending, lastChangeAt: now } : { firstChangeAt: now, lastChangeAt: now, operations };
        }
        // Operations in any minute and any hour ending at an operation (`sent` is in time order).
        for (const [window, limit] of [[60_000, CHROME_WRITE_LIMITS.perMinute], [3_600_000, CHROME_WRITE_LIMITS.perHour]] as const) {
          let [first, most] = [0, 0];
          for (let i = 0; i < sent.length; i++) {
            while (sent[first]! <= sent[i]! - window) first++;
            most = Math.max(most, i - first + 1);
          }
          expect(most).toBeLessThanOrEqual(limit);
        }
      }),
      { numRuns: 10, seed: FUZZ_SEED },
    );
  });
});
