import { parseCount, parseShownDate } from '@/lib/hf/text-values';
import { papersPageKind } from '@/lib/hf/page-kind';

const today = new Date('2026-11-26T12:00:00Z');

describe('numbers as Hugging Face shows them', () => {
  it.each([
    ['327', 327],
    ['-', 0],
    ['1.66k', 1660],
    ['62.2k', 62200],
    ['1,204', 1204],
    ['2M', 2000000],
    [' 12 ', 12],
  ])('%j is %d', (text, n) => expect(parseCount(text)).toBe(n));

  it.each(['', 'abc', '1.2.3', 'k'])('%j is not a number', (text) => expect(parseCount(text)).toBeUndefined());
});

describe('dates as Hugging Face shows them', () => {
  it.each([
    ['Published on Sep 8, 2026', '2026-09-08'],
    ['Sep 8, 2026', '2026-09-08'],
    ['Aug 3, 2025', '2025-08-03'],
    ['Mar 9', '2026-03-09'],
    ['Dec 30', '2025-12-30'], // without a year and in the future: last year
  ])('%j is %s', (text, iso) => expect(parseShownDate(text, today)).toBe(iso));

  it.each(['Feb 31, 2026', 'Foo 3, 2026', 'yesterday', '3 Sep 2026'])('%j is not a date', (text) =>
    expect(parseShownDate(text, today)).toBeUndefined(),
  );
});

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

  it.each(['https://huggingface.co/models', 'https://huggingface.co/papers/submit', 'https://example.com/papers'])(
    '%s is not a papers page',
    (url) => expect(papersPageKind(new URL(url))).toEqual({ kind: 'other' }),
  );
});
