import { uiLocale } from '@/lib/locale';
import type { TrendingStatus } from '@/lib/trending/status-shape';

const clockFormat = new Intl.DateTimeFormat(uiLocale(), { hour: '2-digit', minute: '2-digit' });
const clockTime = (at: number) => clockFormat.format(at);

function inMinutes(at: number, now: number): string {
  const minutes = Math.max(1, Math.round((at - now) / 60_000));
  return `${minutes} min`;
}

function problemText({ kind, message }: NonNullable<TrendingStatus['error']>, next: number | undefined, now: number): string {
  switch (kind) {
    case 'offline':
      return `Offline, retrying in ${next ? inMinutes(next, now) : 'a few minutes'}`;
    case 'no-access':
      return 'No access to huggingface.co, so PaperShelf could not check';
    case 'rate-limited':
      return `Hugging Face asked us to slow down, next check at ${next ? clockTime(next) : 'later'}`;
    default:
      return `${message}; retrying at ${next ? clockTime(next) : 'later'}`;
  }
}

/** What the popup says about the last and the next trending check, in plain words. */
export function describeTrendingStatus(status: TrendingStatus | undefined, now: number): { problem?: string; info: string } {
  if (!status?.lastCheckAt) return { info: 'Not checked yet: the first check records what already trends.' };
  const next = status.nextCheckAt;
  if (status.error) {
    const problem = problemText(status.error, next, now);
    const last = status.lastSuccessAt ? `Last good check at ${clockTime(status.lastSuccessAt)}.` : 'No good check yet.';
    return { problem, info: last };
  }
  const notice = status.notice ? ` ${status.notice}` : '';
  return { info: `Checked at ${clockTime(status.lastCheckAt)}${next ? `, next check at ${clockTime(next)}` : ''}.${notice}` };
}
