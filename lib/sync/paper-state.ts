import type { Paper } from '@/lib/paper/model';
import { LIMITS } from '@/lib/paper/limits';
import { tagKey as libraryTagKey, uniqueTags } from '@/lib/paper/tags';
import { compareStamps, isAfter, laterStamp, sameStamp, type Stamp } from '@/lib/sync/clock';
import { sameData } from '@/lib/sync/same-data';
import { joinNotes, latestNoteStamp, losingNote, noteAfterRemoval, noteText, pruneNote, writeNote, type NoteRegister } from '@/lib/sync/note-register';

/**
 * What a browser knows of one paper, replicated: every field carries the stamp of the action that last
 * set it, so two states join field by field whatever order they meet in.
 *
 * - `meta` (dates) is rewritten by every action that keeps the paper, so its stamp is the paper's last
 *   edit; `removed` is the last removal. The paper is in the library when its last edit is later than
 *   its last removal: a removal undoes what came before it, and an edit after a removal brings the paper
 *   back (with what that edit and later ones set, and the dates the editing browser had).
 * - each tag (by `tagKey`) is a last-writer-wins register, so adding and removing different tags in two
 *   browsers both count; a tag set before the paper's last removal is gone.
 * - the note is a multi-value register (note-register.ts): last writer wins, the loser is kept.
 *
 * States are kept canonical (`normalizePaper`): what a removal made moot is dropped, so equal knowledge
 * has one representation.
 */
export interface PaperMeta {
  at: Stamp;
  savedAt: number;
  updatedAt: number;
}

export interface TagRegister {
  /** The spelling, as the library writes it. */
  tag: string;
  on: boolean;
  at: Stamp;
}

export interface PaperState {
  id: string;
  meta?: PaperMeta;
  removed?: Stamp;
  /** One register per `tagKey`, sorted by key. */
  tags: TagRegister[];
  note?: NoteRegister;
}

/** The synced fields of a library paper. */
export type LocalPaper = Pick<Paper, 'id' | 'tags' | 'note' | 'savedAt' | 'updatedAt'>;

/** A paper as the replicated state has it: the synced fields, and a losing note to show once. */
export interface SyncedPaper extends LocalPaper {
  noteConflict?: string;
}

export function joinPapers(a: PaperState, b: PaperState): PaperState {
  // Most joins meet a copy of what is already known.
  if (samePaperState(a, b)) return a;
  return normalizePaper({
    id: a.id,
    meta: laterMeta(a.meta, b.meta),
    removed: laterStamp(a.removed, b.removed),
    tags: [...a.tags, ...b.tags],
    note: joinNotes(a.note, b.note),
  });
}

/**
 * Keeps one register per tag (the later), drops what the last removal made moot and sorts tags, so
 * that equal knowledge looks the same.
 */
export function normalizePaper(state: PaperState): PaperState {
  const { removed } = state;
  const meta = state.meta && isAfter(state.meta.at, removed) ? state.meta : undefined;
  const byKey = new Map<string, TagRegister>();
  for (const reg of state.tags) {
    if (!isAfter(reg.at, removed)) continue;
    const key = tagKey(reg.tag);
    const other = byKey.get(key);
    if (other === undefined || laterTag(reg, other)) byKey.set(key, reg);
  }
  const tags = [...byKey.values()].sort(byTagKey);
  const note = noteAfterRemoval(state.note, removed);
  return withOptional({ id: state.id, tags }, meta, removed, note);
}

/** The paper as the library should hold it, or undefined when it is not in the library. */
export function paperView(state: PaperState | undefined): SyncedPaper | undefined {
  if (state?.meta === undefined) return undefined;
  const shown = state.tags
    .filter((reg) => reg.on)
    .sort((x, y) => compareStamps(x.at, y.at) || byTagKey(x, y))
    // A merge can unite more tags than a paper may hold: the first ones added stay, the same everywhere.
    .slice(0, LIMITS.tagsPerPaper);
  const paper: SyncedPaper = {
    id: state.id,
    tags: shown.map((reg) => reg.tag),
    note: noteText(state.note),
    savedAt: state.meta.savedAt,
    updatedAt: state.meta.updatedAt,
  };
  const conflict = losingNote(state.note);
  if (conflict !== undefined) paper.noteConflict = conflict;
  return paper;
}

/**
 * Records a local change of one paper: `after` is the library's row after the action (undefined when
 * the paper left the library). Compares with what the state shows, so only real changes get the stamp;
 * returns `state` itself when nothing changed.
 */
export function recordPaperChange(state: PaperState | undefined, id: string, after: LocalPaper | undefined, at: Stamp): PaperState | undefined {
  const view = paperView(state);
  if (after === undefined) return view === undefined ? state : normalizePaper({ ...state!, removed: at });
  if (view !== undefined && sameSyncedFields(view, after)) return state;

  const tags = new Map((state?.tags ?? []).map((reg) => [tagKey(reg.tag), reg]));
  const wanted = new Map(uniqueTags(after.tags).map((tag) => [tagKey(tag), tag]));
  for (const shown of view?.tags ?? []) {
    const key = tagKey(shown);
    if (!wanted.has(key)) tags.set(key, { tag: shown, on: false, at });
  }
  for (const [key, tag] of wanted) {
    const reg = tags.get(key);
    if (reg === undefined || !reg.on || reg.tag !== tag) tags.set(key, { tag, on: true, at });
  }
  const note = after.note === (view?.note ?? '') ? state?.note : writeNote(state?.note, after.note, at);
  return normalizePaper(
    withOptional({ id, tags: [...tags.values()] }, { at, savedAt: after.savedAt, updatedAt: after.updatedAt }, state?.removed, note),
  );
}

/**
 * The person has seen the losing note: it is dropped, and since this state has seen it, joining with a
 * state that still holds it drops it there too. Not an edit: no stamp, and the shown note keeps its own.
 */
export function resolveNoteConflict(state: PaperState): PaperState {
  if (losingNote(state.note) === undefined) return state;
  return { ...state, note: { versions: state.note!.versions.slice(0, 1), seen: state.note!.seen } };
}

/**
 * Forgets tombstones older than `horizon` (ms): a removed paper entirely, removed tags, an emptied note.
 * Safe while every browser syncs more often than the horizon (see README: pruning).
 */
export function prunePaper(state: PaperState, horizon: number): PaperState | undefined {
  if (state.meta === undefined) return state.removed !== undefined && state.removed.t < horizon ? undefined : state;
  const tags = state.tags.filter((reg) => reg.on || reg.at.t >= horizon);
  const removed = state.removed !== undefined && state.removed.t < horizon ? undefined : state.removed;
  const note = pruneNote(state.note, horizon);
  if (tags.length === state.tags.length && removed === state.removed && note === state.note) return state;
  return withOptional({ id: state.id, tags }, state.meta, removed, note);
}

/** The latest stamp anywhere in the state (for the clock, and to rank tombstones). */
export function latestPaperStamp(state: PaperState): Stamp | undefined {
  let latest = laterStamp(state.meta?.at, state.removed);
  for (const reg of state.tags) latest = laterStamp(latest, reg.at);
  for (const s of state.note?.seen ?? []) latest = laterStamp(latest, s);
  return laterStamp(latest, latestNoteStamp(state.note));
}

export function sameSyncedFields(a: LocalPaper, b: LocalPaper): boolean {
  if (a.note !== b.note || a.savedAt !== b.savedAt || a.updatedAt !== b.updatedAt) return false;
  const tagsA = new Map(uniqueTags(a.tags).map((t) => [tagKey(t), t]));
  const tagsB = uniqueTags(b.tags);
  return tagsA.size === tagsB.length && tagsB.every((t) => tagsA.get(tagKey(t)) === t);
}

export function sameSyncedPaper(a: SyncedPaper | undefined, b: SyncedPaper | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return sameSyncedFields(a, b) && a.noteConflict === b.noteConflict;
}

/** Structural equality of two canonical states (written out: merging and planning call it for every paper). */
export function samePaperState(a: PaperState, b: PaperState): boolean {
  if (a === b) return true;
  if (a.id !== b.id || !sameStamp(a.removed, b.removed) || a.tags.length !== b.tags.length) return false;
  if (a.meta !== b.meta) {
    if (a.meta === undefined || b.meta === undefined || !sameStamp(a.meta.at, b.meta.at)) return false;
    if (a.meta.savedAt !== b.meta.savedAt || a.meta.updatedAt !== b.meta.updatedAt) return false;
  }
  for (let i = 0; i < a.tags.length; i++) {
    const [x, y] = [a.tags[i]!, b.tags[i]!];
    if (x.tag !== y.tag || x.on !== y.on || !sameStamp(x.at, y.at)) return false;
  }
  return a.note === b.note || sameData(a.note, b.note);
}

const tagKeys = new Map<string, string>();

/** The library's `tagKey`, remembered: merging compares the same few spellings over and over. */
function tagKey(tag: string): string {
  let key = tagKeys.get(tag);
  if (key === undefined) {
    if (tagKeys.size >= 10_000) tagKeys.clear();
    key = libraryTagKey(tag);
    tagKeys.set(tag, key);
  }
  return key;
}

function laterTag(a: TagRegister, b: TagRegister): boolean {
  const order = compareStamps(a.at, b.at);
  if (order !== 0) return order > 0;
  // Equal stamps mean one action; should the contents ever differ, every browser picks the same one.
  return a.on !== b.on ? a.on : a.tag > b.tag;
}

function laterMeta(a: PaperMeta | undefined, b: PaperMeta | undefined): PaperMeta | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const order = compareStamps(a.at, b.at);
  if (order !== 0) return order > 0 ? a : b;
  return a.savedAt !== b.savedAt ? (a.savedAt > b.savedAt ? a : b) : a.updatedAt >= b.updatedAt ? a : b;
}

function byTagKey(a: TagRegister, b: TagRegister): number {
  const ka = tagKey(a.tag);
  const kb = tagKey(b.tag);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Builds a state without `undefined` fields, so that equal states compare equal. */
function withOptional(
  base: { id: string; tags: TagRegister[] },
  meta: PaperMeta | undefined,
  removed: Stamp | undefined,
  note: NoteRegister | undefined,
): PaperState {
  return {
    id: base.id,
    ...(meta === undefined ? {} : { meta }),
    ...(removed === undefined ? {} : { removed }),
    tags: base.tags,
    ...(note === undefined ? {} : { note }),
  };
}
