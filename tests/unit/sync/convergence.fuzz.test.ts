// @vitest-environment node
import fc from 'fast-check';
import { Browser, libraryOf, NOTES, PAPER_IDS, sortedPaper, TAG_SPELLINGS, viewOf, World, type Action } from './simulation';

/** Fixed so the gate is repeatable; set FUZZ_SEED to explore other runs (and FUZZ_RUNS for more of them). */
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);

const ACTIONS: Action[] = ['save', 'save', 'unsave', 'addTag', 'removeTag', 'respell', 'setNote', 'setNote', 'setNote', 'resolve', 'resolve', 'resolve', 'mark', 'unmark'];
const browser = fc.nat(2);

const step = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('act' as const), browser, action: fc.constantFrom(...ACTIONS), paper: fc.oneof(fc.constant(0), fc.nat(PAPER_IDS.length - 1)), tag: fc.nat(TAG_SPELLINGS.length - 1), note: fc.nat(NOTES.length - 1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 4000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skew' as const), browser, ms: fc.integer({ min: -6000, max: 6000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('publish' as const), browser }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), browser, pick: fc.nat(), mode: fc.constantFrom('deliver' as const, 'deliver' as const, 'duplicate' as const, 'drop' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('readAll' as const), browser }) },
);

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function run(world: World, steps: Step[]) {
  for (const s of steps) {
    const b = 'browser' in s ? world.browsers[s.browser]! : undefined;
    if (s.kind === 'act') world.act(b!, s.action, PAPER_IDS[s.paper]!, TAG_SPELLINGS[s.tag]!, NOTES[s.note]!);
    else if (s.kind === 'wait') world.now += s.ms;
    else if (s.kind === 'skew') b!.skew = s.ms;
    else if (s.kind === 'publish') world.publish(b!);
    else if (s.kind === 'deliver') world.deliver(b!, s.pick, s.mode);
    else world.readAll(b!);
    // Each browser's library always shows what its sync state says.
    if (b) expect(libraryOf(b)).toEqual(viewOf(b.state));
  }
}

describe('three browsers syncing through storage.sync', () => {
  it('end with the same library, the one their actions give in stamp order, whatever the delivery', () => {
    let [conflicts, resolved, concurrentWrites] = [0, 0, 0];
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }), fc.array(step, { maxLength: 40, size: 'max' }), (steps, later) => {
        // Browsers act and sync for a while, everyone catches up, and they go on (seeing any conflicts).
        const world = new World([new Browser('a1'), new Browser('b2'), new Browser('c3')]);
        run(world, steps);
        world.settle();
        run(world, later);
        const rounds = world.settle();
        expect(rounds).toBeLessThanOrEqual(3);

        const [first, ...others] = world.browsers.map((b) => libraryOf(b));
        for (const other of others) expect(other).toEqual(first);
        for (const b of world.browsers) expect(viewOf(b.state)).toEqual(first);
        conflicts += world.browsers.reduce((sum, b) => sum + b.conflictsShown, 0);
        resolved += world.resolved;
        concurrentWrites += world.overwrites;
        const expected = world.expected();
        expect({ papers: first!.papers.map((p) => sortedPaper(p, false)), marks: first!.marks }).toEqual({
          papers: expected.papers.map((p) => sortedPaper(p)).sort((a, b) => (a.id < b.id ? -1 : 1)),
          marks: expected.marks.sort(),
        });

        // Settled means settled: hearing everything again writes nothing.
        const writes = world.writes;
        for (const b of world.browsers) {
          world.readAll(b);
          world.publish(b);
        }
        expect(world.writes).toBe(writes);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    // The runs must reach the hard cases, not only pass.
    expect(conflicts, 'note conflicts shown').toBeGreaterThan(0);
    expect(resolved, 'note conflicts dismissed').toBeGreaterThan(0);
    expect(concurrentWrites, 'writes that overwrote an unheard value').toBeGreaterThan(0);
    console.info(`${FUZZ_RUNS} runs: ${conflicts} note conflicts shown, ${resolved} dismissed, ${concurrentWrites} concurrent writes lost at the store`);
  }, Math.max(20_000, FUZZ_RUNS * 50));
});
