import { useEffect, useState } from 'react';
import type { PopupServices } from '@/components/popup/services';
import { t } from '@/lib/i18n';

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
    <div className="host-access" role="alert" aria-label={t('popup_host_access_label')}>
      <p>{t('popup_host_access_text')}</p>
      <button type="button" onClick={() => void access.request().then(setGranted)}>
        {t('popup_host_access_allow')}
      </button>
    </div>
  );
}
