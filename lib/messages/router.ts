import type { Browser } from 'wxt/browser';
import type { Library } from '@/lib/library/library';
import type { NotInterestedStore } from '@/lib/library/not-interested';
import { isStorageRefused, storageRefusedMessage } from '@/lib/library/storage-refused';
import type { Paper } from '@/lib/paper/model';
import { papersPageKind } from '@/lib/hf/pages/kind';
import { fillPaperDetails } from '@/lib/sync/service/paper-details';
import type { SyncStatus } from '@/lib/sync/service/status';
import type { TrendingStatus } from '@/lib/trending/status';
import { errorMessage } from '@/lib/messages/client';
import { CONTENT_SCRIPT_REQUESTS, RequestSchema, type CardPaper, type ForYouScore, type ParsedRequest, type Reply } from '@/lib/messages/protocol';
import { classifySender } from '@/lib/messages/sender';
import { t } from '@/lib/i18n';

type MessageSender = Browser.runtime.MessageSender;

export interface RouterDeps {
  library: Library;
  notInterested: NotInterestedStore;
  /** This extension's id and its pages' origin ("chrome-extension://<id>/"). */
  own: { id: string; origin: string; version: string };
  trending: {
    check(): Promise<{ outcome: 'changed' | 'unchanged' | 'failed'; status: TrendingStatus; requests: number; rowsWritten: number }>;
    markSeen(ids?: string[]): Promise<number>;
    /** Forgets the trending history. */
    clear(): Promise<void>;
    reschedule(): Promise<void>;
  };
  /** What PaperShelf learned from the library (see relevance-service.ts); absent where nothing is learned. */
  relevance?: {
    suggestions(paper: { id: string; title: string; summary?: string; tags?: readonly string[] }, limit?: number): Promise<string[]>;
    forYou(papers: readonly { id: string; title: string; summary?: string }[]): Promise<ForYouScore[]>;
    related(paper: { id: string; title: string; summary?: string }, limit?: number): Promise<string[]>;
    /** A paper saved without tags gets the top suggestion (the reader's choice, off by default). */
    tagsNewSaves(): Promise<boolean>;
    /** Forgets what was learned. */
    forget(): Promise<void>;
  };
  /** Syncing the library through the browser's sync (lib/sync/service); absent where it does not run. */
  sync?: {
    setEnabled(on: boolean): Promise<SyncStatus>;
    status(): Promise<SyncStatus>;
  };
  /** Papers unsaved from a card, kept briefly for its Undo (see card-undo.ts). */
  cardUndo: {
    keep(papers: Paper[]): Promise<string>;
    take(token: string): Promise<Paper[] | undefined>;
  };
}

/** A saved paper as a card may see it. */
const card = (paper: Paper): CardPaper => ({ id: paper.id, tags: paper.tags, ...(paper.detailsPending ? { detailsPending: true as const } : {}) });

/** Validates a message and its sender, then carries it out. Never throws: failures are replies. */
export async function routeMessage(message: unknown, sender: MessageSender, deps: RouterDeps): Promise<Reply> {
  const kind = classifySender(sender, deps.own);
  if (kind === null) return { ok: false, error: 'Refused: message from an unknown sender' };

  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) return { ok: false, error: `Refused: malformed request (${describeIssue(parsed.error)})` };
  const request = parsed.data;

  if (kind === 'content-script' && !CONTENT_SCRIPT_REQUESTS.has(request.type)) {
    return { ok: false, error: `Refused: "${request.type}" is not available to pages` };
  }
  try {
    return await carryOut(request, sender, deps);
  } catch (error) {
    return { ok: false, error: userFacingError(error) };
  }
}

async function carryOut(request: ParsedRequest, sender: MessageSender, deps: RouterDeps): Promise<Reply> {
  const { library } = deps;
  switch (request.type) {
    case 'ping':
      return { ok: true, version: deps.own.version };
    case 'savePapers':
      return { ok: true, papers: await library.savePapers(request.papers, await withTopSuggestion(request.papers, request.tags, deps)) };
    case 'unsavePapers':
      return { ok: true, papers: await library.unsavePapers(request.ids) };
    case 'restorePapers':
      return { ok: true, count: await library.restorePapers(request.papers) };
    case 'setTags':
      return { ok: true, paper: await library.setTags(request.id, request.tags) };
    case 'addTag':
      if (request.paper && request.paper.id !== request.id) return { ok: false, error: 'Refused: paper id mismatch' };
      return { ok: true, paper: await library.addTag(request.id, request.tag, request.paper) };
    case 'removeTag':
      return { ok: true, paper: await library.removeTag(request.id, request.tag) };
    case 'removeTagFromPapers':
      return { ok: true, count: await library.removeTagFromPapers(request.ids, request.tag) };
    case 'setNote':
      return { ok: true, paper: await library.setNote(request.id, request.note) };
    case 'getPapers':
      return { ok: true, papers: await library.getPapers(request.ids) };
    case 'listPapers':
      return { ok: true, papers: await library.listPapers(request) };
    case 'countPerTag':
      return { ok: true, tags: await library.countPerTag() };
    case 'cardStates':
      return { ok: true, saved: (await library.getPapers(request.ids)).map(card) };
    case 'cardSave': {
      const [paper] = await library.savePapers([request.paper], await withTopSuggestion([request.paper], [], deps), 'page');
      const suggested = (await deps.relevance?.suggestions(paper!)) ?? [];
      return { ok: true, saved: [{ ...card(paper!), suggested }] };
    }
    case 'cardUnsave': {
      const removed = await library.unsavePapers([request.id]);
      const worthUndo = removed.some((p) => p.tags.length > 0 || p.note !== '');
      return { ok: true, saved: [], ...(worthUndo ? { undo: await deps.cardUndo.keep(removed) } : {}) };
    }
    case 'cardUndo': {
      const papers = await deps.cardUndo.take(request.undo);
      if (!papers) return { ok: false, error: t('error_too_late_to_undo') };
      await library.restorePapers(papers);
      return { ok: true, saved: papers.map(card) };
    }
    case 'cardAddTag':
      if (request.paper && request.paper.id !== request.id) return { ok: false, error: 'Refused: paper id mismatch' };
      return { ok: true, saved: [card(await library.addTag(request.id, request.tag, request.paper))] };
    case 'cardRemoveTag':
      return { ok: true, saved: [card(await library.removeTag(request.id, request.tag))] };
    case 'cardDetails':
      // Fills in placeholders only: a page never replaces details the library holds.
      return { ok: true, count: (await fillPaperDetails(library, request.papers)).length };
    case 'cardTagNames': {
      // Suggestions for the card's paper first, then every tag of the library.
      const paper = request.id === undefined ? undefined : await library.getPaper(request.id);
      const suggested = (paper && (await deps.relevance?.suggestions(paper))) || [];
      return { ok: true, tags: [...new Set([...suggested, ...(await library.countPerTag()).map((t) => t.tag)])] };
    }
    case 'cardForYou': {
      const saved = new Set((await library.getPapers(request.papers.map((p) => p.id))).map((p) => p.id));
      const dismissed = await deps.notInterested.ids();
      const scores = (await deps.relevance?.forYou(request.papers.filter((p) => !saved.has(p.id) && !dismissed.has(p.id)))) ?? [];
      // At most a fifth of the page, and only papers above the threshold calibrated on the library.
      const picks = scores
        .filter((s) => s.likeLibrary)
        .sort((a, b) => b.score - a.score)
        .slice(0, Math.floor(request.papers.length / 5))
        .map(({ id, reason }) => ({ id, reason }));
      return { ok: true, picks, notInterested: request.papers.map((p) => p.id).filter((id) => dismissed.has(id)) };
    }
    case 'cardRelated': {
      const ids = (await deps.relevance?.related(request.paper)) ?? [];
      const papers = new Map((await library.getPapers(ids)).map((p) => [p.id, p]));
      return { ok: true, related: ids.flatMap((id) => (papers.has(id) ? [{ id, title: papers.get(id)!.title }] : [])) };
    }
    case 'rankForYou': {
      const scores = (await deps.relevance?.forYou(request.papers)) ?? [];
      return { ok: true, scores, learned: scores.length > 0 };
    }
    case 'suggestTags': {
      const paper = await library.getPaper(request.id);
      return { ok: true, tags: (paper && (await deps.relevance?.suggestions(paper))) || [] };
    }
    case 'renameTag':
      return { ok: true, count: await library.renameTag(request.from, request.to) };
    case 'deleteTag':
      return { ok: true, count: await library.deleteTag(request.tag) };
    case 'deleteAllData':
      await library.deleteAll();
      await Promise.all([deps.trending.clear(), deps.notInterested.clear(), deps.relevance?.forget()]);
      return { ok: true, deleted: true };
    case 'markNotInterested':
      return { ok: true, count: await deps.notInterested.mark(request.papers) };
    case 'undoNotInterested':
      return { ok: true, count: await deps.notInterested.unmark(request.ids) };
    case 'cardNotInterested':
      return { ok: true, count: await deps.notInterested.mark([request.paper]) };
    case 'cardInterestedAgain':
      return { ok: true, count: await deps.notInterested.unmark([request.id]) };
    case 'pageSeen': {
      // Only the trending page itself counts; classifySender guarantees a huggingface.co url.
      const page = sender.url === undefined ? undefined : papersPageKind(new URL(sender.url));
      const trending = page?.kind === 'listing' && page.listing === 'trending';
      return { ok: true, count: trending ? await deps.trending.markSeen(request.ids) : 0 };
    }
    case 'checkTrending': {
      const report = await deps.trending.check();
      return { ok: true, ...report };
    }
    case 'markTrendingSeen':
      return { ok: true, count: await deps.trending.markSeen(request.ids) };
    case 'trendingSettingsChanged':
      await deps.trending.reschedule();
      return { ok: true, rescheduled: true };
    case 'setSync':
      if (!deps.sync) return { ok: false, error: t('error_sync_unavailable') };
      return { ok: true, status: await deps.sync.setEnabled(request.on) };
    case 'syncStatus':
      if (!deps.sync) return { ok: false, error: t('error_sync_unavailable') };
      return { ok: true, status: await deps.sync.status() };
  }
}

/** The tags to save papers with: the ones asked for, or, for one untagged paper, the top suggestion if the reader wants it. */
async function withTopSuggestion(papers: readonly { id: string; title: string; summary?: string }[], tags: string[], deps: RouterDeps): Promise<string[]> {
  if (tags.length > 0 || papers.length !== 1 || !deps.relevance || !(await deps.relevance.tagsNewSaves())) return tags;
  const existing = await deps.library.getPaper(papers[0]!.id);
  if (existing && existing.tags.length > 0) return tags;
  return (await deps.relevance.suggestions(papers[0]!, 1)).slice(0, 1);
}

function describeIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** Turns storage failures into sentences a user can act on. */
export function userFacingError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return t('error_out_of_space');
  }
  if (isStorageRefused(error)) return storageRefusedMessage();
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError') {
    return t('error_library_closed');
  }
  return errorMessage(error);
}
