import { compareStamps, isAfter, type Stamp } from '@/lib/sync/clock';

/**
 * A paper's note as a multi-value register. Each write is a version named by its stamp; `seen` holds,
 * per replica, the latest note write this state has merged. A version another state has seen but no
 * longer holds was overwritten there knowingly; a version it has not seen was written concurrently and
 * stays beside the other as a sibling. The newest version is the note (last writer wins); an older
 * sibling is the losing note, kept until someone writes the note again or dismisses the conflict.
 */
export interface NoteVersion {
  text: string;
  at: Stamp;
}

export interface NoteRegister {
  /** Concurrent versions, newest first; one unless two browsers edited the note unaware of each other. */
  versions: NoteVersion[];
  /** Per replica, the stamp of its latest note write merged here (one entry per replica, by replica id). */
  seen: Stamp[];
}

/** The register after a local write: the new version replaces every version this browser holds. */
export function writeNote(register: NoteRegister | undefined, text: string, at: Stamp): NoteRegister {
  return { versions: [{ text, at }], seen: withSeen(register?.seen ?? [], at) };
}

export function joinNotes(a: NoteRegister | undefined, b: NoteRegister | undefined): NoteRegister | undefined {
  if (a === undefined || a === b) return b;
  if (b === undefined) return a;
  const kept = new Map<string, NoteVersion>();
  const keep = (v: NoteVersion) => {
    const key = `${v.at.t}:${v.at.r}`;
    const other = kept.get(key);
    // One stamp names one write; should two texts ever carry it, both sides still pick the same one.
    if (other === undefined || v.text > other.text) kept.set(key, v);
  };
  for (const v of a.versions) if (holds(b, v.at) || !covers(b.seen, v.at)) keep(v);
  for (const v of b.versions) if (holds(a, v.at) || !covers(a.seen, v.at)) keep(v);
  let seen = a.seen;
  for (const s of b.seen) seen = withSeen(seen, s);
  return { versions: [...kept.values()].sort((x, y) => compareStamps(y.at, x.at)), seen };
}

/**
 * Drops what a removal of the paper at `removed` made moot: versions written before it, and what is
 * remembered of them. Returns undefined when nothing is left.
 */
export function noteAfterRemoval(register: NoteRegister | undefined, removed: Stamp | undefined): NoteRegister | undefined {
  if (register === undefined || removed === undefined) return register;
  const versions = register.versions.filter((v) => isAfter(v.at, removed));
  const seen = register.seen.filter((s) => isAfter(s, removed));
  if (versions.length === register.versions.length && seen.length === register.seen.length) return register;
  return seen.length === 0 ? undefined : { versions, seen };
}

/**
 * Forgets what is older than `horizon` (ms) and no longer shown: an emptied note, and the memory of
 * overwritten versions. A version still shown is kept whatever its age.
 */
export function pruneNote(register: NoteRegister | undefined, horizon: number): NoteRegister | undefined {
  if (register === undefined) return undefined;
  const only = register.versions.length === 1 ? register.versions[0]! : undefined;
  if (register.versions.length === 0 || (only && only.text === '' && only.at.t < horizon)) {
    if (register.seen.every((s) => s.t < horizon)) return undefined;
  }
  const seen = register.seen.filter((s) => s.t >= horizon || register.versions.some((v) => v.at.r === s.r && v.at.t === s.t));
  return seen.length === register.seen.length ? register : { versions: register.versions, seen };
}

/** The note shown: the newest version's text. */
export function noteText(register: NoteRegister | undefined): string {
  return register?.versions[0]?.text ?? '';
}

/** The losing note of a conflict, if a concurrent version holds text the shown note does not. */
export function losingNote(register: NoteRegister | undefined): string | undefined {
  if (register === undefined || register.versions.length < 2) return undefined;
  const shown = register.versions[0]!.text;
  return register.versions.slice(1).find((v) => v.text !== '' && v.text !== shown)?.text;
}

export function latestNoteStamp(register: NoteRegister | undefined): Stamp | undefined {
  return register?.versions[0]?.at;
}

function covers(seen: readonly Stamp[], at: Stamp): boolean {
  return seen.some((s) => s.r === at.r && s.t >= at.t);
}

function holds(register: NoteRegister, at: Stamp): boolean {
  return register.versions.some((v) => v.at.r === at.r && v.at.t === at.t);
}

function withSeen(seen: readonly Stamp[], at: Stamp): Stamp[] {
  const i = seen.findIndex((s) => s.r === at.r);
  if (i >= 0 && seen[i]!.t >= at.t) return seen as Stamp[];
  const next = seen.filter((s) => s.r !== at.r);
  next.push(at);
  return next.sort((x, y) => (x.r < y.r ? -1 : x.r > y.r ? 1 : 0));
}
