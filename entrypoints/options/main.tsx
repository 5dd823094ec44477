import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Options } from '@/components/options/Options';
import { StorageRefused } from '@/components/StorageRefused';
import { broadcastLibraryChange } from '@/lib/messages/library-change';
import { libraryDatabase } from '@/lib/library/instance';
import { Library } from '@/lib/library/library';
import { storageRefusal } from '@/lib/library/storage-refused';
import { sendRequest } from '@/lib/messages/client';
import { t } from '@/lib/i18n';
import '@/components/theme.css';

// The page's language is that of the messages shown (English where PaperShelf has no translation).
document.documentElement.lang = t('locale_code');
document.title = t('options_title');

// The options page works on the library directly (same origin as the background): imports of
// thousands of papers need not cross the message channel. Open papers pages still hear of changes.
const library = new Library(libraryDatabase());
library.onChange((ids) => void broadcastLibraryChange(ids));

function download(fileName: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const root = createRoot(document.getElementById('root')!);
root.render(
  <StrictMode>
    <Options
      services={{
        library,
        send: sendRequest,
        download,
        requestNotifications: () => browser.permissions.request({ permissions: ['notifications'] }),
      }}
    />
  </StrictMode>,
);
// A browser that refuses to store the library gets an explanation instead of the settings.
void storageRefusal(library.db).then((message) => message && root.render(<StorageRefused message={message} />));
