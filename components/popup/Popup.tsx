import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { NEW_PAPERS_KEY, readNewPaperIds } from '@/lib/trending/new-papers-signal';
import { papersPageKind } from '@/lib/hf/page-kind';
import { HostAccessNotice } from './HostAccessNotice';
import { LibraryView } from './LibraryView';
import { NewView } from './NewView';
import { OnThisPage } from './OnThisPage';
import { ServicesProvider, useServices, type PopupServices } from './services';
import { useStoredValue } from './useStoredValue';
import './popup.css';

const TABS = ['On this page', 'Library', 'New'] as const;
type Tab = (typeof TABS)[number];

export function Popup({ services }: { services: PopupServices }) {
  return (
    <ServicesProvider value={services}>
      <PopupTabs />
    </ServicesProvider>
  );
}

const slug = (name: string) => name.toLowerCase().replace(/\s+/g, '-');

function PopupTabs() {
  const { activeTab, openSettings, hostAccess } = useServices();
  const [tab, setTab] = useState<Tab>();
  const newCount = useStoredValue(NEW_PAPERS_KEY, readNewPaperIds)?.length ?? 0;
  const tabs = useRef(new Map<Tab, HTMLButtonElement>());

  // Open where the user most likely wants to be: this page's papers on a papers page, else the library.
  useEffect(() => {
    void activeTab().then((t) => setTab(t?.url && papersPageKind(new URL(t.url)).kind !== 'other' ? 'On this page' : 'Library'));
  }, [activeTab]);

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab ?? 'Library');
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : undefined;
    if (next === undefined) return;
    const target = TABS[(next + TABS.length) % TABS.length]!;
    setTab(target);
    tabs.current.get(target)?.focus();
    event.preventDefault();
  };

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>PaperShelf</h1>
        <div role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
          {TABS.map((name) => (
            <button
              key={name}
              ref={(el) => {
                if (el) tabs.current.set(name, el);
              }}
              type="button"
              role="tab"
              id={`tab-${slug(name)}`}
              aria-selected={tab === name}
              aria-controls={`panel-${slug(name)}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
            >
              {name}
              {name === 'New' && newCount > 0 && (
                <span className="count" aria-hidden="true">
                  {' '}
                  {newCount > 99 ? '99+' : newCount}
                </span>
              )}
            </button>
          ))}
        </div>
        <button type="button" className="settings-button" aria-label="Settings" title="PaperShelf settings" onClick={() => void openSettings()}>
          ⚙
        </button>
      </header>
      {hostAccess && <HostAccessNotice access={hostAccess} />}
      {tab && (
        <div role="tabpanel" id={`panel-${slug(tab)}`} aria-labelledby={`tab-${slug(tab)}`} className="panel">
          {tab === 'On this page' && <OnThisPage />}
          {tab === 'Library' && <LibraryView />}
          {tab === 'New' && <NewView />}
        </div>
      )}
    </main>
  );
}
