import { describeSyncStatus, initialSyncStatus, type SyncStatus } from '@/lib/sync/service/status';

const NOW = new Date(2026, 10, 20, 15, 30).getTime();
const on = (change: Partial<SyncStatus> = {}): SyncStatus => ({ ...initialSyncStatus(true), papers: 1240, syncedPapers: 1240, bytesUsed: 38_912, ...change });

describe('the sync status in words', () => {
  it('says sync is off', () => {
    expect(describeSyncStatus(initialSyncStatus(false), NOW)).toEqual({ summary: ['Sync is off.'], problems: [] });
  });

  it('says how many papers are synced, how much space they take, and when changes went and came', () => {
    const text = describeSyncStatus(on({ lastSentAt: new Date(2026, 10, 20, 10, 42).getTime(), lastReceivedAt: new Date(2026, 10, 18, 9, 5).getTime() }), NOW);
    expect(text.summary).toEqual(['1,240 papers synced, 38% of the space.', 'Last change sent at 10:42; last received on Nov 18 at 09:05.']);
    expect(text.problems).toEqual([]);
    expect(describeSyncStatus(on(), NOW).summary[1]).toBe('Nothing sent yet; nothing received yet.');
    expect(describeSyncStatus(on({ details: { waiting: 3 } }), NOW).summary[2]).toBe('3 papers wait for details from Hugging Face.');
  });

  it('names every problem and what happens next', () => {
    const text = describeSyncStatus(
      on({
        unsynced: { papers: 2_999, marks: 4, tooLarge: 2, blocked: 1 },
        unreadable: [{ key: 'papers/3', reason: 'damaged', detail: 'damaged: checksum mismatch' }],
        writeProblem: { kind: 'quota', message: 'QUOTA_BYTES quota exceeded', retryAt: new Date(2026, 10, 20, 15, 31).getTime() },
        details: { waiting: 10, problem: 'Offline: Hugging Face could not be reached; PaperShelf tries again later.' },
      }),
      NOW,
    );
    expect(text.problems).toEqual([
      'The sync space is full: 2,996 papers are not synced; a backup export moves the rest.',
      '4 "Not interested" marks are not synced (no space left).',
      '2 papers have notes too long to sync (over 3,000 bytes); they stay in this browser.',
      'Synced data in "papers/3" could not be read (damaged: checksum mismatch); it is skipped and left as it is.',
      '1 paper is not synced from this browser while that data cannot be read.',
      'The browser refused to store more in its sync space (QUOTA_BYTES quota exceeded): PaperShelf tries again at 15:31.',
      'Details of synced papers: Offline: Hugging Face could not be reached; PaperShelf tries again later.',
    ]);
  });
});
