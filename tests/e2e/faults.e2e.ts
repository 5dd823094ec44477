import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupJson } from '../../lib/export/backup';
import { newPaper } from '../../lib/paper/paper';
import { manyPapers } from '../fixtures/hf/markup';
import { BROWSER, launchExtension, sleep, type Extension } from './harness';

let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
});

async function count(): Promise<number> {
  return (await ext.send<{ papers: unknown[] }>({ type: 'listPapers' })).papers.length;
}

async function wipe() {
  const { papers } = await ext.send<{ papers: { id: string }[] }>({ type: 'listPapers' });
  if (papers.length) await ext.send({ type: 'unsavePapers', ids: papers.map((p) => p.id) });
}

const bulk = (n: number, offset: number) => manyPapers(n, offset).map((p) => ({ id: p.id, title: p.title, summary: p.summary, authors: p.authors }));

const FILE_INPUT = 'input[type=file][aria-label="Choose a backup file"]';

describe(`faults in ${BROWSER}`, () => {
  it('a background stopped during a bulk save leaves all of it or none, and the next save works', async () => {
    const page = await ext.openPage('options.html');
    const papers = bulk(8000, 20_000);
    // Start the save and stop the background while it writes.
    const saving = page.evaluate((list) => chrome.runtime.sendMessage({ type: 'savePapers', papers: list }).catch((e: Error) => ({ ok: false, error: String(e) })), papers);
    await sleep(150);
    await ext.stopBackground(async () => {
      await ext.send({ type: 'ping' });
    });
    await saving;
    const after = await count();
    expect([0, 8000]).toContain(after);
    expect(await ext.send({ type: 'savePapers', papers: bulk(1, 40_000) })).toMatchObject({ ok: true });
    expect(await count()).toBe(after + 1);
    await page.close();
    await wipe();
  });

  it('an import cut off by closing the page leaves the library as it was', async () => {
    const file = join(tmpdir(), 'papershelf-fault-import.json');
    writeFileSync(file, backupJson(manyPapers(5000, 50_000).map((p, i) => newPaper({ id: p.id, title: p.title, summary: p.summary, authors: p.authors }, 1_700_000_000_000 + i, ['imported']))));
    const options = await ext.openPage('options.html');
    await options.chooseFile(FILE_INPUT, file);
    await options.click({ role: 'button', name: 'Import' });
    await options.one({ role: 'progressbar', name: 'Importing' });
    await options.close();
    const after = await count();
    expect([0, 5000]).toContain(after);
    // The next import works.
    const again = await ext.openPage('options.html');
    await again.chooseFile(FILE_INPUT, file);
    await again.click({ role: 'button', name: 'Import' });
    await expect.poll(() => again.evaluate(() => document.body.innerText), { timeout: 60_000 }).toContain('Imported: ');
    expect(await count()).toBe(5000);
    await again.close();
    await wipe();
  }, 180_000);

  it('a storage quota error shows a clear message where the user acted, loses nothing, and the next action works once space is back', async () => {
    const [paper] = bulk(1, 60_000);
    await ext.send({ type: 'savePapers', papers: [paper], tags: ['kept'] });
    // The browser refuses every write for want of space, in the real background. (Chromium ignores
    // DevTools' quota override for an extension with unlimitedStorage.)
    await ext.inBackground((scope) => {
      const store = (scope.IDBObjectStore as typeof IDBObjectStore).prototype;
      const put = store.put;
      scope.spaceBack = () => (store.put = put);
      store.put = function full() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const popup = await ext.openPage('popup.html');
    await popup.click({ role: 'button', name: `Details: ${paper!.title}` });
    const addTag = { role: 'combobox', name: 'Add tag' };
    await popup.fill(addTag, 'urgent');
    await popup.press('Enter');
    await expect.poll(() => popup.text({ role: 'alert' })).toMatch(/out of storage space.*Nothing saved before was lost/);

    const stored = await ext.send<{ papers: { id: string; tags: string[] }[] }>({ type: 'listPapers' });
    expect(stored.papers).toEqual([expect.objectContaining({ id: paper!.id, tags: ['kept'] })]);

    await ext.inBackground((scope) => (scope.spaceBack as () => void)());
    await popup.fill(addTag, 'urgent');
    await popup.press('Enter');
    await popup.one({ role: 'button', name: 'Remove tag urgent' });
    expect(await popup.count({ role: 'alert' })).toBe(0);
    await popup.close();
    await wipe();
  });

  it('a database connection closed under the background (another page upgrading it) is reopened: the next action works and nothing is lost', async () => {
    const [first, second] = bulk(2, 70_000);
    await ext.send({ type: 'savePapers', papers: [first] });
    await ext.inBackground((scope) => {
      const factory = (scope.IDBFactory as typeof IDBFactory).prototype;
      const open = factory.open;
      factory.open = function counted(this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
        scope.opened = ((scope.opened as number | undefined) ?? 0) + 1;
        return open.apply(this, args);
      };
    });
    // Another page asks for a newer database version, as a newer PaperShelf would: the browser tells
    // every open connection, the background's closes, and the request is then dropped.
    const other = await ext.openPage('options.html');
    const outcome = await other.evaluate(
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
    await other.close();
    expect(outcome).toBe('AbortError');
    expect(await ext.send({ type: 'savePapers', papers: [second] })).toMatchObject({ ok: true });
    // It had to open the database again.
    expect(await ext.inBackground((scope) => scope.opened)).toBeGreaterThanOrEqual(1);
    const stored = await ext.send<{ papers: { id: string }[] }>({ type: 'listPapers' });
    expect(stored.papers.map((p) => p.id).sort()).toEqual([first!.id, second!.id].sort());
    await wipe();
  });
});
