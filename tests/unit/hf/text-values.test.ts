import { parseCount, parseShownDate } from '@/lib/hf/text-values';

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
