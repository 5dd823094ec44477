import type { Paper } from '@/lib/paper/model';

const COLUMNS: [string, (p: Paper) => string | number | undefined][] = [
  ['arxiv_id', (p) => p.id],
  ['title', (p) => p.title],
  ['authors', (p) => p.authors.join('; ')],
  ['organization', (p) => p.organization?.name],
  ['published', (p) => p.publishedAt],
  ['upvotes', (p) => p.upvotes],
  ['tags', (p) => p.tags.join('; ')],
  ['note', (p) => p.note],
  ['saved', (p) => new Date(p.savedAt).toISOString()],
  ['hugging_face_url', (p) => p.links.huggingFace],
  ['arxiv_url', (p) => p.links.arxiv],
  ['pdf_url', (p) => p.links.pdf],
  ['github', (p) => p.github?.repo],
];

/** RFC 4180 CSV, one paper a row, ready for a spreadsheet. */
export function toCsv(papers: Paper[]): string {
  const rows = [COLUMNS.map(([name]) => name), ...papers.map((p) => COLUMNS.map(([, get]) => cell(get(p))))];
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet: keep it text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
