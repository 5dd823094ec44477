import type { Paper } from '@/lib/paper/model';
import { httpsHref } from '@/lib/paper/urls';
import { t, tn } from '@/lib/i18n';

/** A reading list: one line a paper with its links, tags and note. */
export function toMarkdown(papers: Paper[], heading = t('export_markdown_heading')): string {
  const lines = [`# ${heading}`, '', tn('export_markdown_count', papers.length), ''];
  for (const p of papers) {
    const who = p.organization?.name ?? (p.authors.length > 3 ? t('paper_authors_et_al', p.authors[0]!) : p.authors.join(', '));
    const meta = [who, p.publishedAt].filter(Boolean).join(', ');
    const tags = p.tags.length ? ` ${p.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(' ')}` : '';
    const links = [link('arXiv', p.links.arxiv), link('PDF', p.links.pdf)].filter(Boolean).join(' · ');
    lines.push(`- [ ] ${link(text(p.title), p.links.huggingFace) || text(p.title)}${meta ? ` — ${text(meta)}` : ''}${links ? ` · ${links}` : ''}${tags}`);
    if (p.note) for (const line of p.note.split('\n')) lines.push(`  > ${text(line)}`);
  }
  return lines.join('\n') + '\n';
}

/** Keeps page text from turning into Markdown links or emphasis. */
function text(value: string): string {
  return value.replace(/([\\`*_[\]<>()!#|])/g, '\\$1');
}

/**
 * A Markdown link to a plain https address, or nothing. Parentheses are percent-encoded so a target
 * can never end early and start a link of its own.
 */
function link(label: string, url: string): string {
  const href = httpsHref(url);
  return href ? `[${label}](${href.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : '';
}
