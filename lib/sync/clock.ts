/**
 * Hybrid logical clock. A stamp is (t, r): `t` is milliseconds since the epoch, kept ahead of every
 * stamp this browser has made or heard of, and `r` the replica (browser) that made it. Stamps order
 * every action of every browser: by `t`, then by replica id so that ties break the same way everywhere.
 *
 * `t` follows the wall clock while it can (so "later" means later for people), and moves on by one
 * millisecond when the wall clock is behind what this browser already saw (so an action always comes
 * after everything it could have seen).
 */

export interface Stamp {
  /** Hybrid time: wall-clock milliseconds, or one more than the latest stamp seen. */
  t: number;
  /** The replica that made the stamp. */
  r: string;
}

export interface HybridClock {
  replica: string;
  /** The greatest `t` made or observed so far. */
  last: number;
}

export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.t !== b.t) return a.t < b.t ? -1 : 1;
  return a.r < b.r ? -1 : a.r > b.r ? 1 : 0;
}

export function isAfter(a: Stamp, b: Stamp | undefined): boolean {
  return b === undefined || compareStamps(a, b) > 0;
}

export function laterStamp(a: Stamp | undefined, b: Stamp | undefined): Stamp | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareStamps(a, b) >= 0 ? a : b;
}

export function sameStamp(a: Stamp | undefined, b: Stamp | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.t === b.t && a.r === b.r);
}

export function newClock(replica: string, last = 0): HybridClock {
  return { replica, last };
}

/** The stamp of a local action happening at wall time `now`, and the clock after it. */
export function tick(clock: HybridClock, now: number): [Stamp, HybridClock] {
  const t = Math.max(Math.floor(now), clock.last + 1);
  return [{ t, r: clock.replica }, { replica: clock.replica, last: t }];
}

/** The clock after hearing of a stamp made elsewhere, so that later local actions come after it. */
export function observe(clock: HybridClock, t: number): HybridClock {
  return t > clock.last ? { replica: clock.replica, last: t } : clock;
}

const REPLICA_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh replica id: 10 random characters (about 52 bits), made once per browser profile. */
export function newReplicaId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(10));
  return Array.from(bytes, (b) => REPLICA_ALPHABET[b % REPLICA_ALPHABET.length]).join('');
}

/** Replica ids are short printable names; anything else in a synced item means the item is damaged. */
export function isReplicaId(value: string): boolean {
  return /^[a-z0-9]{1,32}$/.test(value);
}
