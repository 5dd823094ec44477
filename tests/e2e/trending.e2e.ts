import { apiEntry, listingPage, SEED_PAPERS } from '../fixtures/hf/markup';
import { BROWSER, fixtureSite, json, launchExtension, type Extension, type SiteAnswer } from './harness';

let ext: Extension;
/** What the API answers next: a list, or a fault. */
let answer: () => SiteAnswer;
let apiRequests = 0;

const list = (from: number, to: number) => () => json(SEED_PAPERS.slice(from, to).map(apiEntry));

beforeAll(async () => {
  ext = await launchExtension();
  answer = list(0, 10);
  ext.serve(
    fixtureSite({
      '/papers/trending': () => listingPage({ kind: 'trending', papers: SEED_PAPERS.slice(0, 13) }),
      '/api/daily_papers': () => {
        apiRequests++;
        return answer();
      },
    }),
  );
});

afterAll(async () => {
  await ext?.close();
});

const trendingAlarm = () =>
  ext.inBackground((scope) =>
    (scope.chrome as { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> } }).alarms.get('trending-check'),
  );

async function checkNow() {
  return ext.send<{ outcome: string }>({ type: 'checkTrending' });
}

describe(`the trending watcher in ${BROWSER}`, () => {
  it('sets a baseline after install: no badge', async () => {
    expect(await checkNow()).toMatchObject({ ok: true });
    expect(await ext.badge()).toBe('');
    expect((await trendingAlarm())?.scheduledTime).toBeGreaterThan(Date.now() + 25 * 60_000);
  });

  it('counts papers that newly trend and lists them in the New view', async () => {
    answer = list(0, 13);
    expect(await checkNow()).toMatchObject({ ok: true, outcome: 'changed' });
    expect(await ext.badge()).toBe('3');

    const popup = await ext.openPage('popup.html');
    await popup.click({ role: 'tab', name: 'New' });
    await expect.poll(() => popup.names({ role: 'link', within: { role: 'list', name: 'New papers' } })).toEqual(SEED_PAPERS.slice(10, 13).map((p) => p.title));
    await popup.close();
  });

  it('asks once per check and writes nothing when nothing changed', async () => {
    const before = apiRequests;
    expect(await checkNow()).toMatchObject({ ok: true, outcome: 'unchanged' });
    expect(apiRequests - before).toBe(1);
    expect(await ext.badge()).toBe('3');
  });

  it('keeps the badge through a 429 and malformed JSON, and the popup says what went wrong', async () => {
    answer = () => ({ status: 429, headers: { 'Retry-After': '600' }, body: '' });
    expect(await checkNow()).toMatchObject({ ok: true, outcome: 'failed' });
    expect(await ext.badge()).toBe('3');
    const popup = await ext.openPage('popup.html');
    await popup.click({ role: 'tab', name: 'New' });
    await expect.poll(() => popup.text({ role: 'alert' })).toMatch(/Hugging Face asked us to slow down, next check at \d\d:\d\d/);

    answer = () => ({ status: 200, contentType: 'application/json', body: '[{"paper": {"id": "26' });
    await popup.click({ role: 'button', name: 'Check now' });
    await expect.poll(() => popup.text({ role: 'alert' })).toMatch(/not JSON/);
    expect(await ext.badge()).toBe('3');
    await popup.close();
  });

  it('clears the badge once the user has seen those papers on the trending page', async () => {
    const page = await ext.openTab('https://huggingface.co/papers/trending');
    await expect.poll(() => ext.badge(), { timeout: 10_000 }).toBe('');
    await page.close();
  });

  it('works again after the background is stopped', async () => {
    answer = list(0, 15);
    let reply: { ok: boolean; outcome?: string } | undefined;
    await ext.stopBackground(async () => {
      reply = await checkNow();
    });
    expect(reply).toMatchObject({ ok: true, outcome: 'changed' });
    expect(await ext.badge()).toBe('2');
    // The restarted background found its alarm (or made it again).
    expect(await trendingAlarm()).toBeDefined();
  });
});
