import { MAX_SYNCED_NOTE_BYTES } from '@/lib/sync/quota';
import { t, tn } from '@/lib/i18n';
import { uiLocale } from '@/lib/locale';

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

export function describeSyncStatus(status: SyncStatus, now: number = Date.now()): StatusText {
  if (!status.on) return { summary: [t('sync_off')], problems: [] };
  const summary: string[] = [];
  const share = status.bytesUsed / status.quotaBytes;
  const percent = new Intl.NumberFormat(uiLocale(), { style: 'percent' });
  summary.push(tn('sync_synced', status.syncedPapers, share > 0 && share < 0.01 ? t('sync_share_below', percent.format(0.01)) : percent.format(share)));
  summary.push(exchanges(status, now));
  if (status.details && status.details.waiting > 0) summary.push(tn('sync_waiting', status.details.waiting));

  const problems: string[] = [];
  const { unsynced } = status;
  const overQuota = unsynced.papers - unsynced.tooLarge - unsynced.blocked;
  if (overQuota > 0) problems.push(tn('sync_space_full', overQuota));
  if (unsynced.marks > 0) problems.push(tn('sync_marks_unsynced', unsynced.marks));
  if (unsynced.tooLarge > 0) problems.push(tn('sync_notes_too_long', unsynced.tooLarge, MAX_SYNCED_NOTE_BYTES));
  for (const item of status.unreadable) {
    problems.push(item.reason === 'newer-format' ? t('sync_item_newer', item.key) : t('sync_item_damaged', item.key, item.detail));
  }
  if (unsynced.blocked > 0) problems.push(tn('sync_blocked', unsynced.blocked));
  if (status.writeProblem) {
    const { kind, message, retryAt } = status.writeProblem;
    const retry = when(retryAt, now);
    problems.push(kind === 'rate' ? t('sync_write_rate', retry) : t(kind === 'quota' ? 'sync_write_quota' : 'sync_write_failed', message, retry));
  }
  if (status.failure) problems.push(t('sync_stopped', status.failure.message));
  if (status.details?.problem) problems.push(t('sync_details_problem', status.details.problem));
  return { summary, problems };
}

/** When changes last went out and last came in. */
function exchanges({ lastSentAt, lastReceivedAt }: SyncStatus, now: number): string {
  if (lastSentAt === undefined) return lastReceivedAt === undefined ? t('sync_nothing_yet') : t('sync_received_only', when(lastReceivedAt, now));
  return lastReceivedAt === undefined ? t('sync_sent_only', when(lastSentAt, now)) : t('sync_sent_received', when(lastSentAt, now), when(lastReceivedAt, now));
}

/** "at 10:42" today, "on Mar 9 at 10:42" another day. */
function when(at: number, now: number): string {
  const date = new Date(at);
  const time = new Intl.DateTimeFormat(uiLocale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  if (new Date(now).toDateString() === date.toDateString()) return t('sync_at_time', time);
  return t('sync_on_day', new Intl.DateTimeFormat(uiLocale(), { month: 'short', day: 'numeric' }).format(date), time);
}
