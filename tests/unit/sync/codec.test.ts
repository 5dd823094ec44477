// @vitest-environment node
import fc from 'fast-check';
import { normalizeArxivId } from '@/lib/paper/arxiv-id';
import { newClock, tick, type HybridClock } from '@/lib/sync/clock';
import { arxivIdFromKey, arxivKey } from '@/lib/sync/codec/arxiv-key';
import { decodeBase91, encodeBase91 } from '@/lib/sync/codec/base91';
import { decodeItem, encodeItem, FORMAT_VERSION, packBody } from '@/lib/sync/codec/item';
import { encodeBody } from '@/lib/sync/codec/shard-body';
import { emptySyncState, joinInto, recordLocalMarks, recordLocalPapers, recordLocalSettings, viewLibrary, type SyncState } from '@/lib/sync/sync-state';
import { buildLibrary, seededRandom } from '../../fixtures/sync-library';

const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261127);

function canonical(state: SyncState): string {
  return Array.from(encodeBody(state)).join(',');
}

/** A state with a bit of everything: two browsers, removals, a note conflict, marks, settings. */
function sampleState(): SyncState {
  const state = emptySyncState();
  let a = newClock('alpha1');
  let b = newClock('beta22');
  const at = (clock: HybridClock, now: number) => {
    const [stamp, next] = tick(clock, now);
    return [stamp, next] as const;
  };
  let s;
  [s, a] = at(a, 1_767_000_000_000);
  recordLocalPapers(state, [
    { id: '2401.00001', after: { id: '2401.00001', tags: ['LLM', 'to read'], note: 'ünïcode — "quoted" \\ note', savedAt: 1_767_000_000_000, updatedAt: 1_767_000_000_000 } },
    { id: '1412.3456', after: { id: '1412.3456', tags: [], note: '', savedAt: 1_600_000_000_000, updatedAt: 1_767_000_000_000 } },
    { id: '2401.1234', after: { id: '2401.1234', tags: ['RL'], note: '', savedAt: 5, updatedAt: 1_767_000_000_000 } },
    { id: '0704.0001', after: { id: '0704.0001', tags: ['old'], note: '', savedAt: 0, updatedAt: 0 } },
  ], s);
  const other = emptySyncState();
  [s, b] = at(b, 1_767_000_000_100);
  recordLocalPapers(other, [{ id: '2401.00001', after: { id: '2401.00001', tags: ['llm'], note: 'from b', savedAt: 1, updatedAt: 2 } }], s);
  joinInto(state, other);
  [s, a] = at(a, 1_767_000_000_200);
  recordLocalPapers(state, [{ id: '1412.3456', after: undefined }], s);
  recordLocalMarks(state, [{ id: '2501.00002', marked: true }, { id: '2501.00003', marked: true }], s);
  [s, b] = at(b, 1_767_000_000_300);
  recordLocalMarks(state, [{ id: '2501.00003', marked: false }], s);
  recordLocalSettings(state, new Map<string, unknown>([['intervalMinutes', 30], ['watchWords', ['diffusion', 'ünï']]]), s);
  return state;
}

describe('basE91', () => {
  it('round-trips any bytes, in characters JSON leaves as they are', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const text = encodeBase91(bytes);
        expect(JSON.stringify(text)).toBe(`"${text}"`);
        expect(decodeBase91(text)).toEqual(bytes);
      }),
      { numRuns: 500, seed: FUZZ_SEED },
    );
  });

  it('refuses characters outside its alphabet', () => {
    expect(decodeBase91('abc"d')).toBeUndefined();
    expect(decodeBase91('ab cd')).toBeUndefined();
    expect(decodeBase91('abcé')).toBeUndefined();
  });
});

describe('arXiv ids as numbers', () => {
  it.each(['2401.00001', '2401.1234', '1412.3456', '1412.03456', '0704.0001', '2612.99999'])('gives %s back exactly', (id) => {
    expect(arxivIdFromKey(arxivKey(id)!)).toBe(id);
  });

  it('round-trips every id the paper model accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{4}\.\d{4,5}$/), (raw) => {
        const id = normalizeArxivId(raw)!;
        expect(arxivIdFromKey(arxivKey(id)!)).toBe(id);
      }),
      { numRuns: 500, seed: FUZZ_SEED },
    );
  });
});

describe('items', () => {
  it('round-trip a state exactly', () => {
    const state = sampleState();
    const item = encodeItem(state);
    expect(item.startsWith(`${FORMAT_VERSION}`)).toBe(true);
    const read = decodeItem(item);
    expect(read.ok).toBe(true);
    expect(viewLibrary(state).papers.find((p) => p.id === '2401.00001')).toMatchObject({ note: 'from b', noteConflict: 'ünïcode — "quoted" \\ note' });
    if (read.ok) {
      expect(read.state).toEqual(state);
      expect(canonical(read.state)).toBe(canonical(state));
    }
  });

  it('round-trip a large library, compressed', () => {
    const { state } = buildLibrary(400);
    const item = encodeItem(state);
    expect(item.slice(0, 2)).toBe(`${FORMAT_VERSION}z`);
    const read = decodeItem(item);
    expect(read.ok && canonical(read.state)).toBe(canonical(state));
  });

  it('are compressed only when that makes them shorter', () => {
    const random = seededRandom(3);
    const noise = Uint8Array.from({ length: 300 }, () => Math.floor(random() * 256));
    expect(packBody(noise).slice(0, 2)).toBe(`${FORMAT_VERSION}r`);
    expect(packBody(new Uint8Array(300)).slice(0, 2)).toBe(`${FORMAT_VERSION}z`);
  });

  it.each([
    ['a number', 42, /not a string/],
    ['an object', { v: 1 }, /not a string/],
    ['an empty string', '', /no format header/],
    ['no header', 'z12345', /no format header/],
    ['an unknown mode', '1q!!!!', /unknown mode/],
    ['format 0', '0z!!!!', /unknown format/],
    ['a quote inside', '1r"abc', /not basE91/],
  ])('report %s as damaged, without throwing', (_, value, detail) => {
    const read = decodeItem(value);
    expect(read).toMatchObject({ ok: false, reason: 'damaged' });
    expect(!read.ok && read.reason === 'damaged' && read.detail).toMatch(detail);
  });

  it('report a newer format as such', () => {
    expect(decodeItem(`${FORMAT_VERSION + 1}z${encodeItem(sampleState()).slice(2)}`)).toEqual({ ok: false, reason: 'newer-format', format: FORMAT_VERSION + 1 });
    expect(decodeItem('17x')).toEqual({ ok: false, reason: 'newer-format', format: 17 });
  });

  it('refuse a well-formed item whose content breaks the rules', () => {
    const body = encodeBody(sampleState());
    const spelling = new TextEncoder().encode('to read');
    const at = body.findIndex((_, i) => spelling.every((byte, k) => body[i + k] === byte));
    const badTag = body.slice();
    badTag.set(new TextEncoder().encode('to\tread'), at);
    expect(decodeItem(packBody(badTag))).toMatchObject({ ok: false, detail: 'bad tag' });
    expect(decodeItem(packBody(Uint8Array.from([...body, 0])))).toMatchObject({ ok: false, detail: 'bytes after the end' });
  });

  it('refuse every cut-short or altered item, never half-reading it', () => {
    const random = seededRandom(FUZZ_SEED);
    for (const item of [encodeItem(sampleState()), encodeItem(buildLibrary(60).state)]) {
      const original = canonical((decodeItem(item) as { state: SyncState }).state);
      // Whatever is read from a changed item is all of the original or nothing (basE91's last
      // character has spare bits, so a few changes there still spell the same bytes).
      const wholeOrNothing = (value: string) => {
        const read = decodeItem(value);
        if (read.ok) expect(canonical(read.state)).toBe(original);
        return read.ok;
      };
      for (let cut = 2; cut < item.length; cut += Math.max(1, Math.floor(item.length / 200))) {
        expect(wholeOrNothing(item.slice(0, cut))).toBe(false);
      }
      for (let n = 0; n < 300; n++) {
        const at = 2 + Math.floor(random() * (item.length - 2));
        const alphabet = encodeBase91(Uint8Array.from({ length: 200 }, (_, i) => i));
        const replacement = alphabet[Math.floor(random() * alphabet.length)]!;
        if (replacement === item[at]) continue;
        const altered = item.slice(0, at) + replacement + item.slice(at + 1);
        if (at < item.length - 1) expect(wholeOrNothing(altered)).toBe(false);
        else wholeOrNothing(altered);
      }
    }
  });
});
