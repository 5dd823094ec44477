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

  it('a storage quota error shows a clear message where the user acted, loses nothing, and the next action works once space is back', async () => {
    const helper = await ext.openPage('options.html');
    const [paper] = bulk(1, 60_000);
    await sendFromPage(helper, { type: 'savePapers', papers: [paper], tags: ['kept'] });
    // The browser refuses every write for want of space, in the real background worker. (Chromium
    // ignores DevTools' quota override for an extension with unlimitedStorage.)
    await ext.worker.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      (globalThis as { spaceBack?: () => void }).spaceBack = () => (IDBObjectStore.prototype.put = put);
      IDBObjectStore.prototype.put = function full() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const popup = await ext.openPage('popup.html');
    await popup.getByRole('button', { name: `Details: ${paper!.title}` }).click();
    const addTag = popup.getByRole('combobox', { name: 'Add tag' });
    await addTag.fill('urgent');
    await addTag.press('Enter');
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/out of storage space.*Nothing saved before was lost/);

    const stored = await sendFromPage<{ papers: { id: string; tags: string[] }[] }>(helper, { type: 'listPapers' });
    expect(stored.papers).toEqual([expect.objectContaining({ id: paper!.id, tags: ['kept'] })]);

    await ext.worker.evaluate(() => (globalThis as { spaceBack?: () => void }).spaceBack?.());
    await addTag.fill('urgent');
    await addTag.press('Enter');
    await popup.getByRole('button', { name: 'Remove tag urgent' }).waitFor();
    expect(await popup.getByRole('alert').count()).toBe(0);
    await popup.close();
    await helper.close();
    await wipe();
  });

  it('a database connection closed under the background (another page upgrading it) is reopened: the next action works and nothing is lost', async () => {
    const helper = await ext.openPage('options.html');
    const [first, second] = bulk(2, 70_000);
    await sendFromPage(helper, { type: 'savePapers', papers: [first] });
    await ext.worker.evaluate(() => {
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function counted(this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
        const scope = globalThis as { opened?: number };
        scope.opened = (scope.opened ?? 0) + 1;
        return open.apply(this, args);
      };
    });
    // Another page asks for a newer database version, as a newer PaperShelf would: the browser tells
    // every open connection, the background's closes, and the request is then dropped.
    const outcome = await helper.evaluate(
      () =>
        new Promise<string>((resolve) => {
          void indexedDB.databases().then((databases) => {
            const version = databases.find((d) => d.name === 'papershelf')!.version!;
            const request = indexedDB.open('papershelf', version + 1);
            request.onupgradeneeded = () => request.transaction!.abort();
            request.onerror = () => resolve(request.error?.name ?? 'error');
            request.onsuccess = () => {
              request.result.close();
              resolve('upgraded');
            };
          });
        }),
    );
    expect(outcome).toBe('AbortError');
    expect(await sendFromPage(helper, { type: 'savePapers', papers: [second] })).toMatchObject({ ok: true });
    // It had to open the database again.
    expect(await ext.worker.evaluate(() => (globalThis as { opened?: number }).opened)).toBeGreaterThanOrEqual(1);
    const stored = await sendFromPage<{ papers: { id: string }[] }>(helper, { type: 'listPapers' });
    expect(stored.papers.map((p) => p.id).sort()).toEqual([first!.id, second!.id].sort());
    await helper.close();
    await wipe();
  });
});
