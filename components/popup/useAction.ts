import { useCallback, useState } from 'react';
import type { Reply } from '@/lib/messages/protocol';

/**
 * Runs a request and keeps its error for the user to see: messages go where the user looks, not
 * only to the console.
 */
export function useAction() {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <R extends Reply>(request: Promise<R>): Promise<R> => {
    setBusy(true);
    setError(undefined);
    const reply = await request;
    setBusy(false);
    if (!reply.ok) setError(reply.error);
    return reply;
  }, []);
  return { run, error, busy, clearError: () => setError(undefined) };
}
