import type { LibraryDatabase } from '@/lib/library/schema';
import { emptySyncState, type ChangedEntries, type SyncState } from '@/lib/sync/sync-state';

/**
 * The replicated state as this browser keeps it: one row per paper, mark and setting in the sync
 * tables (schema version 7), written in the same transaction as the library rows they describe.
 */

/** The name under which sync keeps its place in the change log (see ChangeReaderRecord). */
export const SYNC_READER = 'sync';

/** The tables a sync step writes, besides the papers. */
export function syncTables(db: LibraryDatabase) {
  return [db.changes, db.notInterested, db.syncPapers, db.syncMarks, db.syncSettings, db.changeReaders, db.paperDetails];
}

export async function loadSyncState(db: LibraryDatabase): Promise<SyncState> {
  return db.transaction('r', db.syncPapers, db.syncMarks, db.syncSettings, async () => {
    const [papers, marks, settings] = await Promise.all([db.syncPapers.toArray(), db.syncMarks.toArray(), db.syncSettings.toArray()]);
    const state = emptySyncState();
    for (const paper of papers) state.papers.set(paper.id, paper);
    for (const mark of marks) state.marks.set(mark.id, mark);
    for (const setting of settings) state.settings.set(setting.name, setting);
    return state;
  });
}

export function noEntries(): ChangedEntries {
  return { papers: [], marks: [], settings: [] };
}

export function addEntries(into: ChangedEntries, more: ChangedEntries): ChangedEntries {
  into.papers.push(...more.papers);
  into.marks.push(...more.marks);
  into.settings.push(...more.settings);
  return into;
}

export function hasEntries(entries: ChangedEntries): boolean {
  return entries.papers.length + entries.marks.length + entries.settings.length > 0;
}

/** Writes the entries of `state` named in `changed` (deleting those the state no longer holds). Inside a transaction. */
export async function persistEntries(db: LibraryDatabase, state: SyncState, changed: ChangedEntries): Promise<void> {
  await persist(db.syncPapers, state.papers, changed.papers);
  await persist(db.syncMarks, state.marks, changed.marks);
  await persist(db.syncSettings, state.settings, changed.settings);
}

async function persist<T>(table: { bulkPut(rows: T[]): Promise<unknown>; bulkDelete(keys: string[]): Promise<unknown> }, entries: ReadonlyMap<string, T>, keys: string[]) {
  const unique = [...new Set(keys)];
  const present = unique.flatMap((key) => (entries.has(key) ? [entries.get(key)!] : []));
  const gone = unique.filter((key) => !entries.has(key));
  if (present.length > 0) await table.bulkPut(present);
  if (gone.length > 0) await table.bulkDelete(gone);
}

/** Forgets everything sync knew (turning sync off): the library itself is untouched. */
export async function clearSyncState(db: LibraryDatabase): Promise<void> {
  await db.transaction('rw', db.syncPapers, db.syncMarks, db.syncSettings, db.changeReaders, async () => {
    await Promise.all([db.syncPapers.clear(), db.syncMarks.clear(), db.syncSettings.clear(), db.changeReaders.delete(SYNC_READER)]);
  });
}

/** Marks the change log read up to its newest entry (inside the transaction that wrote the library). */
export async function markLogRead(db: LibraryDatabase): Promise<void> {
  const last = (await db.changes.toCollection().lastKey()) as number | undefined;
  await db.changeReaders.put({ name: SYNC_READER, seq: last ?? 0 });
}
