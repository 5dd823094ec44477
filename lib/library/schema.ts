import Dexie, { type Table, type Transaction } from 'dexie';
import type { Paper, PaperMetadata } from '@/lib/paper/model';
import { version2Words } from '@/lib/library/version2-words';
import type { MarkRegister } from '@/lib/sync/marks';
import type { PaperState } from '@/lib/sync/paper-state';
import type { SettingRegister } from '@/lib/sync/synced-settings';
import { logPaperChanges } from '@/lib/library/change-log';
import { enforcePaperLimits } from '@/lib/library/limits-guard';
import { repairPaper } from '@/lib/library/repair';
import { DEFAULT_DATABASE_NAME } from '@/lib/library/database-name';

/**
 * The library's IndexedDB schema: every version ever released, oldest first, each with its upgrade.
 * Never edit a released version; add a new one. tests/unit/library/schema-upgrades.test.ts opens each
 * older version with data and upgrades it.
 */

/** A paper as stored (up to version 3 it also held the words it could be searched by). */
export type PaperRecord = Paper;
/** A paper as versions 2 and 3 stored it. */
type WordsRecord = Paper & { words?: string[] };

/**
 * One committed write to the papers table: which papers changed, or `null` when it cannot say
 * (the table was cleared, or too many changed to list). Written in the same transaction as the
 * write itself (see change-log.ts), so the search index can catch up with exactly what happened.
 */
export interface ChangeRecord {
  seq?: number;
  ids: string[] | null;
}

/** The popup's search index as last saved, and the last change it includes (see lib/search). */
export interface SearchIndexRecord {
  key: string;
  format: number;
  seq: number;
  data: unknown;
}

/** One paper on Hugging Face's trending list, as the watcher last saw it (kept 30 days). */
export interface TrendingRecord {
  id: string;
  paper: PaperMetadata;
  /** 1-based place in the list at the last check, and at the check before (for movement). */
  rank: number;
  previousRank?: number;
  upvotes: number;
  firstSeenAt: number;
  lastSeenAt: number;
  /** "new": entered the list after the baseline and the user has not seen it yet. */
  status: 'new' | 'seen';
}

/** The learned model as last trained (see lib/relevance/serialize.ts), and what it was trained on. */
export interface RelevanceRecord {
  key: 'model';
  /** What it was trained on: the library's last change, the Not interested marks, the last trending snapshot. */
  revision: string;
  trainedAt: number;
  model: unknown;
}

/** A paper the reader does not want to see again: it stops counting and teaches the "For you" order. */
export interface NotInterestedRecord {
  id: string;
  paper: PaperMetadata;
  at: number;
  /** Marked on another browser: `paper` holds the id as its title until Hugging Face tells the rest. */
  detailsPending?: true;
}

/**
 * How far a reader of the change log (other than the search index, which keeps its own place) has
 * read: entries above `seq` are kept for it. Sync reads the log to record each local action.
 */
export interface ChangeReaderRecord {
  name: string;
  seq: number;
}

/** A paper (or a "not interested" mark) that came through sync with its id only, waiting for its details. */
export interface PaperDetailsRecord {
  id: string;
  kind: 'paper' | 'mark';
  /** When to ask Hugging Face next (ms since the epoch). */
  due: number;
  /** Newest first: the papers at the top of the library fill in first. */
  savedAt: number;
  attempts: number;
  /** What went wrong at the last try, for the settings page. */
  problem?: string;
}

export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: { papers: 'id, savedAt, publishedAt, *tags' },
  },
  {
    // 2: library search through a multi-entry word index kept with the data.
    version: 2,
    stores: { papers: 'id, savedAt, publishedAt, *tags, *words' },
    upgrade: (tx: Transaction) =>
      tx
        .table<WordsRecord, string>('papers')
        .toCollection()
        .modify((paper) => {
          paper.words = version2Words(paper);
        }),
  },
  {
    // 3: the trending watcher's snapshots; sorting the library by upvotes and title.
    version: 3,
    stores: { papers: 'id, savedAt, publishedAt, upvotes, title, *tags, *words', trending: 'id, status, lastSeenAt' },
  },
  {
    // 4: search moves to an in-memory index (lib/search), kept in step through a change log. The
    // word index cost about a hundred index entries per paper on every write and could not answer
    // a keystroke within a frame at 20,000 papers.
    version: 4,
    stores: { papers: 'id, savedAt, publishedAt, upvotes, title, *tags', changes: '++seq', searchIndex: 'key' },
    upgrade: (tx: Transaction) =>
      tx
        .table<WordsRecord, string>('papers')
        .toCollection()
        .modify((paper) => {
          delete paper.words;
        }),
  },
  {
    // 5: the paper model's limits are enforced on every write; papers stored before are brought
    // within them (see repair.ts), so each one can be exported and changed again.
    version: 5,
    stores: {},
    upgrade: (tx: Transaction) => {
      const now = Date.now();
      return tx
        .table<PaperRecord, string>('papers')
        .toCollection()
        .modify((paper) => void repairPaper(paper, now));
    },
  },
  {
    // 6: what PaperShelf learns from the library (lib/relevance), kept between background restarts,
    // and the papers the reader marked "Not interested".
    version: 6,
    stores: { relevance: 'key', notInterested: 'id, at' },
  },
  {
    // 7: the library synced through the browser's storage.sync (lib/sync): the replicated state of
    // each paper, mark and setting, where sync has read the change log, and the papers that arrived
    // with their ids only and wait for their details from Hugging Face.
    version: 7,
    stores: { syncPapers: 'id', syncMarks: 'id', syncSettings: 'name', changeReaders: 'name', paperDetails: 'id, due' },
  },
] as const;

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export type LibraryDatabase = Dexie & {
  papers: Table<PaperRecord, string>;
  trending: Table<TrendingRecord, string>;
  changes: Table<ChangeRecord, number>;
  searchIndex: Table<SearchIndexRecord, string>;
  relevance: Table<RelevanceRecord, string>;
  notInterested: Table<NotInterestedRecord, string>;
  syncPapers: Table<PaperState, string>;
  syncMarks: Table<MarkRegister, string>;
  syncSettings: Table<SettingRegister, string>;
  changeReaders: Table<ChangeReaderRecord, string>;
  paperDetails: Table<PaperDetailsRecord, string>;
};

/** Opens (lazily) the library database with all versions up to `upTo` (the newest by default). */
export function createLibraryDatabase(
  name = DEFAULT_DATABASE_NAME,
  upTo: number = LATEST_SCHEMA_VERSION,
): LibraryDatabase {
  const db = new Dexie(name) as LibraryDatabase;
  for (const step of SCHEMA_VERSIONS) {
    if (step.version > upTo) break;
    const version = db.version(step.version).stores(step.stores);
    if ('upgrade' in step) version.upgrade(step.upgrade);
  }
  db.use(logPaperChanges);
  db.use(enforcePaperLimits);
  return db;
}
