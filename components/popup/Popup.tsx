import { useRef, useState, type KeyboardEvent } from 'react';
import { NEW_PAPERS_KEY, readNewPaperIds } from '@/lib/trending/new-papers-signal';
import { papersPageKind } from '@/lib/hf/pages/kind';
import { HostAccessNotice } from '@/components/popup/HostAccessNotice';
import { LibraryView } from '@/components/popup/LibraryView';
import { NewView } from '@/components/popup/NewView';
import { OnThisPage } from '@/components/popup/OnThisPage';
import { ServicesProvider, useServices, type PopupServices } from '@/components/popup/services';
import { useStoredValue } from '@/components/popup/useStoredValue';
import { t, type MessageKey } from '@/lib/i18n';
import '@/components/popup/popup.css';

/** Each tab by the name its element ids carry, with its label. */
const TABS = ['on-this-page', 'library', 'new'] as const;
export type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, MessageKey> = { 'on-this-page': 'popup_tab_on_this_page', library: 'popup_tab_library', new: 'popup_tab_new' };

/**
 * The tab the popup opens on, where the user most likely wants to be: the papers of the page they
 * are on when it is a papers page, else the library. Known before the first render (main.tsx waits
 * for the browser to say which page it is), so the popup's first frame shows that tab's content.
 */
export function openingTab(page: { url?: string } | undefined): Tab {
  return page?.url && papersPageKind(new URL(page.url)).kind !== 'other' ? 'on-this-page' : 'library';
}

export function Popup({ services, tab }: { services: PopupServices; tab: Tab }) {
  return (
    <ServicesProvider value={services}>
      <PopupTabs opening={tab} />
    </ServicesProvider>
  );
}

function PopupTabs({ opening }: { opening: Tab }) {
  const { openSettings, hostAccess } = useServices();
  const [tab, setTab] = useState<Tab>(opening);
  const newCount = useStoredValue(NEW_PAPERS_KEY, readNewPaperIds)?.length ?? 0;
  const tabs = useRef(new Map<Tab, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
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
        <h1>{t('extension_name')}</h1>
        <div role="tablist" aria-label={t('popup_tabs_label')} onKeyDown={onKeyDown}>
          {TABS.map((name) => (
            <button
              key={name}
              ref={(el) => {
                if (el) tabs.current.set(name, el);
              }}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
            >
              {t(TAB_LABELS[name])}
              {name === 'new' && newCount > 0 && (
                <span className="count" aria-hidden="true">
                  {' '}
                  {newCount > 99 ? '99+' : newCount}
                </span>
              )}
            </button>
          ))}
        </div>
        <button type="button" className="settings-button" aria-label={t('popup_settings_label')} title={t('popup_settings_title')} onClick={() => void openSettings()}>
          ⚙
        </button>
      </header>
      {hostAccess && <HostAccessNotice access={hostAccess} />}
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel">
        {tab === 'on-this-page' && <OnThisPage />}
        {tab === 'library' && <LibraryView />}
        {tab === 'new' && <NewView />}
      </div>
    </main>
  );
}
