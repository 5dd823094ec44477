import { normalizeArxivId, paperLinks } from '@/lib/paper/arxiv-id';
import { ArxivIdSchema, PaperMetadataSchema, PaperSchema, TagListSchema, TagSchema } from '@/lib/paper/model';
import { mergeMetadata, newPaper } from '@/lib/paper/paper';
import { normalizeTag, uniqueTags, withTag, withoutTag } from '@/lib/paper/tags';
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
    const paper = newPaper(metadata(), 1000, ['vision']);
    expect(PaperSchema.parse(paper)).toEqual(paper);
    expect(paper).toMatchObject({ tags: ['vision'], note: '', savedAt: 1000, updatedAt: 1000 });
    expect(paper.links.pdf).toBe('https://arxiv.org/pdf/2606.03748');
  });

  it('lets fresh metadata update counts without losing the full abstract', () => {
    const full = metadata({ summary: 'A long abstract. '.repeat(20) });
    const fromCard = metadata({ summary: 'One line.', upvotes: 99, authors: [] });
    const merged = mergeMetadata(full, fromCard);
    expect(merged.upvotes).toBe(99);
    expect(merged.summary).toBe(full.summary);
    expect(merged.authors).toEqual(full.authors);
  });
});
