// @vitest-environment node
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { paperView } from '@/lib/sync/paper-state';
import { loadSyncState } from '@/lib/sync/service/sync-store';
import { metadata } from '../helpers';
import { exchange, profile, settleAll, simulatedClock, syncedRows, type Profile } from './profiles';

/**
 * Two browsers with sync on, each person's actions going through the Library (as the popup's and the
 * settings page's do) and the vendor's sync service delivering items at random moments: once both
 * have heard everything, their libraries are the same, each equals its own replicated state, and
 * nothing is written any more.
 */

const IDS = ['2401.00001', '2312.12345', '1412.3456'];
const TAGS = ['LLM', 'llm', 'Vision', 'to read'];
const NOTES = ['', 'read later', 'great ablations'];

type Step =
  | { kind: 'save' | 'unsave' | 'mark' | 'unmark'; who: 0 | 1; id: number }
  | { kind: 'addTag' | 'removeTag'; who: 0 | 1; id: number; tag: number }
  | { kind: 'note'; who: 0 | 1; id: number; note: number }
  | { kind: 'deliver'; who: 0 | 1 }
  | { kind: 'write'; who: 0 | 1 }
  | { kind: 'wait'; ms: number };

const who = fc.constantFrom<0 | 1>(0, 1);
const id = fc.nat(IDS.length - 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('save', 'unsave', 'mark', 'unmark'), who, id }),
  fc.record({ kind: fc.constantFrom('addTag', 'removeTag'), who, id, tag: fc.nat(TAGS.length - 1) }),
  fc.record({ kind: fc.constant('note'), who, id, note: fc.nat(NOTES.length - 1) }),
  fc.record({ kind: fc.constantFrom('deliver', 'write'), who }),
  fc.record({ kind: fc.constant('wait'), ms: fc.integer({ min: 1, max: 20_000 }) }),
) as fc.Arbitrary<Step>;

async function act(browsers: [Profile, Profile], s: Step, clock: ReturnType<typeof simulatedClock>) {
  if (s.kind === 'wait') return void clock.advance(s.ms);
  const me = browsers[s.who];
  const other = browsers[1 - s.who]!;
  if (s.kind === 'deliver') return void (await exchange(other, me));
  if (s.kind === 'write') return me.flush();
  const paperId = IDS[s.id]!;
  const saved = await me.library.getPaper(paperId);
  // Actions a person can take: tags and notes on saved papers only (the library refuses the others).
  switch (s.kind) {
    case 'save':
      return void (await me.library.savePaper(metadata({ id: paperId, title: `Paper ${paperId}` })));
    case 'unsave':
      return void (await me.library.unsavePaper(paperId));
    case 'mark':
      return void (await me.notInterested.mark([metadata({ id: paperId, title: `Paper ${paperId}` })]));
    case 'unmark':
      return void (await me.notInterested.unmark([paperId]));
    case 'addTag':
      return void (saved && (await me.library.addTag(paperId, TAGS[s.tag]!)));
    case 'removeTag':
      return void (saved && (await me.library.removeTag(paperId, TAGS[s.tag]!)));
    case 'note':
      return void (saved && (await me.library.setNote(paperId, NOTES[s.note]!)));
  }
}

/** The library as the replicated state shows it. */
async function stateView(p: Profile) {
  const state = await loadSyncState(p.library.db);
  const view: Record<string, unknown> = {};
  for (const paper of state.papers.values()) {
    const shown = paperView(paper);
    if (shown) view[shown.id] = { tags: [...shown.tags].sort(), note: shown.note, savedAt: shown.savedAt, updatedAt: shown.updatedAt };
  }
  return view;
}

describe('two browsers syncing through the service', () => {
  it('converge on the same library, each equal to its replicated state, and then stop writing', async () => {
    const reached = { papers: 0, marks: 0, received: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), fc.boolean(), async (steps, onFirst) => {
        const clock = simulatedClock();
        const browsers: [Profile, Profile] = [profile('aaaa', clock), profile('bbbb', clock)];
        // Sync on from the start, or turned on after the first actions (uniting the libraries).
        if (onFirst) for (const b of browsers) await b.service.setEnabled(true);
        for (const [i, s] of steps.entries()) {
          if (!onFirst && i === Math.floor(steps.length / 2)) for (const b of browsers) await b.service.setEnabled(true);
          await act(browsers, s, clock);
          clock.advance(7);
        }
        if (!onFirst && steps.length < 2) for (const b of browsers) await b.service.setEnabled(true);
        await settleAll(...browsers);

        const [a, b] = browsers;
        expect(await syncedRows(a.library)).toEqual(await syncedRows(b.library));
        expect(await stateView(a)).toEqual(await syncedRows(a.library));
        expect(await stateView(b)).toEqual(await syncedRows(b.library));
        expect(await a.notInterested.ids()).toEqual(await b.notInterested.ids());
        if (Object.keys(await syncedRows(a.library)).length > 0) reached.papers++;
        if ((await a.notInterested.ids()).size > 0) reached.marks++;
        if ((await a.service.status()).lastReceivedAt !== undefined) reached.received++;
        const writes = a.sync.operations + b.sync.operations;
        await a.flush();
        await b.flush();
        expect(a.sync.operations + b.sync.operations).toBe(writes);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25), seed: Number(process.env.FUZZ_SEED ?? 20261120) },
    );
    // The runs reach libraries with papers and marks, and changes that came from the other browser.
    expect(Math.min(reached.papers, reached.marks, reached.received)).toBeGreaterThan(3);
  }, 180_000);
});
