import type { Paper } from '@/lib/paper/model';

/**
 * BibTeX in the style arXiv itself exports: `@misc` with `eprint`, `archivePrefix` and `url`.
 * Keys are stable (the same paper always gets the same key, whatever else is exported) and unique.
 */
export function toBibtex(papers: Paper[]): string {
  const keys = uniqueKeys(papers);
  return papers.map((paper) => entry(paper, keys.get(paper.id)!)).join('\n\n') + (papers.length ? '\n' : '');
}

function entry(paper: Paper, key: string): string {
  const fields: [string, string][] = [
    ['title', `{${escape(paper.title)}}`],
    ['author', authorsField(paper)],
    ['year', paper.publishedAt?.slice(0, 4) ?? '20' + paper.id.slice(0, 2)],
    ['eprint', paper.id],
    ['archivePrefix', 'arXiv'],
    ['url', `https://arxiv.org/abs/${paper.id}`],
  ];
  if (paper.tags.length > 0) fields.push(['keywords', paper.tags.map(escape).join(', ')]);
  if (paper.note) fields.push(['note', escape(paper.note)]);
  const body = fields.filter(([, v]) => v !== '').map(([k, v]) => `  ${k} = {${v}}`);
  return `@misc{${key},\n${body.join(',\n')}\n}`;
}

function authorsField(paper: Paper): string {
  if (paper.authors.length > 0) return paper.authors.map(escape).join(' and ');
  // An organization is a corporate author: braces keep BibTeX from splitting its name.
  return paper.organization ? `{${escape(paper.organization.name)}}` : '';
}

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes the characters that mean something to (La)TeX; other Unicode passes through (biber reads UTF-8). */
export function escape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => SPECIAL[c]!).replace(/\s+/g, ' ').trim();
}

/** "jocher2026ultralytics": first author's family name, year, first title word; a, b, … on clashes. */
function uniqueKeys(papers: Paper[]): Map<string, string> {
  const byBase = new Map<string, Paper[]>();
  for (const paper of papers) {
    const base = baseKey(paper);
    byBase.set(base, [...(byBase.get(base) ?? []), paper]);
  }
  const keys = new Map<string, string>();
  for (const [base, group] of byBase) {
    // Order by id so the same paper keeps its suffix from one export to the next.
    const ordered = [...group].sort((a, b) => a.id.localeCompare(b.id));
    ordered.forEach((paper, i) => keys.set(paper.id, group.length === 1 ? base : `${base}${suffix(i)}`));
  }
  return keys;
}

function suffix(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : `${suffix(Math.floor(i / 26) - 1)}${String.fromCharCode(97 + (i % 26))}`;
}

function baseKey(paper: Paper): string {
  const who = paper.authors[0]?.split(/\s+/).at(-1) ?? paper.organization?.handle ?? 'arxiv';
  const year = paper.publishedAt?.slice(0, 4) ?? `20${paper.id.slice(0, 2)}`;
  const word = paper.title.split(/\s+/).map(ascii).find((w) => w.length > 3) ?? paper.id.replace('.', '');
  return `${ascii(who)}${year}${word}`;
}

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}
