import { listingPage, type FixturePaper } from '../tests/fixtures/hf/markup';
import { launchChromium } from '../tests/e2e/harness/chromium/launch';
import { fixtureSite } from '../tests/e2e/harness/site';
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
  const ext = await launchChromium();
  ext.serve(fixtureSite({ '/papers/week/2026-W47': () => listingPage({ kind: 'week', papers: fresh }) }));
  for (let i = 0; i < saved.length; i += 500) {
    const batch = saved.slice(i, i + 500);
    for (const tags of new Set(batch.map((p) => p.tags.join('\n')))) {
      const papers = batch.filter((p) => p.tags.join('\n') === tags).map((p) => ({ id: arxivId(p.id), title: p.title, summary: p.summary }));
      await ext.send({ type: 'savePapers', papers, tags: tags.split('\n').filter(Boolean) });
    }
  }
  const probe = fresh[0]!;
  const until = Date.now() + 120_000;
  while (!(await ext.send<{ learned: boolean }>({ type: 'rankForYou', papers: [{ id: probe.id, title: probe.title, summary: probe.summary }] })).learned) {
    if (Date.now() > until) throw new Error('PaperShelf did not learn from the library in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const page = await ext.openTab('https://huggingface.co/papers/week/2026-W47', { waitFor: '[data-papershelf-id]' });
  const times: number[] = [];
  for (const paper of fresh) {
    await page.scrollToCard(paper.id);
    // The wait for the card to settle after scrolling is not part of the figure: the click is.
    const save = await page.stillBox({ card: paper.id, role: 'button', name: /Save/ });
    const start = performance.now();
    await page.clickIn(save);
    while ((await page.count({ card: paper.id, role: 'button', name: /^Add suggested tag/ })) === 0) {
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
