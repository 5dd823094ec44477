import { useEffect, useState } from 'react';
import type { PopupServices } from './services';

/**
 * Says when PaperShelf may not read huggingface.co (the user withdrew the access, as Firefox allows)
 * and offers to ask for it again: cards are not annotated and trending is not checked until then.
 */
export function HostAccessNotice({ access }: { access: NonNullable<PopupServices['hostAccess']> }) {
  const [granted, setGranted] = useState<boolean>();
  useEffect(() => {
    let live = true;
    void access.has().then((has) => live && setGranted(has));
    const stop = access.onChange((has) => live && setGranted(has));
    return () => {
      live = false;
      stop();
    };
  }, [access]);
  if (granted !== false) return null;

  return (
    <div className="host-access" role="alert" aria-label="No access to huggingface.co">
      <p>
        PaperShelf cannot read huggingface.co: it was not allowed, or the access was withdrawn. Until it is allowed, cards are not
        annotated and trending papers are not checked.
      </p>
      <button type="button" onClick={() => void access.request().then(setGranted)}>
        Allow access to huggingface.co
      </button>
    </div>
  );
}
