import type { Paper } from '../paper/model';

/** A reading list: one line a paper with its links, tags and note. */
export function toMarkdown(papers: Paper[], heading = 'Reading list'): string {
  const lines = [`# ${heading}`, '', `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}, exported from PaperShelf.`, ''];
  for (const p of papers) {
    const who = p.organization?.name ?? (p.authors.length > 3 ? `${p.authors[0]} et al.` : p.authors.join(', '));
    const meta = [who, p.publishedAt].filter(Boolean).join(', ');
    const tags = p.tags.length ? ` ${p.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(' ')}` : '';
    lines.push(`- [ ] [${text(p.title)}](${p.links.huggingFace})${meta ? ` — ${text(meta)}` : ''} · [arXiv](${p.links.arxiv}) · [PDF](${p.links.pdf})${tags}`);
    if (p.note) for (const line of p.note.split('\n')) lines.push(`  > ${text(line)}`);
  }
  return lines.join('\n') + '\n';
}

/** Keeps page text from turning into Markdown links or emphasis. */
function text(value: string): string {
  return value.replace(/([\\`*_[\]<>])/g, '\\$1');
}
