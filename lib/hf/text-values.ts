/** Reading the numbers and dates Hugging Face shows as text. */

/** "327" is 327, "1.66k" is 1660, "2.3M" is 2300000, "-" is 0; anything else is undefined. */
export function parseCount(text: string): number | undefined {
  const t = text.trim().replace(/,/g, '');
  if (t === '-' || t === '–') return 0;
  const match = /^(\d+(?:\.\d+)?)\s*([kKmM]?)$/.exec(t);
  if (!match) return undefined;
  const scale = { '': 1, k: 1e3, m: 1e6 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  return Math.round(Number(match[1]) * scale);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SHOWN_DATE = /^(?:Published on\s+)?([A-Z][a-z]{2})[a-z]*\.?\s+(\d{1,2})(?:,\s*(\d{4}))?$/;

/**
 * "Published on Sep 8, 2026", "Sep 8, 2026" or "Mar 9" (this year, or last year if that would be in
 * the future) as an ISO date; undefined when the text is not such a date.
 */
export function parseShownDate(text: string, today: Date): string | undefined {
  const match = SHOWN_DATE.exec(text.trim().replace(/\s+/g, ' '));
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[1]!.toLowerCase());
  const day = Number(match[2]);
  if (month < 0 || day < 1 || day > 31) return undefined;
  let year = match[3] ? Number(match[3]) : today.getUTCFullYear();
  if (!match[3] && Date.UTC(year, month, day) > today.getTime() + 2 * 86_400_000) year -= 1;
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCMonth() !== month) return undefined; // "Feb 31"
  return date.toISOString().slice(0, 10);
}

export function isShownDate(text: string): boolean {
  return SHOWN_DATE.test(text.trim().replace(/\s+/g, ' '));
}

/** Visible text of an element, whitespace collapsed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}


export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
