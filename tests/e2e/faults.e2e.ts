import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupJson } from '../../lib/export/backup';
import { newPaper } from '../../lib/paper/paper';
import { manyPapers } from '../fixtures/hf/markup';
import { launchExtension, sendFromPage, type LoadedExtension } from './extension';

let ext: LoadedExtension;

beforeAll(async () => {
  ext = await launchExtension({ stoppable: true });
});

afterAll(async () => {
  await ext?.close();
});

async function count(): Promise<number> {
  const page = await ext.openPage('options.html');
  const reply = await sendFromPage<{ papers: unknown[] }>(page, { type: 'listPapers' });
  await page.close();
  return reply.papers.length;
}

async function wipe() {
  const page = await ext.openPage('options.html');
  const { papers } = await sendFromPage<{ papers: { id: string }[] }>(page, { type: 'listPapers' });
  if (papers.length) await sendFromPage(page, { type: 'unsavePapers', ids: papers.map((p) => p.id) });
  await page.close();
}

const bulk = (n: number, offset: number) => manyPapers(n, offset).map((p) => ({ id: p.id, title: p.title, summary: p.summary, authors: p.authors }));

describe('faults', () => {
  it('a service worker stopped during a bulk save leaves all of it or none, and the next save works', async () => {
    const page = await ext.openPage('options.html');
    const papers = bulk(8000, 20_000);
    // Start the save and stop the worker while it writes.
    const saving = page.evaluate((list) => chrome.runtime.sendMessage({ type: 'savePapers', papers: list }).catch((e: Error) => ({ ok: false, error: String(e) })), papers);
    await page.waitForTimeout(150);
    await ext.stopServiceWorker(async () => {
      await sendFromPage(page, { type: 'ping' });
    });
    await saving;
    const after = await count();
    expect([0, 8000]).toContain(after);
    expect(await sendFromPage(page, { type: 'savePapers', papers: bulk(1, 40_000) })).toMatchObject({ ok: true });
    expect(await count()).toBe(after + 1);
    await page.close();
    await wipe();
  });

  it('an import cut off by closing the page leaves the library as it was', async () => {
    const file = join(tmpdir(), 'papershelf-fault-import.json');
    writeFileSync(file, backupJson(manyPapers(5000, 50_000).map((p, i) => newPaper({ id: p.id, title: p.title, summary: p.summary, authors: p.authors }, 1_700_000_000_000 + i, ['imported']))));
    const options = await ext.openPage('options.html');
    await options.getByLabel('Choose a backup file').setInputFiles(file);
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByRole('progressbar', { name: 'Importing' }).waitFor();
    await options.close();
    const after = await count();
    expect([0, 5000]).toContain(after);
    // The next import works.
    const again = await ext.openPage('options.html');
    await again.getByLabel('Choose a backup file').setInputFiles(file);
    await again.getByRole('button', { name: 'Import', exact: true }).click();
    await again.getByText(/Imported: /).waitFor({ timeout: 60_000 });
    expect(await count()).toBe(5000);
    await again.close();
    await wipe();
  }, 180_000);
});
