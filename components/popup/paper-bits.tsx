import { uiLocale } from '@/lib/locale';
import type { PaperMetadataInput } from '@/lib/paper/model';
import { t, tn } from '@/lib/i18n';

/** "Ultralytics · Jun 2, 2026 · ▲ 23": who, when, how popular. */
export function PaperByline({ paper }: { paper: PaperMetadataInput }) {
  const who = paper.organization?.name ?? authorsShort(paper.authors ?? []);
  const when = paper.publishedAt ? shortDate(paper.publishedAt) : undefined;
  return (
    <span className="byline">
      {[who, when].filter(Boolean).join(' · ')}
      {paper.upvotes !== undefined && <span aria-label={tn('popup_upvotes', paper.upvotes)}> · ▲ {paper.upvotes}</span>}
    </span>
  );
}

export function authorsShort(authors: string[]): string {
  if (authors.length === 0) return '';
  if (authors.length <= 2) return authors.join(', ');
  return t('paper_authors_et_al', authors[0]!);
}

// One formatter for all rows: toLocaleDateString builds a new one per call, which was most of a
// keystroke's script time in a 20,000-paper library.
const dayFormat = new Intl.DateTimeFormat(uiLocale(), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

export function shortDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date);
}

export function SaveToggle({ saved, busy, onToggle, title }: { saved: boolean; busy?: boolean; onToggle: () => void; title: string }) {
  return (
    <button
      type="button"
      className="save-toggle"
      aria-pressed={saved}
      aria-busy={busy}
      aria-label={t(saved ? 'popup_saved_label' : 'popup_save_label', title)}
      onClick={onToggle}
    >
      {t(saved ? 'save_toggle_saved' : 'save_toggle_save')}
    </button>
  );
}
