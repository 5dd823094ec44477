import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Options } from '@/components/options/Options';
import { StorageRefused } from '@/components/StorageRefused';
import { broadcastLibraryChange } from '@/lib/messages/library-change';
import { libraryDatabase } from '@/lib/library/instance';
import { Library } from '@/lib/library/library';
import { LibraryReader } from '@/lib/library/reader';
import { storageRefusal } from '@/lib/library/storage-refused';
import { sendRequest } from '@/lib/messages/client';
import { t } from '@/lib/i18n';
import '@/components/theme.css';

// The page's language is that of the messages shown (English where PaperShelf has no translation).
document.documentElement.lang = t('locale_code');
document.title = t('options_title');

// The options page reads the library through the reader and writes through the background's
// messages, but for imports (see OptionsServices): those go straight into the database, and open
// papers pages still hear of them.
const library = new Library(libraryDatabase());
library.onChange((ids) => void broadcastLibraryChange(ids));
const reader = new LibraryReader(library.db);

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
        reader,
        importPapers: (papers, onProgress) => library.importPapers(papers, onProgress),
        send: sendRequest,
        download,
        requestNotifications: () => browser.permissions.request({ permissions: ['notifications'] }),
      }}
    />
  </StrictMode>,
);
// A browser that refuses to store the library gets an explanation instead of the settings.
void storageRefusal(library.db).then((message) => message && root.render(<StorageRefused message={message} />));
