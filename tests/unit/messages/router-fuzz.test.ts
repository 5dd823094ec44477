// @vitest-environment node
import fc from 'fast-check';
import { routeMessage, type RouterDeps } from '@/lib/messages/router';
import { RequestSchema } from '@/lib/messages/protocol';
import { freshLibrary, fakeTrending } from '../helpers';
import { NotInterestedStore } from '@/lib/library/not-interested';

/** Fixed so the gate is repeatable; set FUZZ_SEED to explore other inputs. */
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261126);

const own = { id: 'papershelf-test-id', origin: 'chrome-extension://papershelf-test-id/', version: '0.1.0' };
const contentScript = { id: own.id, url: 'https://huggingface.co/papers', tab: { id: 3 } };

function setup() {
  const library = freshLibrary();
  const writes = vi.fn();
  library.onChange(writes);
  const trending = fakeTrending();
  const cardUndo = { keep: vi.fn(async () => crypto.randomUUID()), take: vi.fn(async () => undefined) };
  const deps: RouterDeps = { library, notInterested: new NotInterestedStore(library.db), own, trending, cardUndo };
  return { deps, writes, library, trending, cardUndo };
}

const TYPES = RequestSchema.options.map((o) => o.shape.type.value);

/** A request of a real type whose fields are random values of any kind. */
const corrupted = fc.record({
  type: fc.constantFrom(...TYPES),
  papers: fc.anything(),
  ids: fc.anything(),
  id: fc.oneof(fc.string(), fc.integer(), fc.constant('2401.12345'), fc.constant(null)),
  tag: fc.anything(),
  tags: fc.anything(),
  note: fc.anything(),
  tabId: fc.anything(),
  extra: fc.anything(),
}, { requiredKeys: ['type', 'extra'] });

describe('the background under random messages from a papers page', () => {
  it('answers every random value with an error and changes nothing', async () => {
    const { deps, writes, library } = setup();
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (message) => {
        const reply = await routeMessage(message, contentScript as never, deps);
        expect(reply.ok).toBe(false);
        expect(typeof (reply as { error: string }).error).toBe('string');
      }),
      { numRuns: 2000, seed: FUZZ_SEED },
    );
    expect(writes).not.toHaveBeenCalled();
    expect(await library.countPapers()).toBe(0);
  });

  it('answers corrupted requests of every type without throwing or writing', async () => {
    const { deps, writes, library, trending, cardUndo } = setup();
    await fc.assert(
      fc.asyncProperty(corrupted, async (message) => {
        // `extra` is always there and strict schemas refuse unknown fields: none of these is valid.
        const reply = await routeMessage(message, contentScript as never, deps);
        expect(reply).toMatchObject({ ok: false, error: expect.any(String) });
      }),
      { numRuns: 2000, seed: FUZZ_SEED },
    );
    expect(writes).not.toHaveBeenCalled();
    expect(cardUndo.keep).not.toHaveBeenCalled();
    expect(trending.markSeen).not.toHaveBeenCalled();
    expect(await library.countPapers()).toBe(0);
  });

  it('refuses random senders whatever they send', async () => {
    const { deps, writes } = setup();
    await fc.assert(
      fc.asyncProperty(
        fc.record({ id: fc.oneof(fc.string(), fc.constant(own.id)), url: fc.oneof(fc.webUrl(), fc.constant('https://huggingface.co.evil.test/papers')), tab: fc.option(fc.record({ id: fc.nat() })) }),
        async (sender) => {
          fc.pre(!(sender.id === own.id && sender.url.startsWith('https://huggingface.co/') && sender.tab));
          fc.pre(!(sender.id === own.id && sender.url.startsWith(own.origin)));
          const reply = await routeMessage({ type: 'savePapers', papers: [{ id: '2401.12345', title: 'A paper' }] }, sender as never, deps);
          expect(reply.ok).toBe(false);
        },
      ),
      { numRuns: 500, seed: FUZZ_SEED },
    );
    expect(writes).not.toHaveBeenCalled();
  });
});
