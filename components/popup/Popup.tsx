import { useLiveQuery } from 'dexie-react-hooks';
import type { LibraryDatabase } from '@/lib/library/schema';
import { fromRecord } from '@/lib/library/library';
import { SavedPaperList } from './SavedPaperList';
import './popup.css';

const SHOWN = 50;

export function Popup({ db }: { db: LibraryDatabase }) {
  const count = useLiveQuery(() => db.papers.count(), [db]);
  const newest = useLiveQuery(
    async () => (await db.papers.orderBy('savedAt').reverse().limit(SHOWN).toArray()).map(fromRecord),
    [db],
  );

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>PaperShelf</h1>
        <p className="muted" aria-live="polite">
          {count === undefined ? 'Opening your library…' : `${count} ${count === 1 ? 'paper' : 'papers'} saved`}
        </p>
      </header>
      {newest && <SavedPaperList papers={newest} />}
    </main>
  );
}
