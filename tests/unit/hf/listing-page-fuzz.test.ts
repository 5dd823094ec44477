import fc from 'fast-check';
import { read as readListing } from '@/lib/hf/pages/listing';
import { PaperMetadataSchema } from '@/lib/paper/model';
import { FIXTURE_PAGES, parsePage } from '../../fixtures/hf/pages';

/** Fixed so the gate is repeatable; set FUZZ_SEED to explore other inputs. */
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261126);

const html = FIXTURE_PAGES.variants.html();
const today = new Date('2026-11-26T12:00:00Z');

/** Damage as pages get damaged: cut, duplicated, dropped or garbled stretches. */
const damage = fc.array(
  fc.record({
    at: fc.nat({ max: html.length }),
    length: fc.nat({ max: 4000 }),
    kind: fc.constantFrom('cut', 'drop', 'duplicate', 'garble'),
    junk: fc.string({ maxLength: 40 }),
  }),
  { minLength: 1, maxLength: 6 },
);

function apply(text: string, edits: { at: number; length: number; kind: string; junk: string }[]): string {
  for (const { at, length, kind, junk } of edits) {
    const i = Math.min(at, text.length);
    if (kind === 'cut') text = text.slice(0, i);
    else if (kind === 'drop') text = text.slice(0, i) + text.slice(i + length);
    else if (kind === 'duplicate') text = text.slice(0, i + length) + text.slice(i, i + length) + text.slice(i + length);
    else text = text.slice(0, i) + junk + text.slice(i + junk.length);
  }
  return text;
}

describe('the page reader on randomly damaged pages', () => {
  it('never throws and only yields papers the library accepts', () => {
    let found = 0;
    fc.assert(
      fc.property(damage, (edits) => {
        const doc = parsePage(apply(html, edits));
        const cards = readListing(doc, today);
        found += cards.length;
        expect(cards.filter((card) => !PaperMetadataSchema.safeParse(card.paper).success)).toEqual([]);
      }),
      { numRuns: 200, seed: FUZZ_SEED },
    );
    // Damaged pages still had cards to read: the property was checked on papers, not on nothing.
    expect(found).toBeGreaterThan(200);
  }, 120_000);
});

describe('the page reader on a damaged title link', () => {
  it('gives valid papers when a damaged title link swallows the abstract (found by the fuzz test)', () => {
    const damaged = apply(html, [
      { at: 49624, length: 0, kind: 'garble', junk: '      ' },
      { at: 50805, length: 0, kind: 'cut', junk: '' },
    ]);
    const doc = parsePage(damaged);
    const cards = readListing(doc, today);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.map((card) => PaperMetadataSchema.safeParse(card.paper).error).filter(Boolean)).toEqual([]);
  });
});
