// @vitest-environment node
import fc from 'fast-check';
import { keepForUndo, takeForUndo } from '@/lib/background/card-undo';
import { backupJson, parseBackup } from '@/lib/export/backup';
import { planImport } from '@/lib/export/plan-import';
import { routeMessage, type RouterDeps } from '@/lib/messages/router';
import { LIMITS } from '@/lib/paper/limits';
import { freshLibrary, fakeTrending } from '../helpers';
import { NotInterestedStore } from '@/lib/library/not-interested';

/** Fixed so the gate is repeatable; set FUZZ_SEED to explore other inputs. */
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261127);

const own = { id: 'papershelf-test-id', origin: 'chrome-extension://papershelf-test-id/', version: '0.1.0' };
const popup = { id: own.id, url: `${own.origin}popup.html` };
const card = { id: own.id, url: 'https://huggingface.co/papers/trending', tab: { id: 4 } };

const ids = fc.constantFrom('2606.03748', '2509.08183', '1802.08979', '2601.00002v3');
/** Tags people type, and the ones that broke things: other scripts, invisible characters, the longest allowed. */
const tag = fc.oneof(
  fc.constantFrom('LLM', 'llm', 'İstanbul', 'i̇stanbul', 'llm\u200B', 'a\u0301', '\u00E1', 'ﬁne-tuning', 'Straße', 'STRASSE', 'x'.repeat(LIMITS.tag)),
  fc.string({ minLength: 1, maxLength: LIMITS.tag }),
);
/** A few tags, or close to the most a paper may hold (two such saves together go over it). */
const manyTags = fc.oneof(fc.array(tag, { maxLength: 8 }), fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 120, maxLength: LIMITS.tagsPerPaper + 10 }));
const metadata = fc.record(
  {
    id: ids,
    title: fc.string({ minLength: 1, maxLength: 200 }).filter((t) => t.trim() !== ''),
    summary: fc.string({ maxLength: 500 }),
    authors: fc.array(fc.string({ minLength: 1, maxLength: 40 }).filter((a) => a.trim() !== ''), { maxLength: 5 }),
    upvotes: fc.nat({ max: 100_000 }),
  },
  { requiredKeys: ['id', 'title'] },
);

/** Anything a page or the popup may ask for that changes the library. */
const cardAddTag = metadata.chain((paper) => fc.record({ type: fc.constant('cardAddTag'), id: fc.constant(paper.id), tag, paper: fc.constant(paper) }));
const request = fc.oneof(
  { weight: 3, arbitrary: fc.record({ sender: fc.constant(popup), message: fc.record({ type: fc.constant('savePapers'), papers: fc.array(metadata, { minLength: 1, maxLength: 3 }), tags: manyTags }) }) },
  fc.record({ sender: fc.constant(card), message: fc.record({ type: fc.constant('cardSave'), paper: metadata }) }),
  { weight: 2, arbitrary: fc.record({ sender: fc.constantFrom(popup, card), message: cardAddTag }) },
  fc.record({ sender: fc.constant(popup), message: fc.record({ type: fc.constant('addTag'), id: ids, tag }) }),
  fc.record({ sender: fc.constant(popup), message: fc.record({ type: fc.constant('setTags'), id: ids, tags: manyTags }) }),
  fc.record({ sender: fc.constantFrom(popup, card), message: fc.record({ type: fc.constant('cardRemoveTag'), id: ids, tag }) }),
  fc.record({ sender: fc.constant(popup), message: fc.record({ type: fc.constant('setNote'), id: ids, note: fc.oneof(fc.string(), fc.constant('n'.repeat(LIMITS.note))) }) }),
  fc.record({ sender: fc.constant(card), message: fc.record({ type: fc.constant('cardUnsave'), id: ids }) }),
  fc.record({ sender: fc.constant(popup), message: fc.record({ type: fc.constant('unsavePapers'), ids: fc.array(ids, { minLength: 1, maxLength: 2 }) }) }),
  fc.record({ sender: fc.constant(popup), message: fc.record({ type: fc.constant('removeTagFromPapers'), ids: fc.array(ids, { minLength: 1, maxLength: 2 }), tag }) }),
);

function deps(library: ReturnType<typeof freshLibrary>): RouterDeps {
  const trending = fakeTrending();
  return { library, notInterested: new NotInterestedStore(library.db), own, trending, cardUndo: { keep: (p) => keepForUndo(p), take: (t) => takeForUndo(t) } };
}

describe('backups of any library the extension can reach', () => {
  it('export to a JSON backup that imports back to the same library', async () => {
    let reachedLimit = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 25 }), async (requests) => {
        const library = freshLibrary();
        const router = deps(library);
        for (const { sender, message } of requests) {
          const reply = await routeMessage(message, sender as never, router);
          if (!reply.ok && /at most/.test(reply.error)) reachedLimit++;
        }
        const papers = await library.allPapers();

        const parsed = parseBackup(backupJson(papers));
        expect(parsed).toMatchObject({ ok: true });
        if (!parsed.ok) return;
        const restored = freshLibrary();
        const plan = planImport(new Map(), parsed.backup.papers);
        if (plan.added.length > 0) await restored.importPapers(plan.added);
        expect(await restored.allPapers()).toEqual(papers);
      }),
      { numRuns: 60, seed: FUZZ_SEED },
    );
    // The runs did push papers against the limits (and were refused), not only around them.
    expect(reachedLimit).toBeGreaterThan(0);
  }, 120_000);
});
