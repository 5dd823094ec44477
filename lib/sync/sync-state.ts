import type { Stamp } from '@/lib/sync/clock';
import { arxivKey } from '@/lib/sync/codec/arxiv-key';
import { joinMarks, markView, pruneMark, recordMark, type MarkRegister, type NotInterestedMark } from '@/lib/sync/marks';
import {
  joinPapers,
  latestPaperStamp,
  paperView,
  prunePaper,
  recordPaperChange,
  resolveNoteConflict,
  samePaperState,
  sameSyncedPaper,
  type LocalPaper,
  type PaperState,
  type SyncedPaper,
} from '@/lib/sync/paper-state';
import { joinSettings, recordSetting, settingValue, type SettingRegister } from '@/lib/sync/synced-settings';

/**
 * Everything one browser knows of the synced library: per paper, per "not interested" mark and per
 * setting, the replicated registers. A shard's content is a SyncState too (holding that shard's part).
 * Functions named `record…`, `merge…` and `prune…` change the state in place and say what changed, so
 * the caller can persist just that.
 */
export interface SyncState {
  papers: Map<string, PaperState>;
  marks: Map<string, MarkRegister>;
  settings: Map<string, SettingRegister>;
}

export interface PaperChange {
  id: string;
  /** The paper's synced fields as the library should now hold them; undefined: remove it. */
  paper: SyncedPaper | undefined;
}

export interface MarkChange {
  id: string;
  mark: NotInterestedMark | undefined;
}

export interface SettingChange {
  name: string;
  value: unknown;
}

/** What the local library must change, in one transaction, after a merge. */
export interface LocalChanges {
  papers: PaperChange[];
  marks: MarkChange[];
  settings: SettingChange[];
}

/** The keys whose replicated state changed (to persist), by kind. */
export interface ChangedEntries {
  papers: string[];
  marks: string[];
  settings: string[];
}

export function emptySyncState(): SyncState {
  return { papers: new Map(), marks: new Map(), settings: new Map() };
}

export function isEmptyState(state: SyncState): boolean {
  return state.papers.size === 0 && state.marks.size === 0 && state.settings.size === 0;
}

/**
 * Records local library actions made at one stamp: for each paper, its row after the action, or
 * undefined if it left the library. Rows equal to what the state shows (a change that came from sync
 * itself) record nothing. Returns the ids whose state changed.
 */
export function recordLocalPapers(state: SyncState, papers: ReadonlyArray<{ id: string; after: LocalPaper | undefined }>, at: Stamp): string[] {
  const changed: string[] = [];
  for (const { id, after } of papers) {
    assertArxivId(id);
    const before = state.papers.get(id);
    const next = recordPaperChange(before, id, after, at);
    if (next === before) continue;
    if (next === undefined) state.papers.delete(id);
    else state.papers.set(id, next);
    changed.push(id);
  }
  return changed;
}

export function recordLocalMarks(state: SyncState, marks: ReadonlyArray<{ id: string; marked: boolean }>, at: Stamp): string[] {
  const changed: string[] = [];
  for (const { id, marked } of marks) {
    assertArxivId(id);
    const before = state.marks.get(id);
    const next = recordMark(before, id, marked, at);
    if (next === before || next === undefined) continue;
    state.marks.set(id, next);
    changed.push(id);
  }
  return changed;
}

export function recordLocalSettings(state: SyncState, values: ReadonlyMap<string, unknown>, at: Stamp): string[] {
  const changed: string[] = [];
  for (const [name, value] of values) {
    const before = state.settings.get(name);
    const next = recordSetting(before, name, value, at);
    if (next === before || next === undefined) continue;
    state.settings.set(name, next);
    changed.push(name);
  }
  return changed;
}

/**
 * Brings in a library that lived without sync (turning sync on): every row counts as written by this
 * browser at the row's own `updatedAt`, and is joined with what the state knows, so that an edit
 * another browser made later still wins, and otherwise the two unite (as an import does). Removals made
 * while sync was off have no date and are not carried. Returns, like `mergeInto`, what the library must
 * change (rows that gained tags or a note from the state); the clock must then observe `latestTime`.
 */
export function recordExistingLibrary(state: SyncState, rows: readonly LocalPaper[], replica: string): { changes: LocalChanges; changed: ChangedEntries } {
  const incoming = emptySyncState();
  for (const row of rows) {
    const fresh = recordPaperChange(undefined, row.id, row, { t: row.updatedAt, r: replica });
    if (fresh) incoming.papers.set(row.id, fresh);
  }
  return mergeInto(state, incoming);
}

/** The person saw the losing notes of these papers: keep the shown notes, forget the losers. */
export function resolveNoteConflicts(state: SyncState, ids: readonly string[]): string[] {
  const changed: string[] = [];
  for (const id of ids) {
    const before = state.papers.get(id);
    if (before === undefined) continue;
    const next = resolveNoteConflict(before);
    if (next === before) continue;
    state.papers.set(id, next);
    changed.push(id);
  }
  return changed;
}

/**
 * Merges what another browser published into `state`. Returns what the library must change (papers,
 * marks and settings whose shown value changed) and which entries of the state changed; an incoming
 * state that teaches nothing new changes nothing and asks for nothing.
 */
export function mergeInto(state: SyncState, incoming: SyncState): { changes: LocalChanges; changed: ChangedEntries } {
  const changes: LocalChanges = { papers: [], marks: [], settings: [] };
  const changed: ChangedEntries = { papers: [], marks: [], settings: [] };
  for (const [id, theirs] of incoming.papers) {
    const mine = state.papers.get(id);
    const next = mine === undefined ? theirs : joinPapers(mine, theirs);
    if (mine !== undefined && samePaperState(mine, next)) continue;
    state.papers.set(id, next);
    changed.papers.push(id);
    const [before, after] = [paperView(mine), paperView(next)];
    if (!sameSyncedPaper(before, after)) changes.papers.push({ id, paper: after });
  }
  for (const [id, theirs] of incoming.marks) {
    const mine = state.marks.get(id);
    const next = mine === undefined ? theirs : joinMarks(mine, theirs);
    if (next === mine) continue;
    state.marks.set(id, next);
    changed.marks.push(id);
    const [before, after] = [markView(mine), markView(next)];
    if (before?.markedAt !== after?.markedAt) changes.marks.push({ id, mark: after });
  }
  for (const [name, theirs] of incoming.settings) {
    const mine = state.settings.get(name);
    const next = mine === undefined ? theirs : joinSettings(mine, theirs);
    if (next === mine) continue;
    state.settings.set(name, next);
    changed.settings.push(name);
    if (mine?.value !== next.value) changes.settings.push({ name, value: settingValue(next) });
  }
  return { changes, changed };
}

/** The join of two states, leaving both as they are. */
export function joinStates(a: SyncState, b: SyncState): SyncState {
  return joinInto({ papers: new Map(a.papers), marks: new Map(a.marks), settings: new Map(a.settings) }, b);
}

/** Joins `b` into `joined` in place (without working out what the library must change). */
export function joinInto(joined: SyncState, b: SyncState): SyncState {
  for (const [id, theirs] of b.papers) {
    const mine = joined.papers.get(id);
    joined.papers.set(id, mine === undefined ? theirs : joinPapers(mine, theirs));
  }
  for (const [id, theirs] of b.marks) {
    const mine = joined.marks.get(id);
    joined.marks.set(id, mine === undefined ? theirs : joinMarks(mine, theirs));
  }
  for (const [name, theirs] of b.settings) {
    const mine = joined.settings.get(name);
    joined.settings.set(name, mine === undefined ? theirs : joinSettings(mine, theirs));
  }
  return joined;
}

/** Tombstones older than `horizon` (ms since the epoch) are forgotten. Returns the entries that changed. */
export function pruneState(state: SyncState, horizon: number): ChangedEntries {
  const changed: ChangedEntries = { papers: [], marks: [], settings: [] };
  for (const [id, paper] of state.papers) {
    const next = prunePaper(paper, horizon);
    if (next === paper) continue;
    if (next === undefined) state.papers.delete(id);
    else state.papers.set(id, next);
    changed.papers.push(id);
  }
  for (const [id, mark] of state.marks) {
    if (pruneMark(mark, horizon) !== undefined) continue;
    state.marks.delete(id);
    changed.marks.push(id);
  }
  return changed;
}

/** The library the state describes: papers in it, marks, settings. */
export function viewLibrary(state: SyncState): { papers: SyncedPaper[]; marks: NotInterestedMark[]; settings: Map<string, unknown> } {
  const papers: SyncedPaper[] = [];
  for (const paper of state.papers.values()) {
    const view = paperView(paper);
    if (view) papers.push(view);
  }
  const marks: NotInterestedMark[] = [];
  for (const mark of state.marks.values()) {
    const view = markView(mark);
    if (view) marks.push(view);
  }
  const settings = new Map([...state.settings].map(([name, reg]) => [name, settingValue(reg)]));
  return { papers, marks, settings };
}

/** The greatest stamp time in the state: a clock must observe it before the next local action. */
export function latestTime(state: SyncState): number {
  let latest = 0;
  for (const paper of state.papers.values()) latest = Math.max(latest, latestPaperStamp(paper)?.t ?? 0);
  for (const mark of state.marks.values()) latest = Math.max(latest, mark.at.t);
  for (const setting of state.settings.values()) latest = Math.max(latest, setting.at.t);
  return latest;
}

/** Only arXiv ids (as the paper model has them) can be synced; anything else is a bug upstream. */
function assertArxivId(id: string): void {
  if (arxivKey(id) === undefined) throw new RangeError(`"${id.slice(0, 40)}" is not an arXiv id; it cannot be synced`);
}
