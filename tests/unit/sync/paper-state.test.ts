// @vitest-environment node
import fc from 'fast-check';
import { LIMITS } from '@/lib/paper/limits';
import { newClock, observe, tick, type HybridClock, type Stamp } from '@/lib/sync/clock';
import { encodeBody } from '@/lib/sync/codec/shard-body';
import { withSyncedFields } from '@/lib/sync/local-rows';
import { joinPapers, paperView, prunePaper, type LocalPaper, type PaperState, type SyncedPaper } from '@/lib/sync/paper-state';
import {
  emptySyncState,
  joinStates,
  latestTime,
  mergeInto,
  pruneState,
  recordExistingLibrary,
  recordLocalMarks,
  recordLocalPapers,
  recordLocalSettings,
  resolveNoteConflicts,
  viewLibrary,
  type SyncState,
} from '@/lib/sync/sync-state';

const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const ID = '2401.00001';
const T0 = Date.UTC(2026, 0, 5, 9);

/** One browser: its sync state and clock, and a library row per paper. */
class Replica {
  state = emptySyncState();
  private clock: HybridClock;

  constructor(name: string) {
    this.clock = newClock(name);
  }

  at(now: number): Stamp {
    const [stamp, clock] = tick(this.clock, now);
    this.clock = clock;
    return stamp;
  }

  row(id = ID): SyncedPaper | undefined {
    return viewLibrary(this.state).papers.find((p) => p.id === id);
  }

  write(now: number, change: (row: LocalPaper | undefined) => LocalPaper | undefined, id = ID): string[] {
    const before = this.row(id);
    const after = change(before && { id, tags: before.tags, note: before.note, savedAt: before.savedAt, updatedAt: before.updatedAt });
    return recordLocalPapers(this.state, [{ id, after: after && { ...after, updatedAt: now } }], this.at(now));
  }

  save(now: number, tags: string[] = [], note = '', id = ID) {
    return this.write(now, (row) => row ?? { id, tags, note, savedAt: now, updatedAt: now }, id);
  }

  hear(other: Replica) {
    const result = mergeInto(this.state, other.state);
    this.clock = observe(this.clock, latestTime(other.state));
    return result;
  }
}

function exchange(...replicas: Replica[]) {
  for (const a of replicas) for (const b of replicas) if (a !== b) a.hear(b);
}

describe('a paper edited on two browsers', () => {
  it('keeps adds and removals of different tags from both', () => {
    const [a, b] = [new Replica('a'), new Replica('b')];
    a.save(T0, ['LLM', 'vision', 'RL']);
    exchange(a, b);
    a.write(T0 + 10, (p) => ({ ...p!, tags: [...p!.tags.filter((t) => t !== 'vision'), 'agents'] }));
    b.write(T0 + 20, (p) => ({ ...p!, tags: [...p!.tags.filter((t) => t !== 'RL'), 'to read'] }));
    exchange(a, b);
    expect(a.row()!.tags.sort()).toEqual(['LLM', 'agents', 'to read']);
    expect(b.row()).toEqual(a.row());
  });

  it('compares tags by tagKey: the later spelling wins, and one tag stays one', () => {
    const [a, b] = [new Replica('a'), new Replica('b')];
    a.save(T0, ['llm']);
    b.save(T0 + 5, ['LLM']);
    exchange(a, b);
    expect(a.row()!.tags).toEqual(['LLM']);
    expect(b.row()).toEqual(a.row());
  });

  it('ends removed when the removal came after the other browser\'s edit', () => {
    const [a, b] = [new Replica('a'), new Replica('b')];
    a.save(T0, ['LLM']);
    exchange(a, b);
    b.write(T0 + 10, (p) => ({ ...p!, tags: [...p!.tags, 'RL'] }));
    a.write(T0 + 20, () => undefined);
    exchange(a, b);
    expect(a.row()).toBeUndefined();
    expect(b.row()).toBeUndefined();
  });

  it('comes back, as the later edit left it, when the edit came after the removal', () => {
    const [a, b] = [new Replica('a'), new Replica('b')];
    a.save(T0, ['LLM'], 'first note');
    exchange(a, b);
    a.write(T0 + 10, () => undefined);
    b.write(T0 + 20, (p) => ({ ...p!, tags: [...p!.tags, 'RL'] }));
    exchange(a, b);
    // The removal cleared what came before it; the later edit keeps the paper, with what it set.
    expect(a.row()).toEqual({ id: ID, tags: ['RL'], note: '', savedAt: T0, updatedAt: T0 + 20 });
    expect(b.row()).toEqual(a.row());
  });

  it('breaks a tie of wall-clock times the same way everywhere (by replica id)', () => {
    const [a, b] = [new Replica('a'), new Replica('b')];
    a.save(T0, ['LLM']);
    exchange(a, b);
    a.write(T0 + 10, () => undefined);
    b.write(T0 + 10, (p) => ({ ...p!, note: 'same millisecond' }));
    exchange(a, b);
    // Stamps (t, "a") < (t, "b"): b's edit is the later action.
    expect(a.row()?.note).toBe('same millisecond');
    expect(b.row()).toEqual(a.row());
  });

  it('orders an action after everything its browser heard of, even when its wall clock is behind', () => {
    const [a, b] = [new Replica('a'), new Replica('b')];
    a.save(T0 + 60_000, ['LLM']);
    exchange(a, b);
    b.write(T0, (p) => ({ ...p!, tags: [] })); // b's clock is a minute slow
    exchange(a, b);
    expect(a.row()!.tags).toEqual([]);
  });

  it('never shows more tags than a paper may hold, and the same ones everywhere', () => {
    const [a, b] = [new Replica('a'), new Replica('b')];
    a.save(T0);
    exchange(a, b);
    a.write(T0 + 10, (p) => ({ ...p!, tags: Array.from({ length: 150 }, (_, i) => `a${i}`) }));
    b.write(T0 + 20, (p) => ({ ...p!, tags: Array.from({ length: 150 }, (_, i) => `b${i}`) }));
    exchange(a, b);
    const tags = a.row()!.tags;
    expect(tags).toHaveLength(LIMITS.tagsPerPaper);
    expect(tags.filter((t) => t.startsWith('a'))).toHaveLength(150); // the first added stay
    expect(b.row()).toEqual(a.row());
  });

  it('records nothing for a row that equals what the state shows', () => {
    const a = new Replica('a');
    a.save(T0, ['LLM'], 'note');
    const row = a.row()!;
    expect(recordLocalPapers(a.state, [{ id: ID, after: { ...row, tags: [...row.tags] } }], a.at(T0 + 5))).toEqual([]);
    expect(recordLocalPapers(a.state, [{ id: '2401.99999', after: undefined }], a.at(T0 + 6))).toEqual([]);
  });

  it('refuses ids that are not arXiv ids', () => {
    const a = new Replica('a');
    expect(() => a.save(T0, [], '', 'hep-th/9901001')).toThrow(RangeError);
    expect(() => recordLocalMarks(a.state, [{ id: '2401.1', marked: true }], a.at(T0))).toThrow(RangeError);
  });
});

describe('notes', () => {
  it('keep the last writer\'s note and the losing one, on both browsers, until the person has seen it', () => {
    const [a, b] = [new Replica('a'), new Replica('b')];
    a.save(T0);
    exchange(a, b);
    a.write(T0 + 10, (p) => ({ ...p!, note: 'from a' }));
    b.write(T0 + 20, (p) => ({ ...p!, note: 'from b' }));
    exchange(a, b);
    expect(a.row()).toMatchObject({ note: 'from b', noteConflict: 'from a' });
    expect(b.row()).toEqual(a.row());

    expect(resolveNoteConflicts(a.state, [ID])).toEqual([ID]);
    exchange(a, b);
    for (const r of [a, b]) expect(r.row()).toMatchObject({ note: 'from b' });
    for (const r of [a, b]) expect(r.row()!.noteConflict).toBeUndefined();
  });

  it('show no conflict when one browser edited knowing the other\'s note, however many edits ago', () => {
    const [a, b] = [new Replica('a'), new Replica('b')];
    a.save(T0, [], 'v1');
    exchange(a, b);
    for (const [i, text] of ['v2', 'v3', 'v4'].entries()) b.write(T0 + 10 * (i + 1), (p) => ({ ...p!, note: text }));
    exchange(a, b); // a still holds v1, which b overwrote knowingly
    expect(a.row()).toMatchObject({ note: 'v4' });
    expect(a.row()!.noteConflict).toBeUndefined();
  });

  it('keep a note written concurrently even after the winner edited again', () => {
    const [a, b] = [new Replica('a'), new Replica('b')];
    a.save(T0);
    exchange(a, b);
    a.write(T0 + 5, (p) => ({ ...p!, note: 'a wrote this' }));
    b.write(T0 + 10, (p) => ({ ...p!, note: 'b1' }));
    b.write(T0 + 20, (p) => ({ ...p!, note: 'b2' }));
    exchange(a, b);
    expect(a.row()).toMatchObject({ note: 'b2', noteConflict: 'a wrote this' });
  });

  it('keep a cleared note\'s text as the loser when the clearing wins', () => {
    const [a, b] = [new Replica('a'), new Replica('b')];
    a.save(T0, [], 'old');
    exchange(a, b);
    a.write(T0 + 5, (p) => ({ ...p!, note: 'rewritten' }));
    b.write(T0 + 10, (p) => ({ ...p!, note: '' }));
    exchange(a, b);
    expect(a.row()).toMatchObject({ note: '', noteConflict: 'rewritten' });
  });
});

describe('"not interested" marks and settings', () => {
  it('end as the later action says', () => {
    const [a, b] = [new Replica('a'), new Replica('b')];
    recordLocalMarks(a.state, [{ id: '2402.00002', marked: true }, { id: '2402.00003', marked: true }], a.at(T0));
    exchange(a, b);
    recordLocalMarks(b.state, [{ id: '2402.00002', marked: false }], b.at(T0 + 10));
    recordLocalMarks(a.state, [{ id: '2402.00003', marked: false }], a.at(T0 + 5));
    recordLocalMarks(b.state, [{ id: '2402.00003', marked: false }], b.at(T0 + 8));
    recordLocalMarks(b.state, [{ id: '2402.00003', marked: true }], b.at(T0 + 20));
    recordLocalSettings(a.state, new Map<string, unknown>([['intervalMinutes', 60]]), a.at(T0 + 30));
    recordLocalSettings(b.state, new Map<string, unknown>([['intervalMinutes', 15], ['source', 'daily']]), b.at(T0 + 25));
    exchange(a, b);
    for (const r of [a, b]) {
      const view = viewLibrary(r.state);
      expect(view.marks).toEqual([{ id: '2402.00003', markedAt: T0 + 20 }]);
      expect(Object.fromEntries(view.settings)).toEqual({ intervalMinutes: 60, source: 'daily' });
    }
  });
});

describe('pruning', () => {
  const DAY = 86_400_000;

  it('forgets old tombstones without changing the library', () => {
    const a = new Replica('a');
    a.save(T0, ['LLM', 'RL']);
    a.save(T0, ['x'], '', '2401.00002');
    a.write(T0 + 10, (p) => ({ ...p!, tags: ['LLM'] }));
    a.write(T0 + 20, () => undefined, '2401.00002');
    const before = viewLibrary(a.state);
    pruneState(a.state, T0 + 100 * DAY);
    expect(viewLibrary(a.state)).toEqual(before);
    expect(a.state.papers.has('2401.00002')).toBe(false);
    expect(a.state.papers.get(ID)!.tags.map((t) => t.tag)).toEqual(['LLM']);
  });

  it('keeps tombstones younger than the horizon', () => {
    const a = new Replica('a');
    a.save(T0, ['LLM']);
    a.write(T0 + 10, () => undefined);
    const state = a.state.papers.get(ID)!;
    expect(prunePaper(state, T0)).toBe(state);
  });
});

/** A random history of one paper on up to three browsers that sometimes hear each other. */
const histories = fc.array(
  fc.record({
    replica: fc.nat(2),
    kind: fc.constantFrom('save', 'unsave', 'tag', 'untag', 'note', 'hear', 'resolve'),
    arg: fc.nat(3),
    wait: fc.integer({ min: -50, max: 200 }),
  }),
  { maxLength: 40, size: 'max' },
);

function play(history: { replica: number; kind: string; arg: number; wait: number }[]): PaperState[] {
  const replicas = [new Replica('r0'), new Replica('r1'), new Replica('r2')];
  let now = T0;
  for (const step of history) {
    const r = replicas[step.replica]!;
    now += step.wait;
    const tag = ['LLM', 'llm', 'RL', 'to read'][step.arg]!;
    if (step.kind === 'save') r.save(now, [tag]);
    else if (step.kind === 'unsave') r.write(now, () => undefined);
    else if (step.kind === 'tag') r.write(now, (p) => p && { ...p, tags: [...p.tags, tag] });
    else if (step.kind === 'untag') r.write(now, (p) => p && { ...p, tags: p.tags.slice(1) });
    else if (step.kind === 'note') r.write(now, (p) => p && { ...p, note: `note ${step.arg}` });
    else if (step.kind === 'resolve') resolveNoteConflicts(r.state, [ID]);
    else r.hear(replicas[step.arg % 3]!);
  }
  return replicas.map((r) => r.state.papers.get(ID) ?? { id: ID, tags: [] });
}

function canonical(state: PaperState): string {
  const wrapped: SyncState = emptySyncState();
  wrapped.papers.set(ID, state);
  return Array.from(encodeBody(wrapped)).join(',');
}

describe('the join of paper states', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(histories, (history) => {
        const [x, y, z] = play(history) as [PaperState, PaperState, PaperState];
        expect(canonical(joinPapers(x, y))).toBe(canonical(joinPapers(y, x)));
        expect(canonical(joinPapers(joinPapers(x, y), z))).toBe(canonical(joinPapers(x, joinPapers(y, z))));
        expect(canonical(joinPapers(x, x))).toBe(canonical(x));
        expect(canonical(joinPapers(joinPapers(x, y), y))).toBe(canonical(joinPapers(x, y)));
        expect(paperView(joinPapers(x, y))).toEqual(paperView(joinPapers(y, x)));
      }),
      { numRuns: 300, seed: FUZZ_SEED },
    );
  });

  it('gives whole states the same laws', () => {
    fc.assert(
      fc.property(histories, histories, (h1, h2) => {
        const states = [...play(h1), ...play(h2)].map((paper) => {
          const s = emptySyncState();
          if (paper.meta || paper.removed) s.papers.set(paper.id, paper);
          return s;
        });
        const [a, b] = [states[0]!, states[4]!];
        const enc = (s: SyncState) => Array.from(encodeBody(s)).join(',');
        expect(enc(joinStates(a, b))).toBe(enc(joinStates(b, a)));
        expect(enc(joinStates(a, a))).toBe(enc(a));
      }),
      { numRuns: 100, seed: FUZZ_SEED },
    );
  });
});

describe('turning sync on with a library already there', () => {
  it('unites it with the synced library, letting later actions elsewhere win', () => {
    const a = new Replica('a');
    a.save(T0, ['LLM'], '', '2401.00001');
    a.save(T0, ['x'], '', '2401.00002');
    a.save(T0, [], '', '2401.00003');
    a.write(T0 + 100, () => undefined, '2401.00002');
    a.write(T0 + 100, () => undefined, '2401.00003');

    const b = new Replica('b');
    const rows = [
      { id: '2401.00001', tags: ['RL'], note: 'mine', savedAt: T0 - 5, updatedAt: T0 + 50 },
      { id: '2401.00002', tags: ['x'], note: '', savedAt: T0 - 5, updatedAt: T0 + 10 }, // edited before a removed it
      { id: '2401.00003', tags: ['y'], note: '', savedAt: T0 - 5, updatedAt: T0 + 200 }, // edited after
      { id: '2401.00004', tags: [], note: '', savedAt: T0, updatedAt: T0 + 20 },
    ];
    const seeded = recordExistingLibrary(b.state, rows, 'b');
    expect(seeded.changes.papers.map((c) => c.id)).toEqual(rows.map((r) => r.id));
    b.hear(a);
    a.hear(b);
    for (const r of [a, b]) {
      const view = viewLibrary(r.state).papers.sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(view.map((p) => [p.id, [...p.tags].sort(), p.note])).toEqual([
        ['2401.00001', ['LLM', 'RL'], 'mine'],
        ['2401.00003', ['y'], ''],
        ['2401.00004', [], ''],
      ]);
    }
  });
});

describe('applying a synced paper to a library row', () => {
  it('keeps the row\'s tag order and spelling changes, adds new tags at the end', () => {
    const row = { id: ID, tags: ['vision', 'llm', 'RL'], note: '', savedAt: 1, updatedAt: 1, title: 'kept' };
    const synced = { id: ID, tags: ['LLM', 'agents', 'vision'], note: 'n', savedAt: 1, updatedAt: 2 };
    expect(withSyncedFields(row, synced)).toEqual({ id: ID, tags: ['vision', 'LLM', 'agents'], note: 'n', savedAt: 1, updatedAt: 2, title: 'kept' });
  });
});
