import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { describeSyncStatus, SYNC_STATUS_KEY, type SyncStatus } from '@/lib/sync/service/status';
import { useOptionsServices } from '@/components/options/services';
import { t } from '@/lib/i18n';

/** The storage.local keys whose change means the status line may read differently. */
const STATUS_KEYS = [SYNC_STATUS_KEY, 'paperDetailsPace'];

/** "Sync my library through this browser's sync" (off by default), and what sync is doing, in words. */
export function SyncSection() {
  const { send } = useOptionsServices();
  const [status, setStatus] = useState<SyncStatus>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let open = true;
    const refresh = () =>
      void send({ type: 'syncStatus' }).then((reply) => {
        if (!open) return;
        if (reply.ok) setStatus(reply.status);
        else setError(reply.error);
      });
    refresh();
    // Observe, don't poll: the background rewrites the status after each write and each change received.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && STATUS_KEYS.some((key) => key in changes)) refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      open = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [send]);

  const turn = async (on: boolean) => {
    setBusy(true);
    setError(undefined);
    const reply = await send({ type: 'setSync', on });
    setBusy(false);
    if (reply.ok) setStatus(reply.status);
    else setError(t(on ? 'options_sync_on_failed' : 'options_sync_off_failed', reply.error));
  };

  const text = status && describeSyncStatus(status);
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('options_sync_heading')}</h2>
      <label>
        <input type="checkbox" checked={status?.on ?? false} disabled={status === undefined || busy} onChange={(e) => void turn(e.target.checked)} />{' '}
        {t('options_sync_toggle')}
      </label>
      <p className="muted">{t('options_sync_explanation')}</p>
      {status?.on && text && (
        <p role="status" aria-label={t('options_sync_status_label')}>
          {text.summary.join(' ')}
        </p>
      )}
      {text && text.problems.length > 0 && (
        <ul className="sync-problems" role="alert" aria-label={t('options_sync_problems_label')}>
          {text.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
