import { listingPage, type FixturePaper } from '../tests/fixtures/hf/markup';
import { CardControls } from '../tests/e2e/card-controls';
import { launchExtension, sendFromPage } from '../tests/e2e/extension';
import { routeHuggingFace } from '../tests/e2e/routes';
import { benchLibrary } from './relevance';
import { summarize, type Figure } from './stats';

/**
 * From the click on a card's Save to its suggested tags on screen, with a library of `size` papers
 * (real arXiv papers and tags) that PaperShelf has learned from, in the built extension.
 */
export async function measureSuggestionLatency(size: number, clicks: number): Promise<Figure> {
  const { library } = benchLibrary(undefined, size);
  const saved = library.slice(0, size - clicks);
  const fresh: FixturePaper[] = library.slice(size - clicks).map((p, i) => ({
    id: `2611.${String(20000 + i)}`,
    title: p.title,
    summary: p.summary,
    authors: ['A. Author'],
    publishedAt: '2026-11-20',
    dateShownWithYear: true,
    comments: 0,
    upvotes: 1,
    submittedBy: 'reader',
  }));
  const ext = await launchExtension();
  await routeHuggingFace(ext.context, { '/papers/week/2026-W47': () => listingPage({ kind: 'week', papers: fresh }) });
  const popup = await ext.openPage('popup.html');
  for (let i = 0; i < saved.length; i += 500) {
    const batch = saved.slice(i, i + 500);
    for (const tags of new Set(batch.map((p) => p.tags.join('\n')))) {
      const papers = batch.filter((p) => p.tags.join('\n') === tags).map((p) => ({ id: arxivId(p.id), title: p.title, summary: p.summary }));
      await sendFromPage(popup, { type: 'savePapers', papers, tags: tags.split('\n').filter(Boolean) });
    }
  }
  const probe = fresh[0]!;
  const until = Date.now() + 120_000;
  while (!(await sendFromPage<{ learned: boolean }>(popup, { type: 'rankForYou', papers: [{ id: probe.id, title: probe.title, summary: probe.summary }] })).learned) {
    if (Date.now() > until) throw new Error('PaperShelf did not learn from the library in time');
    await popup.waitForTimeout(500);
  }
  const page = await ext.context.newPage();
  await page.goto('https://huggingface.co/papers/week/2026-W47');
  const controls = await CardControls.of(page);
  const times: number[] = [];
  for (const paper of fresh) {
    await controls.scrollTo(paper.id);
    await controls.one({ card: paper.id, role: 'button', name: /Save/ });
    const start = performance.now();
    await controls.click({ card: paper.id, role: 'button', name: /Save/ });
    while ((await controls.count({ card: paper.id, role: 'button', name: /^Add suggested tag/ })) === 0) {
      if (performance.now() - start > 10_000) break;
    }
    times.push(performance.now() - start);
  }
  await ext.close();
  return summarize(times);
}

/** The bench library's ids are "lib-<n>"; the library takes arXiv ids. */
function arxivId(id: string): string {
  return `2601.${String(10000 + Number(id.replace(/\D/g, '')))}`;
}
