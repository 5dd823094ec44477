import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { describeSyncStatus, SYNC_STATUS_KEY, type SyncStatus } from '@/lib/sync/service/status';
import { useOptionsServices } from './services';

/** The storage.local keys whose change means the status line may read differently. */
const STATUS_KEYS = [SYNC_STATUS_KEY, 'paperDetailsPace'];

export const SYNC_EXPLANATION =
  'When on, PaperShelf sends paper ids, tags, notes, dates, “not interested” marks and settings to your browser vendor’s sync service ' +
  '(Firefox encrypts them end to end; Chrome encrypts them with your sync passphrase if you set one); titles, authors and abstracts are not sent: ' +
  'your other browsers read them from Hugging Face.';

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
    else setError(`Sync could not be turned ${on ? 'on' : 'off'}: ${reply.error}`);
  };

  const text = status && describeSyncStatus(status);
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <label>
        <input type="checkbox" checked={status?.on ?? false} disabled={status === undefined || busy} onChange={(e) => void turn(e.target.checked)} /> Sync my
        library through this browser’s sync
      </label>
      <p className="muted">{SYNC_EXPLANATION}</p>
      {status?.on && text && (
        <p role="status" aria-label="Sync status">
          {text.summary.join(' ')}
        </p>
      )}
      {text && text.problems.length > 0 && (
        <ul className="sync-problems" role="alert" aria-label="Sync problems">
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
