import { LIMITS } from '@/lib/paper/limits';
import { tagKey, withoutTag, withTag } from '@/lib/paper/tags';
import { applyRemoteItems } from '@/lib/sync/apply-remote';
import { withSyncedFields } from '@/lib/sync/local-rows';
import { compareStamps, newClock, observe, tick, type HybridClock, type Stamp } from '@/lib/sync/clock';
import type { LocalPaper, SyncedPaper } from '@/lib/sync/paper-state';
import { emptySyncState, latestTime, recordLocalMarks, recordLocalPapers, resolveNoteConflicts, viewLibrary, type LocalChanges, type SyncState } from '@/lib/sync/sync-state';
import { planWrites, type WritePlan } from '@/lib/sync/write-plan';

/**
 * Browsers syncing through a simulated storage.sync: a key/value store where the last write of a key
 * wins whole, and change notifications that each browser receives late, out of order, twice, or after
 * being lost and sent again. Each browser keeps a library (its rows) and a sync state, as the
 * extension will; every local action is also written to a log, to compute independently what the
 * library must be once everyone has heard everything.
 */

export const PAPER_IDS = ['2401.00001', '2312.12345', '1412.3456', '2605.54321'];
export const TAG_SPELLINGS = ['LLM', 'llm', 'Vision', 'to read', 'RL'];
export const NOTES = ['', 'read later', 'Great ablations', 'ünïcode ✓ note'];

export type Action = 'save' | 'unsave' | 'addTag' | 'removeTag' | 'respell' | 'setNote' | 'resolve' | 'mark' | 'unmark';

interface Notification {
  key: string;
  value: unknown;
}

export class Browser {
  clock: HybridClock;
  state: SyncState = emptySyncState();
  rows = new Map<string, LocalPaper & { noteConflict?: string }>();
  marks = new Map<string, number>();
  /** What this browser believes storage.sync holds (from its reads and notifications). */
  seen: Record<string, unknown> = {};
  inbox: Notification[] = [];
  skew = 0;
  /** Times a merge brought a note conflict to show. */
  conflictsShown = 0;

  constructor(readonly name: string) {
    this.clock = newClock(name);
  }

  stamp(now: number): Stamp {
    const known = latestTime(this.state);
    const [stamp, clock] = tick(this.clock, now + this.skew);
    // An action comes after everything its browser has heard of, whatever its wall clock says.
    expect(stamp.t).toBeGreaterThan(known);
    this.clock = clock;
    return stamp;
  }

  /** Applies items heard from the store, as the background will: merge, then change the library. */
  hear(items: Record<string, unknown>): LocalChanges {
    const applied = applyRemoteItems(this.state, items);
    this.clock = observe(this.clock, applied.latestTime);
    Object.assign(this.seen, items);
    for (const { id, paper } of applied.changes.papers) {
      if (paper === undefined) this.rows.delete(id);
      else {
        if (paper.noteConflict !== undefined && this.rows.get(id)?.noteConflict === undefined) this.conflictsShown++;
        const { noteConflict: _, ...row } = this.rows.get(id) ?? paper;
        this.rows.set(id, { ...withSyncedFields(row, paper), ...(paper.noteConflict === undefined ? {} : { noteConflict: paper.noteConflict }) });
      }
    }
    for (const { id, mark } of applied.changes.marks) {
      if (mark === undefined) this.marks.delete(id);
      else this.marks.set(id, mark.markedAt);
    }
    return applied.changes;
  }
}

/** A logged library action, to replay in stamp order (the reference result). */
type LoggedAction =
  | { at: Stamp; id: string; kind: 'remove' }
  | { at: Stamp; id: string; kind: 'edit'; savedAt: number; updatedAt: number; tagsOn: string[]; tagsOff: string[]; note?: string }
  | { at: Stamp; id: string; kind: 'mark'; marked: boolean };

export class World {
  now = Date.UTC(2026, 0, 5, 9);
  store = new Map<string, unknown>();
  log: LoggedAction[] = [];
  writes = 0;
  /** Note conflicts the person dismissed. */
  resolved = 0;
  /** Writes that replaced a value the writer had not heard of (a concurrent write lost at the store). */
  overwrites = 0;

  constructor(readonly browsers: Browser[]) {}

  /** One person's action on one browser's library, recorded into its sync state. */
  act(browser: Browser, action: Action, id: string, tag: string, note: string): void {
    const row = browser.rows.get(id);
    const before = row && strip(row);
    const now = this.now + browser.skew;
    let after: LocalPaper | undefined = before;
    switch (action) {
      case 'save':
        after = before ? { ...before, updatedAt: now } : { id, tags: [], note: '', savedAt: now, updatedAt: now };
        break;
      case 'unsave':
        after = undefined;
        break;
      case 'addTag':
        if (before && before.tags.length >= LIMITS.tagsPerPaper) return;
        after = before ? { ...before, tags: withTag(before.tags, tag), updatedAt: now } : { id, tags: [tag], note: '', savedAt: now, updatedAt: now };
        break;
      case 'removeTag':
        if (before) after = { ...before, tags: withoutTag(before.tags, tag), updatedAt: now };
        break;
      case 'respell':
        if (before) after = { ...before, tags: before.tags.map((t) => (tagKey(t) === tagKey(tag) ? tag : t)), updatedAt: now };
        break;
      case 'setNote':
        if (before) after = { ...before, note, updatedAt: now };
        break;
      case 'resolve': {
        // The person dismissed "This note changed on another browser" (on whichever paper shows it).
        const shown = row?.noteConflict !== undefined ? row : [...browser.rows.values()].find((r) => r.noteConflict !== undefined);
        if (shown === undefined) return;
        // Not an edit: it changes what is shown, not the library (nothing to log).
        expect(resolveNoteConflicts(browser.state, [shown.id])).toEqual([shown.id]);
        browser.rows.set(shown.id, strip(shown));
        this.resolved++;
        return;
      }
      case 'mark':
      case 'unmark': {
        const marked = action === 'mark';
        if (browser.marks.has(id) === marked) return;
        const at = browser.stamp(this.now);
        expect(recordLocalMarks(browser.state, [{ id, marked }], at)).toEqual([id]);
        if (marked) browser.marks.set(id, at.t);
        else browser.marks.delete(id);
        this.log.push({ at, id, kind: 'mark', marked });
        return;
      }
    }
    if (before === undefined && after === undefined) return;
    const at = browser.stamp(this.now);
    const changed = recordLocalPapers(browser.state, [{ id, after }], at);
    const logged = logEntry(at, id, before, after);
    // The state records a change exactly when the library's synced fields changed.
    expect(changed.length).toBe(logged ? 1 : 0);
    if (logged) this.log.push(logged);
    if (after === undefined) browser.rows.delete(id);
    // A local note edit settles a conflict; any other edit leaves it showing.
    else browser.rows.set(id, { ...after, ...(row?.noteConflict !== undefined && after.note === row.note ? { noteConflict: row.noteConflict } : {}) });
  }

  /** The browser writes what its plan asks; every browser (itself included) is told. */
  publish(browser: Browser): WritePlan {
    const plan = planWrites(browser.state, browser.seen, { now: this.now });
    for (const key of Object.keys(plan.set)) if (this.store.has(key) && this.store.get(key) !== browser.seen[key]) this.overwrites++;
    for (const [key, value] of Object.entries(plan.set)) this.write(key, value);
    for (const key of plan.remove) this.write(key, undefined);
    return plan;
  }

  private write(key: string, value: unknown) {
    this.writes++;
    if (value === undefined) this.store.delete(key);
    else this.store.set(key, value);
    for (const b of this.browsers) b.inbox.push({ key, value });
  }

  /** Delivers one notification from the browser's inbox: `pick` chooses which (so order is random). */
  deliver(browser: Browser, pick: number, mode: 'deliver' | 'duplicate' | 'drop'): void {
    if (browser.inbox.length === 0) return;
    const [note] = browser.inbox.splice(pick % browser.inbox.length, 1);
    if (mode === 'drop') {
      browser.inbox.push(note!); // lost, and sent again later
      return;
    }
    if (mode === 'duplicate') browser.inbox.push(note!);
    // A removal notification carries no value: it removes nothing.
    const changes = browser.hear(note!.value === undefined ? {} : { [note!.key]: note!.value });
    expectNoEcho(browser, changes);
    if (note!.value === undefined) delete browser.seen[note!.key];
  }

  /** storage.sync.get(null): the browser reads everything and merges it. */
  readAll(browser: Browser): void {
    browser.seen = {};
    expectNoEcho(browser, browser.hear(Object.fromEntries(this.store)));
  }

  /** Everyone hears everything until nobody has anything to write; returns the rounds it took. */
  settle(maxRounds = 8): number {
    for (let round = 1; round <= maxRounds; round++) {
      for (const b of this.browsers) while (b.inbox.length > 0) this.deliver(b, 0, 'deliver');
      const before = this.writes;
      for (const b of this.browsers) {
        this.readAll(b);
        this.publish(b);
      }
      if (this.writes === before) return round;
    }
    throw new Error(`Still writing after ${maxRounds} rounds`);
  }

  /** The library and marks the logged actions give when replayed in stamp order. */
  expected(): { papers: SyncedPaper[]; marks: string[] } {
    const papers = new Map<string, { tags: Map<string, string>; note: string; savedAt: number; updatedAt: number }>();
    const marks = new Map<string, boolean>();
    for (const entry of [...this.log].sort((a, b) => compareStamps(a.at, b.at))) {
      if (entry.kind === 'mark') marks.set(entry.id, entry.marked);
      else if (entry.kind === 'remove') papers.delete(entry.id);
      else {
        const paper = papers.get(entry.id) ?? { tags: new Map(), note: '', savedAt: 0, updatedAt: 0 };
        paper.savedAt = entry.savedAt;
        paper.updatedAt = entry.updatedAt;
        for (const key of entry.tagsOff) paper.tags.delete(key);
        for (const tag of entry.tagsOn) paper.tags.set(tagKey(tag), tag);
        if (entry.note !== undefined) paper.note = entry.note;
        papers.set(entry.id, paper);
      }
    }
    return {
      papers: [...papers].map(([id, p]) => ({ id, tags: [...p.tags.values()], note: p.note, savedAt: p.savedAt, updatedAt: p.updatedAt })),
      marks: [...marks].filter(([, on]) => on).map(([id]) => id),
    };
  }
}

function strip(paper: LocalPaper): LocalPaper {
  return { id: paper.id, tags: paper.tags, note: paper.note, savedAt: paper.savedAt, updatedAt: paper.updatedAt };
}

/** What changed between two library rows, field by field, as a log entry (undefined: nothing). */
function logEntry(at: Stamp, id: string, before: LocalPaper | undefined, after: LocalPaper | undefined): LoggedAction | undefined {
  if (after === undefined) return before ? { at, id, kind: 'remove' } : undefined;
  const old = new Map((before?.tags ?? []).map((t) => [tagKey(t), t]));
  const now = new Map(after.tags.map((t) => [tagKey(t), t]));
  const tagsOn = [...now].filter(([key, t]) => old.get(key) !== t).map(([, t]) => t);
  const tagsOff = [...old.keys()].filter((key) => !now.has(key));
  const noteChanged = after.note !== (before?.note ?? '');
  const same = before && !noteChanged && tagsOn.length === 0 && tagsOff.length === 0 && before.savedAt === after.savedAt && before.updatedAt === after.updatedAt;
  if (same) return undefined;
  return { at, id, kind: 'edit', savedAt: after.savedAt, updatedAt: after.updatedAt, tagsOn, tagsOff, ...(noteChanged ? { note: after.note } : {}) };
}

/** Applying what came from sync to the library must not look like a local change. */
function expectNoEcho(browser: Browser, changes: LocalChanges): void {
  const probe = structuredClone(browser.clock);
  const [at] = tick(probe, Number.MAX_SAFE_INTEGER / 2);
  const rows = changes.papers.map(({ id }) => ({ id, after: browser.rows.get(id) }));
  expect(recordLocalPapers(browser.state, rows, at)).toEqual([]);
}

/** A browser's library, sorted and normalised for comparison. */
export function libraryOf(browser: Browser): { papers: SyncedPaper[]; marks: string[] } {
  return {
    papers: [...browser.rows.values()].map((p) => sortedPaper(p)).sort(byId),
    marks: [...browser.marks.keys()].sort(),
  };
}

export function viewOf(state: SyncState): { papers: SyncedPaper[]; marks: string[] } {
  const view = viewLibrary(state);
  return { papers: view.papers.map((p) => sortedPaper(p)).sort(byId), marks: view.marks.map((m) => m.id).sort() };
}

export function sortedPaper(p: SyncedPaper, withConflict = true): SyncedPaper {
  const paper: SyncedPaper = { id: p.id, tags: [...p.tags].sort(), note: p.note, savedAt: p.savedAt, updatedAt: p.updatedAt };
  if (withConflict && p.noteConflict !== undefined) paper.noteConflict = p.noteConflict;
  return paper;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
