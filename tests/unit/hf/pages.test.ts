import { papersPageKind } from '@/lib/hf/pages/kind';
import * as listing from '@/lib/hf/pages/listing';
import * as paper from '@/lib/hf/pages/paper';

describe('papers page kinds', () => {
  it.each([
    ['https://huggingface.co/papers', 'daily'],
    ['https://huggingface.co/papers/', 'daily'],
    ['https://huggingface.co/papers?q=diffusion', 'search'],
    ['https://huggingface.co/papers/trending', 'trending'],
    ['https://huggingface.co/papers/date/2026-03-24', 'date'],
    ['https://huggingface.co/papers/week/2026-W12', 'week'],
    ['https://huggingface.co/papers/month/2026-03', 'month'],
  ])('%s is a %s listing', (url, listing) => expect(papersPageKind(new URL(url))).toEqual({ kind: 'listing', listing }));

  it('knows a paper page and strips the version', () => {
    expect(papersPageKind(new URL('https://huggingface.co/papers/2401.12345v2'))).toEqual({ kind: 'paper', id: '2401.12345' });
  });

  it.each(['https://huggingface.co/models', 'https://huggingface.co/papers/submit', 'https://example.com/papers', 'https://huggingface.co/papers/trending/extra', 'https://huggingface.co/papers/constructor/x', 'https://huggingface.co/papers/%E0%A4%A'])(
    '%s is not a papers page',
    (url) => expect(papersPageKind(new URL(url))).toEqual({ kind: 'other' }),
  );
});

describe('each kind of page detects its own URLs and no other', () => {
  it('a listing is not a paper, a paper is not a listing', () => {
    expect(listing.detect(new URL('https://huggingface.co/papers/2401.12345'))).toBeUndefined();
    expect(paper.detect(new URL('https://huggingface.co/papers/trending'))).toBeUndefined();
    expect(paper.detect(new URL('https://huggingface.co/papers/week/2026-W12'))).toBeUndefined();
    expect(paper.detect(new URL('https://huggingface.co/papers/2401.12345'))).toBe('2401.12345');
    expect(listing.detect(new URL('https://huggingface.co/papers/week/2026-W12'))).toBe('week');
  });

  it('only on huggingface.co', () => {
    expect(listing.detect(new URL('https://huggingface.co.evil.example/papers'))).toBeUndefined();
    expect(paper.detect(new URL('https://evil.example/papers/2401.12345'))).toBeUndefined();
  });
});
