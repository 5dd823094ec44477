import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listingPage, SEED_PAPERS } from '../fixtures/hf/markup';
import { CardControls } from './card-controls';
import { EXTENSION_DIR, launchExtension, sendFromPage, type LoadedExtension } from './extension';
import { routeHuggingFace } from './routes';

let ext: LoadedExtension;

beforeAll(async () => {
  ext = await launchExtension();
  await routeHuggingFace(ext.context, { '/papers': listingPage({ kind: 'daily', papers: SEED_PAPERS.slice(0, 10) }) });
});

afterAll(async () => {
  await ext?.close();
});

describe('the built extension in Chromium', () => {
  it('loads with the manifest we ship', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.name).toBe('PaperShelf');
    expect(ext.worker.url()).toBe(`chrome-extension://${ext.id}/background.js`);
  });

  it('runs its content script on huggingface.co/papers, which reaches the background', async () => {
    const paper = SEED_PAPERS[0]!;
    const popup = await ext.openPage('popup.html');
    await sendFromPage(popup, { type: 'savePapers', papers: [{ id: paper.id, title: paper.title }] });
    const page = await ext.context.newPage();
    await page.goto('https://huggingface.co/papers');
    // The card shows what the background said about the paper: saved.
    const controls = await CardControls.of(page);
    await expect.poll(() => controls.pressed({ card: paper.id, role: 'button', name: /Save/ })).toBe(true);
    await sendFromPage(popup, { type: 'unsavePapers', ids: [paper.id] });
    await page.close();
    await popup.close();
  });

  it('shows a paper saved through the background in the popup', async () => {
    const popup = await ext.openPage('popup.html');
    await expect.poll(() => popup.getByText('Your library is empty', { exact: false }).count()).toBe(1);

    const paper = SEED_PAPERS[3]!;
    const reply = await sendFromPage(popup, {
      type: 'savePapers',
      papers: [{ id: paper.id, title: paper.title, authors: paper.authors }],
      tags: ['to read'],
    });
    expect(reply.ok).toBe(true);

    const link = popup.getByRole('list', { name: 'Saved papers' }).getByRole('link', { name: paper.title });
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe(`https://huggingface.co/papers/${paper.id}`);
    await popup.close();
  });

  it('refuses a malformed message from an extension page and keeps the library as it was', async () => {
    const popup = await ext.openPage('popup.html');
    const before = await sendFromPage(popup, { type: 'listPapers' });
    const reply = await sendFromPage(popup, { type: 'savePapers', papers: [{ id: 'not-an-id', title: 'x' }] });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/Refused: malformed request/) });
    expect(await sendFromPage(popup, { type: 'listPapers' })).toEqual(before);
    await popup.close();
  });
});
