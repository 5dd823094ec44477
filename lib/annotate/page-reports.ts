import type { AnnotatedPage } from '@/lib/annotate/annotated-page';
import { SLICE_BUDGET_MS } from '@/lib/annotate/card-scanner';
import { papersPageKind } from '@/lib/hf/pages/kind';
import type { PagePapersReply } from '@/lib/messages/page-papers';
import type { CardPaper } from '@/lib/messages/protocol';
import type { PaperMetadataInput } from '@/lib/paper/model';

/**
 * What the page tells the background, and what it answers the popup. Each reads as little of the
 * page as it needs: ids, titles, or (for the popup, and only then) whole cards a slice at a time.
 */

/** Runs `each` over `ids`, yielding a task whenever a slice's time is up: pages hold thousands of cards. */
async function inSlices(page: AnnotatedPage, ids: string[], each: (id: string) => void): Promise<void> {
  let deadline = performance.now() + SLICE_BUDGET_MS;
  for (const id of ids) {
    if (performance.now() > deadline) {
      await page.nextTask();
      deadline = performance.now() + SLICE_BUDGET_MS;
    }
    each(id);
  }
}

/**
 * What the page shows about each of its papers, in page order: read now (cards not read before),
 * a slice at a time, for the popup's "On this page".
 */
export async function pagePapers(page: AnnotatedPage): Promise<PagePapersReply> {
  const papers: PaperMetadataInput[] = [];
  await inSlices(page, page.ids(), (id) => {
    const paper = page.paper(id);
    if (paper) papers.push(paper);
  });
  return { url: page.location().href, papers };
}

/**
 * Asks which of the page's papers are most like the reader's library (at most a fifth of them) and
 * which were marked Not interested, and marks their cards. The background learns from titles and
 * abstracts: those in the page's data, else each card's title (read cheaply, not the whole card, and
 * a slice at a time).
 */
export async function markForYou(page: AnnotatedPage): Promise<void> {
  const papers: { id: string; title: string; summary: string }[] = [];
  await inSlices(page, page.ids(), (id) => {
    const text = page.text(id);
    if (text) papers.push({ id, title: text.title, summary: text.summary.slice(0, 2000) });
  });
  if (papers.length === 0) return;
  const reply = await page.send({ type: 'cardForYou', papers });
  if (!reply.ok) return;
  const picks = new Map(reply.picks.map((p) => [p.id, p.reason]));
  const dismissed = new Set(reply.notInterested);
  for (const id of page.ids()) for (const bar of page.bars(id)) bar.update({ forYou: picks.get(id) ?? '', notInterested: dismissed.has(id) });
}

/** Saved papers that came through sync by id only take their details from this page. */
export function sendDetails(page: AnnotatedPage, saved: CardPaper[]): void {
  const papers = saved.flatMap((p) => {
    const paper = p.detailsPending ? page.paper(p.id) : undefined;
    return paper ? [paper] : [];
  });
  if (papers.length > 0) void page.send({ type: 'cardDetails', papers });
}

const SEEN_DEBOUNCE_MS = 250;

/**
 * On the trending list, seeing a paper counts as seeing it trend: tells the background which papers
 * the page shows, once things settle.
 */
export function seenReporter(page: AnnotatedPage): () => void {
  let pending = false;
  return () => {
    const kind = papersPageKind(page.location());
    if (pending || kind.kind !== 'listing' || kind.listing !== 'trending') return;
    pending = true;
    page.setTimeout(() => {
      pending = false;
      const ids = page.ids();
      if (ids.length > 0) void page.send({ type: 'pageSeen', ids });
    }, SEEN_DEBOUNCE_MS);
  };
}
