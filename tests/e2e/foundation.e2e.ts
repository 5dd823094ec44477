import { readFileSync } from 'node:fs';
import { listingPage, SEED_PAPERS } from '../fixtures/hf/markup';
import { BROWSER, fixtureSite, launchExtension, type Extension } from './harness';
import { buildDir } from './harness/builds';
import { localizeManifest } from './localized-manifest';

let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  ext.serve(fixtureSite({ '/papers': listingPage({ kind: 'daily', papers: SEED_PAPERS.slice(0, 10) }) }));
});

afterAll(async () => {
  await ext?.close();
});

describe(`the built extension in ${BROWSER}`, () => {
  it('loads with the manifest we ship, and its background answers', async () => {
    const read = (file: string) => readFileSync(`${buildDir(BROWSER)}/${file}`, 'utf8');
    const manifest = localizeManifest(JSON.parse(read('manifest.json')), read);
    expect(manifest.name).toBe('PaperShelf');
    expect(await ext.send({ type: 'ping' })).toMatchObject({ ok: true, version: manifest.version });
  });

  it('runs its content script on huggingface.co/papers, which reaches the background', async () => {
    const paper = SEED_PAPERS[0]!;
    await ext.send({ type: 'savePapers', papers: [{ id: paper.id, title: paper.title }] });
    const page = await ext.openTab('https://huggingface.co/papers');
    // The card shows what the background said about the paper: saved.
    await expect.poll(() => page.pressed({ card: paper.id, role: 'button', name: /Save/ })).toBe(true);
    await ext.send({ type: 'unsavePapers', ids: [paper.id] });
    await page.close();
  });

  it('shows a paper saved through the background in the popup', async () => {
    const popup = await ext.openPage('popup.html');
    await expect.poll(() => popup.evaluate(() => document.body.innerText)).toContain('Your library is empty');

    const paper = SEED_PAPERS[3]!;
    const reply = await ext.send({
      type: 'savePapers',
      papers: [{ id: paper.id, title: paper.title, authors: paper.authors }],
      tags: ['to read'],
    });
    expect(reply.ok).toBe(true);

    const link = { role: 'link', name: paper.title, within: { role: 'list', name: 'Saved papers' } };
    await expect.poll(() => popup.count(link)).toBe(1);
    expect(await popup.evaluate((title) => [...document.querySelectorAll('a')].find((a) => a.textContent === title)?.href, paper.title)).toBe(
      `https://huggingface.co/papers/${paper.id}`,
    );
    await popup.close();
  });

  it('refuses a malformed message from an extension page and keeps the library as it was', async () => {
    const before = await ext.send({ type: 'listPapers' });
    const reply = await ext.send({ type: 'savePapers', papers: [{ id: 'not-an-id', title: 'x' }] });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/Refused: malformed request/) });
    expect(await ext.send({ type: 'listPapers' })).toEqual(before);
  });
});
