import { itemBytes } from '@/lib/sync/quota';

describe('what an item costs in storage.sync', () => {
  it('counts the key and the JSON of the value in UTF-8', () => {
    expect(itemBytes('papers/1', '1zabc')).toBe('papers/1'.length + '"1zabc"'.length);
    expect(itemBytes('k', 'é')).toBe(1 + 4);
    expect(itemBytes('k', { a: [1, 2] })).toBe(1 + '{"a":[1,2]}'.length);
  });

  it('counts "<" as Chrome does, escaped to \\u003C (six bytes), and the line separators likewise', () => {
    expect(itemBytes('k', 'a<b')).toBe(1 + '"a\\u003Cb"'.length);
    expect(itemBytes('k', '\u2028')).toBe(1 + '"\\u2028"'.length);
  });
});
