// @vitest-environment node
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { backupJson, parseBackup } from '@/lib/export/backup';
import { toBibtex, escape } from '@/lib/export/bibtex';
import { toCsv } from '@/lib/export/csv';
import { toMarkdown } from '@/lib/export/markdown';
import { planImport } from '@/lib/export/plan-import';
import { type Paper } from '@/lib/paper/model';
import { newPaper } from '@/lib/paper/paper';
import { SEED_PAPERS } from '../../fixtures/hf/markup';
import { clock, freshLibrary, metadata } from '../helpers';

function seedPapers(count: number): Paper[] {
  return SEED_PAPERS.slice(0, count).map((p, i) =>
    newPaper(metadata({ id: p.id, title: p.title, summary: p.summary, authors: p.authors, organization: p.organization, publishedAt: p.publishedAt, upvotes: p.upvotes, github: p.github }), 1_700_000_000_000 + i, i % 2 ? ['LLM'] : []),
  );
}

describe('JSON backup', () => {
  it('round-trips: export, then import into an empty library, gives an identical library', async () => {
    const source = freshLibrary();
    await source.importPapers(seedPapers(47));
    await source.setNote(SEED_PAPERS[3]!.id, 'Line one\nLine "two" — ünïcode');
    const text = backupJson(await source.allPapers());

    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    const target = freshLibrary();
    const plan = planImport(new Map(), parsed.ok ? parsed.backup.papers : []);
    expect(plan).toMatchObject({ unchanged: 0, updated: [] });
    await target.importPapers(plan.added);
    const sort = (ps: Paper[]) => [...ps].sort((a, b) => a.id.localeCompare(b.id));
    expect(sort(await target.allPapers())).toEqual(sort(await source.allPapers()));
  });

  it.each([
    ['not JSON', 'hello', /not JSON/],
    ['cut short', backupJson(seedPapers(3)).slice(0, 500), /cut short/],
    ['JSON of another kind', '{"papers": []}', /not a PaperShelf backup/],
    ['a newer format', JSON.stringify({ format: 'papershelf-backup', version: 9, exportedAt: '', papers: [] }), /newer PaperShelf/],
    ['a damaged paper', JSON.stringify({ format: 'papershelf-backup', version: 1, exportedAt: '', papers: [{ id: 'x' }] }), /damaged: paper 1/],
  ])('refuses a file that is %s, saying why', (_, text, message) => {
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });
});

describe('import plan', () => {
  it('says what is new, updated and unchanged, uniting tags and keeping the newer note', () => {
    const time = clock();
    const [a, b, c] = seedPapers(3);
    const mine = new Map([
      [a!.id, { ...a!, tags: ['LLM'], note: 'old note', updatedAt: time.now() }],
      [b!.id, b!],
    ]);
    const theirs = [
      { ...a!, tags: ['llm', 'agents'], note: 'newer note', updatedAt: time.now() + 1000, savedAt: a!.savedAt - 5 },
      b!,
      c!,
    ];
    const plan = planImport(mine, theirs);
    expect(plan.added.map((p) => p.id)).toEqual([c!.id]);
    expect(plan.unchanged).toBe(1);
    expect(plan.updated).toHaveLength(1);
    expect(plan.updated[0]).toMatchObject({ tags: ['LLM', 'agents'], note: 'newer note', savedAt: a!.savedAt - 5 });
  });

  it('keeps my note when the incoming copy is older', () => {
    const [a] = seedPapers(1);
    const plan = planImport(new Map([[a!.id, { ...a!, note: 'mine', updatedAt: 2000 }]]), [{ ...a!, note: 'theirs', updatedAt: 1000 }]);
    expect(plan.updated[0]?.note ?? 'mine').toBe('mine');
  });
});

describe('BibTeX', () => {
  it('writes arXiv-style @misc entries that a BibTeX parser reads back', () => {
    const papers = seedPapers(12);
    const bib = parseBibtex(toBibtex(papers), { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries).toHaveLength(12);
    const first = bib.entries.find((e) => e.fields.eprint === papers[0]!.id)!;
    expect(first.type).toBe('misc');
    expect(first.fields.title).toBe(papers[0]!.title);
    expect(first.fields.archiveprefix).toBe('arXiv');
    expect(first.fields.url).toBe(`https://arxiv.org/abs/${papers[0]!.id}`);
  });

  it('gives stable, unique keys', () => {
    const papers = seedPapers(5);
    const twin = { ...papers[0]!, id: '2699.00001' };
    const keys = (ps: Paper[]) => [...toBibtex(ps).matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1]);
    const all = keys([...papers, twin]);
    expect(new Set(all).size).toBe(6);
    // the same paper keeps its key when exported with others or alone
    expect(keys([papers[2]!])[0]).toBe(all[2]);
    expect(keys([twin, papers[0]!])).toEqual([all[5], all[0]]);
  });

  it('escapes special characters so they survive', () => {
    expect(escape('50% of {x} & y_1 #2 $5 ~ ^ \\')).toBe('50\\% of \\{x\\} \\& y\\_1 \\#2 \\$5 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
    const [p] = seedPapers(1);
    const bib = parseBibtex(toBibtex([{ ...p!, title: 'Scaling 100% of R&D_ops {fast}' }]), { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries[0]!.fields.title).toContain('Scaling 100% of R&D_ops');
  });
});

describe('CSV and Markdown', () => {
  it('writes CSV a spreadsheet reads, with quoting and without formulas', () => {
    const [p] = seedPapers(1);
    const csv = toCsv([{ ...p!, title: 'A "quoted", title', note: '=HYPERLINK("x")' }]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('arxiv_id,title,authors,organization,published,upvotes,tags,note,saved,hugging_face_url,arxiv_url,pdf_url,github');
    expect(row).toContain('"A ""quoted"", title"');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes a Markdown reading list with links, tags and notes', () => {
    const [p] = seedPapers(1);
    const md = toMarkdown([{ ...p!, tags: ['to read'], note: 'check *this*' }]);
    expect(md).toContain(`- [ ] [${p!.title}](https://huggingface.co/papers/${p!.id})`);
    expect(md).toContain('`to read`');
    expect(md).toContain('  > check \\*this\\*');
  });

  it('never writes a link that is not a plain https address, whatever the paper holds', () => {
    const [p] = seedPapers(1);
    const md = toMarkdown([
      { ...p!, title: 'x](javascript:alert(1)) [y', links: { huggingFace: 'javascript:alert(1)', arxiv: 'https://arxiv.org/abs/1 )[a](javascript:alert(2)', pdf: 'https://arxiv.org/pdf/(x)' } },
    ]);
    expect(md).not.toMatch(/\]\(javascript:/);
    expect(md).not.toMatch(/\]\([^)]*\s/);
    expect(md).toContain('[PDF](https://arxiv.org/pdf/%28x%29)');
    expect(md).toContain('x\\]\\(javascript:alert\\(1\\)\\) \\[y');
  });
});

describe('library tag admin and import', () => {
  it('renames, merges and deletes tags, keeping the papers', async () => {
    const library = freshLibrary();
    await library.importPapers(seedPapers(4).map((p, i) => ({ ...p, tags: i < 2 ? ['llm', 'x'] : ['LLMs'] })));
    expect(await library.renameTag('llm', 'LLM')).toBe(2);
    expect((await library.countPerTag()).map((t) => t.tag).sort()).toEqual(['LLM', 'LLMs', 'x']);
    expect(await library.renameTag('LLMs', 'llm')).toBe(2); // merge into the existing "LLM"
    expect(await library.countPerTag()).toEqual([
      { tag: 'LLM', count: 4 },
      { tag: 'x', count: 2 },
    ]);
    expect(await library.deleteTag('x')).toBe(2);
    expect(await library.countPapers()).toBe(4);
    expect(await library.countPerTag()).toEqual([{ tag: 'LLM', count: 4 }]);
  });

  it('imports all or nothing', async () => {
    const library = freshLibrary();
    const papers = seedPapers(10);
    const broken = { ...papers[9]!, id: undefined as unknown as string };
    await expect(library.importPapers([...papers.slice(0, 9), broken])).rejects.toThrow();
    expect(await library.countPapers()).toBe(0);
  });
});
