import fc from 'fast-check';
import { RequestSchema } from '../../lib/messages/protocol';
import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { BROWSER, fixtureSite, launchExtension, type Extension } from './harness';

/** Fixed so the gate is repeatable; set FUZZ_SEED to explore other inputs. */
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const MESSAGES = 3000;

let ext: Extension;
const listing = FIXTURE_PAGES.trending;

beforeAll(async () => {
  ext = await launchExtension();
  ext.serve(fixtureSite({ [new URL(listing.url).pathname]: listing.html }));
});

afterAll(async () => {
  await ext?.close();
});

const TYPES = RequestSchema.options.map((o) => o.shape.type.value);

/** Requests of every real type with random fields, always with an unknown field (so never valid), and random JSON. */
const malformed = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      type: fc.constantFrom(...TYPES),
      papers: fc.jsonValue(),
      ids: fc.jsonValue(),
      id: fc.oneof(fc.string(), fc.integer(), fc.constant('2401.12345')),
      tag: fc.jsonValue(),
      tags: fc.jsonValue(),
      note: fc.jsonValue(),
      tabId: fc.jsonValue(),
      extra: fc.jsonValue(),
    },
    { requiredKeys: ['type', 'extra'] },
  ),
);

describe(`random and malformed messages from a content script, in ${BROWSER}`, () => {
  it(`${MESSAGES} of them each get an error reply, write nothing, and break neither the background nor the page`, async () => {
    const page = await ext.openTab(listing.url, { waitFor: '[data-papershelf-id]' });
    const hosts = () => page.evaluate(() => document.querySelectorAll('[data-papershelf-id]').length);
    const cards = await hosts();
    const messages = fc.sample(malformed, { numRuns: MESSAGES, seed: FUZZ_SEED });

    const outcome = await page.inContentScript<{ errors: number; other: string[]; threw: string[] }>(`(async (messages) => {
      const outcome = { errors: 0, other: [], threw: [] };
      for (const message of messages) {
        try {
          const reply = await chrome.runtime.sendMessage(message);
          if (reply && reply.ok === false && typeof reply.error === 'string') outcome.errors++;
          else outcome.other.push(JSON.stringify({ message, reply }).slice(0, 300));
        } catch (error) {
          outcome.threw.push(String(error).slice(0, 300));
        }
      }
      return outcome;
    })(${JSON.stringify(messages)})`);
    expect(outcome.threw).toEqual([]);
    expect(outcome.other).toEqual([]);
    expect(outcome.errors).toBe(MESSAGES);

    // Nothing was written: the library's change log records every write, and it is empty.
    const options = await ext.openPage('options.html');
    const written = await options.evaluate(
      () =>
        new Promise<number[]>((resolve, reject) => {
          const open = indexedDB.open('papershelf');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['papers', 'changes']);
            const counts: number[] = [];
            for (const store of ['papers', 'changes']) {
              const request = tx.objectStore(store).count();
              request.onsuccess = () => counts.push(request.result);
            }
            tx.oncomplete = () => resolve(counts);
          };
        }),
    );
    expect(written).toEqual([0, 0]);
    await options.close();

    // Both ends still work: the page's cards are annotated and a real save from the card goes through.
    expect(await hosts()).toBe(cards);
    await page.bringToFront();
    await page.click({ card: listing.papers[0]!.id, role: 'button', name: /Save/ });
    await expect.poll(async () => (await ext.send<{ papers: unknown[] }>({ type: 'listPapers' })).papers.length).toBe(1);
    await page.close();
  }, 120_000);
});
