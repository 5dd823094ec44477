import { t } from '@/lib/i18n';

/** Shown instead of a page that needs the library when the browser refuses to store it (see lib/library/storage-refused). */
export function StorageRefused({ message }: { message: string }) {
  return (
    <main className="storage-refused">
      <h1>{t('extension_name')}</h1>
      <p role="alert">{message}</p>
    </main>
  );
}
