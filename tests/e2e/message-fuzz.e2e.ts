import fc from 'fast-check';
import type { CDPSession, Page } from 'playwright-core';
import { RequestSchema } from '../../lib/messages/protocol';
import { FIXTURE_PAGES } from '../fixtures/hf/pages';
import { CardControls } from './card-controls';
import { launchExtension, sendFromPage, type LoadedExtension } from './extension';
import { routeHuggingFace } from './routes';

/** Fixed so the gate is repeatable; set FUZZ_SEED to explore other inputs. */
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const MESSAGES = 3000;

let ext: LoadedExtension;
const listing = FIXTURE_PAGES.trending;

beforeAll(async () => {
  ext = await launchExtension();
  await routeHuggingFace(ext.context, { [new URL(listing.url).pathname]: listing.html });
});

afterAll(async () => {
  await ext?.close();
});

/** The content script's isolated world on `page`: where a compromised or confused content script would send from. */
async function contentScriptWorld(page: Page): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.origin === `chrome-extension://${ext.id}`);
  if (!world) throw new Error('The content script world was not found');
  return { cdp, contextId: world.id };
}

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

describe('random and malformed messages from a content script, in Chromium', () => {
  it(`${MESSAGES} of them each get an error reply, write nothing, and break neither the background nor the page`, async () => {
    const page = await ext.context.newPage();
    await page.goto(listing.url);
    await page.waitForSelector('[data-papershelf-id]', { state: 'attached' });
    const cards = await page.locator('[data-papershelf-id]').count();
    const { cdp, contextId } = await contentScriptWorld(page);
    const messages = fc.sample(malformed, { numRuns: MESSAGES, seed: FUZZ_SEED });

    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      contextId,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async (messages) => {
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
      })(${JSON.stringify(messages)})`,
    })) as { result: { value: { errors: number; other: string[]; threw: string[] } }; exceptionDetails?: unknown };
    expect(exceptionDetails).toBeUndefined();
    expect(result.value.threw).toEqual([]);
    expect(result.value.other).toEqual([]);
    expect(result.value.errors).toBe(MESSAGES);

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

    // Both ends still work: the page's cards are annotated and a real save from the card goes through.
    expect(await page.locator('[data-papershelf-id]').count()).toBe(cards);
    await page.bringToFront();
    const first = listing.papers[0]!.id;
    const controls = await CardControls.of(page);
    await controls.click({ card: first, role: 'button', name: /Save/ });
    await expect.poll(async () => (await sendFromPage<{ papers: unknown[] }>(options, { type: 'listPapers' })).papers.length).toBe(1);
    await page.close();
    await options.close();
  }, 120_000);
});
