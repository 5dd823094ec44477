import type { Route } from 'playwright-core';
import { apiEntry, listingPage, SEED_PAPERS } from '../fixtures/hf/markup';
import { launchExtension, sendFromPage, type LoadedExtension } from './extension';
import { routeHuggingFace } from './routes';

let ext: LoadedExtension;
/** What the routed API answers next: a list, or a fault. */
let answer: (route: Route) => Promise<void>;
let apiRequests = 0;

const list = (from: number, to: number) => (route: Route) =>
  route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(SEED_PAPERS.slice(from, to).map(apiEntry)) });

beforeAll(async () => {
  ext = await launchExtension({ stoppable: true });
  answer = list(0, 10);
  await routeHuggingFace(ext.context, {
    '/papers/trending': () => listingPage({ kind: 'trending', papers: SEED_PAPERS.slice(0, 13) }),
  });
  // Registered last, so it is asked first.
  await ext.context.route('https://huggingface.co/api/daily_papers**', (route) => {
    apiRequests++;
    return answer(route);
  });
});

afterAll(async () => {
  await ext?.close();
});

const badge = () => ext.worker.evaluate(() => (chrome as unknown as { action: { getBadgeText(d: object): Promise<string> } }).action.getBadgeText({}));

async function checkNow() {
  const popup = await ext.openPage('popup.html');
  const reply = await sendFromPage<{ outcome: string }>(popup, { type: 'checkTrending' });
  await popup.close();
  return reply;
}

describe('the trending watcher in Chromium', () => {
  it('sets a baseline after install: no badge', async () => {
    expect(await checkNow()).toMatchObject({ ok: true });
    expect(await badge()).toBe('');
    const alarm = await ext.worker.evaluate(() => (chrome as unknown as { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> } }).alarms.get('trending-check'));
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 25 * 60_000);
  });

  it('counts papers that newly trend and lists them in the New view', async () => {
    answer = list(0, 13);
    expect(await checkNow()).toMatchObject({ ok: true, outcome: 'changed' });
    expect(await badge()).toBe('3');

    const popup = await ext.openPage('popup.html');
    await popup.getByRole('tab', { name: 'New' }).click();
    const rows = popup.getByRole('list', { name: 'New papers' }).getByRole('link');
    await expect.poll(() => rows.allTextContents()).toEqual(SEED_PAPERS.slice(10, 13).map((p) => p.title));
    await popup.close();
  });

  it('asks once per check and writes nothing when nothing changed', async () => {
    const before = apiRequests;
    expect(await checkNow()).toMatchObject({ ok: true, outcome: 'unchanged' });
    expect(apiRequests - before).toBe(1);
    expect(await badge()).toBe('3');
  });

  it('keeps the badge through a 429 and malformed JSON, and the popup says what went wrong', async () => {
    answer = (route) => route.fulfill({ status: 429, headers: { 'Retry-After': '600' }, body: '' });
    expect(await checkNow()).toMatchObject({ ok: true, outcome: 'failed' });
    expect(await badge()).toBe('3');
    const popup = await ext.openPage('popup.html');
    await popup.getByRole('tab', { name: 'New' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/Hugging Face asked us to slow down, next check at \d\d:\d\d/);

    answer = (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '[{"paper": {"id": "26' });
    await popup.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/not JSON/);
    expect(await badge()).toBe('3');
    await popup.close();
  });

  it('clears the badge once the user has seen those papers on the trending page', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://huggingface.co/papers/trending');
    await expect.poll(badge, { timeout: 10_000 }).toBe('');
    await page.close();
  });

  it('works again after the service worker is stopped', async () => {
    answer = list(0, 15);
    let reply: { ok: boolean; outcome?: string } | undefined;
    await ext.stopServiceWorker(async () => {
      reply = await checkNow();
    });
    expect(reply).toMatchObject({ ok: true, outcome: 'changed' });
    expect(await badge()).toBe('2');
    // The restarted worker found its alarm (or made it again).
    const alarm = await ext.worker.evaluate(() => (chrome as unknown as { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> } }).alarms.get('trending-check'));
    expect(alarm).toBeDefined();
  });
});
