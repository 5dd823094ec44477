import { compareStamps, type Stamp } from '@/lib/sync/clock';

/**
 * "Not interested" marks: papers the person dismissed (they are not in the library). A set replicated
 * as one last-writer-wins register per paper id: marking and unmarking on two browsers end as the later
 * action says. An unmark is a tombstone, forgotten after the pruning horizon.
 */
export interface MarkRegister {
  id: string;
  on: boolean;
  at: Stamp;
}

export interface NotInterestedMark {
  id: string;
  /** When it was marked (the stamp's time: wall-clock milliseconds of the marking browser, or just after). */
  markedAt: number;
}

export function joinMarks(a: MarkRegister, b: MarkRegister): MarkRegister {
  const order = compareStamps(a.at, b.at);
  if (order !== 0) return order > 0 ? a : b;
  return a.on || !b.on ? a : b;
}

export function markView(reg: MarkRegister | undefined): NotInterestedMark | undefined {
  return reg?.on ? { id: reg.id, markedAt: reg.at.t } : undefined;
}

/** The register after a local mark or unmark, or `reg` itself when it already says so. */
export function recordMark(reg: MarkRegister | undefined, id: string, marked: boolean, at: Stamp): MarkRegister | undefined {
  if ((reg?.on ?? false) === marked) return reg;
  return { id, on: marked, at };
}

export function pruneMark(reg: MarkRegister, horizon: number): MarkRegister | undefined {
  return !reg.on && reg.at.t < horizon ? undefined : reg;
}
