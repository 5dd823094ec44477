import { browser } from 'wxt/browser';
import type { TrendingRecord } from '@/lib/library/schema';
import { t, tn } from '@/lib/i18n';

/** "" for none, the count up to 99, then "99+". */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** The toolbar tooltip: how many, and the newest few by name. */
export function badgeTitle(newPapers: TrendingRecord[]): string {
  if (newPapers.length === 0) return t('extension_name');
  const newest = [...newPapers].sort((a, b) => b.firstSeenAt - a.firstSeenAt || a.rank - b.rank).slice(0, 3);
  const lines = newest.map((r) => `• ${r.paper.title.length > 80 ? `${r.paper.title.slice(0, 79)}…` : r.paper.title}`);
  const more = newPapers.length > newest.length ? [t('trending_badge_more', newPapers.length - newest.length)] : [];
  return [tn('trending_badge_title', newPapers.length), ...lines, ...more].join('\n');
}

export async function showBadge(newPapers: TrendingRecord[]): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: '#c2410c' });
  await browser.action.setBadgeText({ text: badgeText(newPapers.length) });
  await browser.action.setTitle({ title: badgeTitle(newPapers) });
}
