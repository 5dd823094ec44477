/**
 * arXiv ids ("2401.12345") as numbers, so that a shard stores each id as the small gap from the one
 * before. Ids from 2015 on have five digits after the dot and older ones four; the rare id written the
 * other way (normalizeArxivId accepts both) carries a flag, so every id comes back exactly.
 */

const ID = /^(\d{4})\.(\d{4,5})$/;

export interface ArxivKey {
  key: number;
  /** The id has the digit count its year does not usually have. */
  odd: boolean;
}

export function arxivKey(id: string): ArxivKey | undefined {
  const match = ID.exec(id);
  if (!match) return undefined;
  const yymm = Number(match[1]);
  const digits = match[2]!;
  return { key: yymm * 100_000 + Number(digits), odd: (digits.length === 5) !== usesFiveDigits(yymm) };
}

export function arxivIdFromKey({ key, odd }: ArxivKey): string | undefined {
  const yymm = Math.floor(key / 100_000);
  const number = key % 100_000;
  if (yymm > 9999) return undefined;
  const five = usesFiveDigits(yymm) !== odd;
  if (!five && number > 9999) return undefined;
  return `${String(yymm).padStart(4, '0')}.${String(number).padStart(five ? 5 : 4, '0')}`;
}

export function compareArxivKeys(a: ArxivKey, b: ArxivKey): number {
  return a.key - b.key || Number(a.odd) - Number(b.odd);
}

function usesFiveDigits(yymm: number): boolean {
  return yymm >= 1501;
}
