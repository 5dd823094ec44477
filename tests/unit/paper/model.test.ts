import { normalizeArxivId, paperLinks } from '@/lib/paper/arxiv-id';
import { ArxivIdSchema, PaperMetadataSchema, PaperSchema, TagListSchema, TagSchema } from '@/lib/paper/model';
import { fillMetadata, mergeMetadata, newPaper } from '@/lib/paper/paper';
import { normalizeTag, tagKey, uniqueTags, withTag, withoutTag } from '@/lib/paper/tags';
import { LIMITS } from '@/lib/paper/limits';
import { metadata } from '../helpers';

describe('arXiv ids', () => {
  it.each([
    ['2401.12345', '2401.12345'],
    ['2401.12345v2', '2401.12345'],
    ['arXiv:2104.13100v11', '2104.13100'],
    [' 1802.08979 ', '1802.08979'],
    ['1802.0897', '1802.0897'],
  ])('normalizes %s to %s', (raw, id) => {
    expect(normalizeArxivId(raw)).toBe(id);
  });

  it.each(['240.12345', '2401.123', '2401.123456', 'hep-th/9901001', '2401-12345', '', '2401.12345v', '2401.12345 x'])(
    'refuses %j',
    (raw) => {
      expect(normalizeArxivId(raw)).toBeNull();
      expect(ArxivIdSchema.safeParse(raw).success).toBe(false);
    },
  );

  it('links to the Hugging Face page, the arXiv abstract and the PDF', () => {
    expect(paperLinks('2606.03748')).toEqual({
      huggingFace: 'https://huggingface.co/papers/2606.03748',
      arxiv: 'https://arxiv.org/abs/2606.03748',
      pdf: 'https://arxiv.org/pdf/2606.03748',
    });
  });
});

describe('tags', () => {
  it('trims and collapses inner spaces', () => {
    expect(normalizeTag('  deep \t  learning\n')).toBe('deep learning');
  });

  it('keeps the first spelling and never the same tag twice', () => {
    expect(uniqueTags(['LLM', 'llm', ' Llm ', 'vision', 'Vision  ', ''])).toEqual(['LLM', 'vision']);
  });

  it('adds and removes tags case-insensitively', () => {
    expect(withTag(['LLM'], 'llm')).toEqual(['LLM']);
    expect(withTag(['LLM'], ' to  read ')).toEqual(['LLM', 'to read']);
    expect(withoutTag(['LLM', 'to read'], 'llm')).toEqual(['to read']);
  });

  it('refuses empty and overlong tags with a message', () => {
    const empty = TagSchema.safeParse('   ');
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toMatch(/empty/);
    expect(TagSchema.safeParse('x'.repeat(65)).success).toBe(false);
    expect(TagListSchema.parse(['a', 'A', ' b '])).toEqual(['a', 'b']);
  });

  it('match on one key whatever the case, composition or invisible characters', () => {
    expect(tagKey('İstanbul')).toBe(tagKey('i̇stanbul'));
    expect(tagKey('STRASSE')).toBe(tagKey('straße'));
    expect(tagKey('llm\u200B')).toBe(tagKey('LLM'));
    expect(tagKey('\u202Ellm')).toBe('llm');
    expect(tagKey('a\u0301')).toBe(tagKey('\u00E1')); // NFD and NFC "á"
    expect(tagKey('ﬁne-tuning')).toBe(tagKey('fine-tuning'));
    expect(uniqueTags(['llm\u200B', 'LLM', 'a\u0301', '\u00E1'])).toEqual(['llm', '\u00E1']);
  });

  it(`refuse more than ${LIMITS.tagsPerPaper} tags on a paper, counting each tag once`, () => {
    const many = Array.from({ length: LIMITS.tagsPerPaper + 1 }, (_, i) => `tag ${i}`);
    expect(TagListSchema.safeParse(many).error?.issues[0]?.message).toMatch(/at most 200 tags/);
    expect(TagListSchema.parse([...many.slice(0, LIMITS.tagsPerPaper), 'TAG 0'])).toHaveLength(LIMITS.tagsPerPaper);
  });
});

describe('paper model', () => {
  it('strips the version from the id and fills defaults', () => {
    const parsed = PaperMetadataSchema.parse({ id: '2606.03748v3', title: '  YOLO26  ' });
    expect(parsed).toEqual({ id: '2606.03748', title: 'YOLO26', summary: '', authors: [] });
  });

  it('refuses a paper without a title, a bad id, negative counts and non-https links', () => {
    expect(PaperMetadataSchema.safeParse({ id: '2606.03748', title: '' }).success).toBe(false);
    expect(PaperMetadataSchema.safeParse({ id: 'nope', title: 'x' }).success).toBe(false);
    expect(PaperMetadataSchema.safeParse({ id: '2606.03748', title: 'x', upvotes: -1 }).success).toBe(false);
    expect(
      PaperMetadataSchema.safeParse({ id: '2606.03748', title: 'x', thumbnailUrl: 'javascript:alert(1)' }).success,
    ).toBe(false);
  });

  it('builds a library record that the schema accepts', () => {
    const saved = Date.UTC(2026, 10, 26);
    const paper = newPaper(metadata(), saved, ['vision']);
    expect(PaperSchema.parse(paper)).toEqual(paper);
    expect(paper).toMatchObject({ tags: ['vision'], note: '', savedAt: saved, updatedAt: saved });
    expect(paper.links.pdf).toBe('https://arxiv.org/pdf/2606.03748');
  });

  it('refuses dates no library can hold, such as a saved time in the year 287,000', () => {
    const paper = newPaper(metadata(), Date.UTC(2026, 0, 1));
    expect(PaperSchema.safeParse({ ...paper, savedAt: 9e15 }).success).toBe(false);
    expect(PaperSchema.safeParse({ ...paper, updatedAt: -1 }).success).toBe(false);
    expect(PaperSchema.safeParse({ ...paper, publishedAt: '9999-01-01' }).success).toBe(false);
  });

  it('makes links anew from the id and refuses addresses that could end a link early', () => {
    const paper = newPaper(metadata(), Date.UTC(2026, 0, 1));
    const forged = PaperSchema.parse({ ...paper, links: { huggingFace: 'javascript:alert(1)', arxiv: 'x', pdf: 'y' } });
    expect(forged.links).toEqual(paper.links);
    for (const repo of ['https://github.com/a/b )[x](javascript:alert(1)', 'https://github.com/<a>', 'http://github.com/a/b', 'javascript://github.com/%0Aalert(1)']) {
      expect(PaperMetadataSchema.safeParse({ id: '2606.03748', title: 'x', github: { repo } }).success, repo).toBe(false);
    }
  });

  it('lets fresh metadata update counts without losing the full abstract', () => {
    const full = metadata({ summary: 'A long abstract. '.repeat(20) });
    const fromCard = metadata({ summary: 'One line.', upvotes: 99, authors: [] });
    const merged = mergeMetadata(full, fromCard);
    expect(merged.upvotes).toBe(99);
    expect(merged.summary).toBe(full.summary);
    expect(merged.authors).toEqual(full.authors);
  });

  it('lets metadata from a page fill in what a saved paper lacks, never replace it', () => {
    const saved = metadata({ title: 'The real title', upvotes: undefined });
    const fromPage = metadata({ title: 'x', summary: 'Short.', upvotes: 5, authors: ['Someone Else'] });
    expect(fillMetadata(saved, fromPage)).toEqual({ ...saved, upvotes: 5 });
  });
});
