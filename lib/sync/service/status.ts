import { MAX_SYNCED_NOTE_BYTES } from '../quota';

/**
 * What the settings page says about sync: when changes last went out and came in, how much of the
 * browser's sync space the library takes, and every problem, in words. The background keeps it in
 * storage.local (SYNC_STATUS_KEY) and updates it after each write and each change received.
 */

export const SYNC_STATUS_KEY = 'syncStatus';

export interface UnreadableItemStatus {
  key: string;
  reason: 'damaged' | 'newer-format';
  detail: string;
}

export interface SyncStatus {
  on: boolean;
  /** When this browser last wrote its changes to storage.sync, and last took in something new from it. */
  lastSentAt?: number;
  lastReceivedAt?: number;
  /** Papers in the library, and how many of them storage.sync holds. */
  papers: number;
  syncedPapers: number;
  /** Bytes storage.sync holds (ours and anything else) of the browser's quota. */
  bytesUsed: number;
  quotaBytes: number;
  /** What storage.sync does not hold. */
  unsynced: { papers: number; marks: number; tooLarge: number; blocked: number };
  /** Items this browser could not read: left as they are. */
  unreadable: UnreadableItemStatus[];
  /** The last write failed: why, and when it is tried again. */
  writeProblem?: { kind: 'quota' | 'rate' | 'failed'; message: string; retryAt: number };
  /** Sync stopped on an unexpected error; it reads everything again a minute later. */
  failure?: { message: string; at: number };
  /** Papers that arrived by id only and still wait for their details from Hugging Face. */
  details?: { waiting: number; problem?: string };
}

export function initialSyncStatus(on: boolean): SyncStatus {
  return {
    on,
    papers: 0,
    syncedPapers: 0,
    bytesUsed: 0,
    quotaBytes: 102_400,
    unsynced: { papers: 0, marks: 0, tooLarge: 0, blocked: 0 },
    unreadable: [],
  };
}

export interface StatusText {
  /** How things stand ("1,240 papers synced, 38% of the space."). */
  summary: string[];
  /** What is wrong, each a sentence saying what happens next. */
  problems: string[];
}

const count = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

export function describeSyncStatus(status: SyncStatus, now: number = Date.now()): StatusText {
  if (!status.on) return { summary: ['Sync is off.'], problems: [] };
  const summary: string[] = [];
  const percent = (100 * status.bytesUsed) / status.quotaBytes;
  const share = percent > 0 && percent < 1 ? 'less than 1%' : `${Math.round(percent)}%`;
  summary.push(`${plural(status.syncedPapers, 'paper', 'papers')} synced, ${share} of the space.`);
  const sent = status.lastSentAt === undefined ? 'nothing sent yet' : `last change sent ${when(status.lastSentAt, now)}`;
  const received = status.lastReceivedAt === undefined ? 'nothing received yet' : `last received ${when(status.lastReceivedAt, now)}`;
  summary.push(`${capitalize(sent)}; ${received}.`);
  if (status.details && status.details.waiting > 0) {
    summary.push(`${plural(status.details.waiting, 'paper waits', 'papers wait')} for details from Hugging Face.`);
  }

  const problems: string[] = [];
  const { unsynced } = status;
  const overQuota = unsynced.papers - unsynced.tooLarge - unsynced.blocked;
  if (overQuota > 0) {
    problems.push(`The sync space is full: ${plural(overQuota, 'paper is', 'papers are')} not synced; a backup export moves the rest.`);
  }
  if (unsynced.marks > 0) problems.push(`${plural(unsynced.marks, '"Not interested" mark is', '"Not interested" marks are')} not synced (no space left).`);
  if (unsynced.tooLarge > 0) {
    problems.push(
      `${plural(unsynced.tooLarge, 'paper has a note', 'papers have notes')} too long to sync (over ${count(MAX_SYNCED_NOTE_BYTES)} bytes); ${unsynced.tooLarge === 1 ? 'it stays' : 'they stay'} in this browser.`,
    );
  }
  for (const item of status.unreadable) {
    problems.push(
      item.reason === 'newer-format'
        ? `Synced data in "${item.key}" was written by a newer PaperShelf: update PaperShelf to read it. It is left as it is.`
        : `Synced data in "${item.key}" could not be read (${item.detail}); it is skipped and left as it is.`,
    );
  }
  if (unsynced.blocked > 0) {
    problems.push(`${plural(unsynced.blocked, 'paper is', 'papers are')} not synced from this browser while that data cannot be read.`);
  }
  if (status.writeProblem) {
    const retry = `PaperShelf tries again ${when(status.writeProblem.retryAt, now)}`;
    problems.push(
      status.writeProblem.kind === 'rate'
        ? `The browser limits how often sync may write: ${retry}.`
        : status.writeProblem.kind === 'quota'
          ? `The browser refused to store more in its sync space (${status.writeProblem.message}): ${retry}.`
          : `Writing to the browser's sync failed (${status.writeProblem.message}): ${retry}.`,
    );
  }
  if (status.failure) problems.push(`Sync stopped on an error (${status.failure.message}); it tries again in a minute.`);
  if (status.details?.problem) problems.push(`Details of synced papers: ${status.details.problem}`);
  return { summary, problems };
}

const timeFormat = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', hour12: false });
const dateFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });

/** "at 10:42" today, "on Mar 9 at 10:42" another day. */
function when(at: number, now: number): string {
  const date = new Date(at);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return sameDay ? `at ${timeFormat.format(date)}` : `on ${dateFormat.format(date)} at ${timeFormat.format(date)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
