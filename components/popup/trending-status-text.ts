import { t } from '@/lib/i18n';
import { uiLocale } from '@/lib/locale';
import type { TrendingStatus } from '@/lib/trending/status-shape';

const clockFormat = new Intl.DateTimeFormat(uiLocale(), { hour: '2-digit', minute: '2-digit' });
const clockTime = (at: number) => clockFormat.format(at);

function inMinutes(at: number, now: number): string {
  const minutes = Math.max(1, Math.round((at - now) / 60_000));
  return t('trending_minutes', minutes);
}

/** What went wrong, as a sentence. */
function problemText({ kind, message }: NonNullable<TrendingStatus['error']>, next: number | undefined, now: number): string {
  switch (kind) {
    case 'offline':
      return next ? t('trending_problem_offline', inMinutes(next, now)) : t('trending_problem_offline_soon');
    case 'no-access':
      return t('trending_problem_no_access');
    case 'rate-limited':
      return next ? t('trending_problem_rate_limited', clockTime(next)) : t('trending_problem_rate_limited_later');
    default:
      return next ? t('trending_problem_failed', message, clockTime(next)) : t('trending_problem_failed_later', message);
  }
}

/** What the popup says about the last and the next trending check, in plain words. */
export function describeTrendingStatus(status: TrendingStatus | undefined, now: number): { problem?: string; info: string } {
  if (!status?.lastCheckAt) return { info: t('trending_not_checked') };
  const next = status.nextCheckAt;
  if (status.error) {
    const problem = problemText(status.error, next, now);
    const last = status.lastSuccessAt ? t('trending_last_good', clockTime(status.lastSuccessAt)) : t('trending_no_good');
    return { problem, info: last };
  }
  const notice = status.notice ? ` ${status.notice}` : '';
  const checked = next ? t('trending_checked_next', clockTime(status.lastCheckAt), clockTime(next)) : t('trending_checked', clockTime(status.lastCheckAt));
  return { info: `${checked}${notice}` };
}
