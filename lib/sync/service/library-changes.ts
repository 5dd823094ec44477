import type { LibraryDatabase } from '@/lib/library/schema';
import type { PaperMetadata } from '@/lib/paper/model';
import { placeholderPaper } from '@/lib/paper/paper';
import { withSyncedFields } from '@/lib/sync/local-rows';
import { markView } from '@/lib/sync/marks';
import { paperView, sameSyncedFields, type LocalPaper } from '@/lib/sync/paper-state';
import type { LocalChanges, MarkChange, PaperChange, SyncState } from '@/lib/sync/sync-state';
import { SYNC_READER } from '@/lib/sync/service/sync-store';

/**
 * Between the library's tables and the replicated state, inside one transaction: which papers local
 * actions changed since sync last looked (read from the change log, which every write to the papers
 * appends to in its own transaction, whoever wrote: the background, the settings page, an import),
 * and the library rows a remote change asks for.
 */

type PaperRecordChange = { id: string; after: LocalPaper | undefined };

/**
 * The papers changed since sync last read the change log, as they are now; null when nothing was
 * logged. An entry that cannot say which papers changed (a cleared table, a huge import) means the
 * whole library, compared with the state.
 */
export async function papersChangedSince(db: LibraryDatabase, state: SyncState): Promise<PaperRecordChange[] | null> {
  const reader = await db.changeReaders.get(SYNC_READER);
  const entries = await db.changes.where('seq').above(reader?.seq ?? 0).toArray();
  if (entries.length === 0) return null;
  if (entries.some((entry) => entry.ids === null)) return wholeLibrary(db, state);
  const ids = [...new Set(entries.flatMap((entry) => entry.ids!))];
  const rows = await db.papers.bulkGet(ids);
  return ids.map((id, i) => ({ id, after: rows[i] }));
}

/** Every row, and every paper the state shows that the library no longer holds. */
async function wholeLibrary(db: LibraryDatabase, state: SyncState): Promise<PaperRecordChange[]> {
  const rows = await db.papers.toArray();
  const held = new Set(rows.map((row) => row.id));
  const gone = [...state.papers.keys()].filter((id) => !held.has(id) && paperView(state.papers.get(id)) !== undefined);
  return [...rows.map((row) => ({ id: row.id, after: row })), ...gone.map((id) => ({ id, after: undefined }))];
}

/** Whether each of `ids` is marked "not interested" in the library now. */
export async function marksNow(db: LibraryDatabase, ids: readonly string[]): Promise<{ id: string; marked: boolean }[]> {
  const rows = await db.notInterested.bulkGet([...ids]);
  return ids.map((id, i) => ({ id, marked: rows[i] !== undefined }));
}

/** Every mark in the library and every mark the state shows: to compare them all. */
export async function allMarkIds(db: LibraryDatabase, state: SyncState): Promise<string[]> {
  const held = (await db.notInterested.toCollection().primaryKeys()).map(String);
  const shown = [...state.marks.values()].filter((mark) => mark.on).map((mark) => mark.id);
  return [...new Set([...held, ...shown])];
}

/** What the library must change to show what the state shows (turning sync on: a full comparison). */
export async function differencesFromState(db: LibraryDatabase, state: SyncState): Promise<LocalChanges> {
  const papers: PaperChange[] = [];
  const ids = [...state.papers.keys()];
  const rows = await db.papers.bulkGet(ids);
  ids.forEach((id, i) => {
    const view = paperView(state.papers.get(id));
    const row = rows[i];
    if (view === undefined ? row !== undefined : row === undefined || !sameSyncedFields(row, view)) papers.push({ id, paper: view });
  });
  const marks: MarkChange[] = [];
  const markIds = [...state.marks.keys()];
  const marked = await db.notInterested.bulkGet(markIds);
  markIds.forEach((id, i) => {
    const view = markView(state.marks.get(id));
    if ((view === undefined) !== (marked[i] === undefined)) marks.push({ id, mark: view });
  });
  return { papers, marks, settings: [] };
}

export interface LibraryWrite {
  /** Papers added, changed or removed. */
  papers: string[];
  marks: string[];
  /** Papers and marks that arrived by id only: their details are to be asked for. */
  placeholders: { id: string; kind: 'paper' | 'mark'; savedAt: number }[];
}

/**
 * Writes a remote change into the library (inside the transaction that records it in the sync
 * tables). A paper the library lacks arrives as a placeholder; one it holds keeps its metadata and
 * its tag order, and takes the synced tags, note and dates. Settings are written by the caller.
 */
export async function writeToLibrary(db: LibraryDatabase, changes: LocalChanges): Promise<LibraryWrite> {
  const written: LibraryWrite = { papers: [], marks: [], placeholders: [] };
  const rows = await db.papers.bulkGet(changes.papers.map((c) => c.id));
  const puts = [];
  const deletes: string[] = [];
  for (const [i, { id, paper }] of changes.papers.entries()) {
    const row = rows[i];
    if (paper === undefined) {
      if (row) deletes.push(id);
    } else if (row) {
      if (sameSyncedFields(row, paper)) continue;
      puts.push(withSyncedFields(row, paper));
    } else {
      puts.push(placeholderPaper(paper));
      written.placeholders.push({ id, kind: 'paper', savedAt: paper.savedAt });
    }
    written.papers.push(id);
  }
  if (puts.length > 0) await db.papers.bulkPut(puts);
  if (deletes.length > 0) await db.papers.bulkDelete(deletes);

  const marked = await db.notInterested.bulkGet(changes.marks.map((c) => c.id));
  const markPuts = [];
  const unmarks: string[] = [];
  for (const [i, { id, mark }] of changes.marks.entries()) {
    const held = marked[i];
    if (mark === undefined) {
      if (held) unmarks.push(id);
    } else if (!held) {
      markPuts.push({ id, at: mark.markedAt, paper: placeholderMetadata(id), detailsPending: true as const });
      written.placeholders.push({ id, kind: 'mark', savedAt: mark.markedAt });
    } else continue;
    written.marks.push(id);
  }
  if (markPuts.length > 0) await db.notInterested.bulkPut(markPuts);
  if (unmarks.length > 0) await db.notInterested.bulkDelete(unmarks);
  return written;
}

function placeholderMetadata(id: string): PaperMetadata {
  return { id, title: id, summary: '', authors: [] };
}
