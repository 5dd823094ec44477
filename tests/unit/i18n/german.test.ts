import { fakeBrowser } from 'wxt/testing';
import { t, tn } from '@/lib/i18n';
import { describeSyncStatus, initialSyncStatus } from '@/lib/sync/service/status';
import { messageReader, readMessages } from '../browser-i18n';

// A browser set to German: it reads public/_locales/de/messages.json.
beforeEach(() => {
  fakeBrowser.i18n.getMessage = messageReader(readMessages('de'));
  fakeBrowser.i18n.getUILanguage = () => 'de-DE';
});

describe('PaperShelf in German', () => {
  it('speaks German, with German plural forms and numbers', () => {
    expect(t('popup_tab_library')).toBe('Bibliothek');
    expect(tn('popup_upvotes', 1)).toBe('1 Stimme');
    expect(tn('popup_upvotes', 12_345)).toBe('12.345 Stimmen');
    expect(tn('trending_badge_title', 2)).toBe('PaperShelf: 2 neue Paper im Trend');
  });

  it('says how sync stands in German', () => {
    const status = { ...initialSyncStatus(true), papers: 1240, syncedPapers: 1240, bytesUsed: 38_912 };
    expect(describeSyncStatus(status, Date.now()).summary[0]).toBe('1.240 Paper synchronisiert, 38\u00a0% des Speicherplatzes.');
  });
});
