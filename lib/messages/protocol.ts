import { z } from '@/lib/zod-config';
import { ArxivIdSchema, NoteSchema, PaperMetadataSchema, PaperSchema, TagListSchema, TagSchema, type Paper } from '@/lib/paper/model';
import type { TagCount } from '@/lib/paper/tags';
import type { SyncStatus } from '@/lib/sync/service/status';
import type { TrendingStatus } from '@/lib/trending/status';

/**
 * Every message the background answers. Requests are validated with this schema at the boundary;
 * anything that does not parse gets `{ ok: false }` and changes nothing.
 */

const Ids = z.array(ArxivIdSchema).min(1).max(50_000);
/** A paper as the learner reads it: what a page shows of it, the title and the abstract or its start. */
const PaperTextSchema = PaperMetadataSchema.pick({ id: true, title: true, summary: true });
const PaperTexts = z.array(PaperTextSchema).min(1).max(5000);
/** Papers a card request may describe at once. */
const STATE_BATCH_MAX = 500;

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }).strict(),
  z
    .object({
      type: z.literal('savePapers'),
      papers: z.array(PaperMetadataSchema).min(1).max(50_000),
      tags: TagListSchema.default([]),
    })
    .strict(),
  z.object({ type: z.literal('unsavePapers'), ids: Ids }).strict(),
  /** Undo: puts removed papers back with their tags, notes and dates. */
  z.object({ type: z.literal('restorePapers'), papers: z.array(PaperSchema).min(1).max(50_000) }).strict(),
  z.object({ type: z.literal('setTags'), id: ArxivIdSchema, tags: TagListSchema }).strict(),
  z
    .object({
      type: z.literal('addTag'),
      id: ArxivIdSchema,
      tag: TagSchema,
      /** Metadata to save the paper with when it is not in the library yet. */
      paper: PaperMetadataSchema.optional(),
    })
    .strict(),
  z.object({ type: z.literal('removeTag'), id: ArxivIdSchema, tag: TagSchema }).strict(),
  z.object({ type: z.literal('removeTagFromPapers'), ids: Ids, tag: TagSchema }).strict(),
  z.object({ type: z.literal('setNote'), id: ArxivIdSchema, note: NoteSchema }).strict(),
  z.object({ type: z.literal('getPapers'), ids: Ids }).strict(),
  z
    .object({
      type: z.literal('listPapers'),
      tag: TagSchema.optional(),
      limit: z.number().int().positive().max(100_000).optional(),
    })
    .strict(),
  z.object({ type: z.literal('countPerTag') }).strict(),
  /** "Not interested": the papers stop counting and teach the "For you" order; and its Undo. */
  z.object({ type: z.literal('markNotInterested'), papers: z.array(PaperMetadataSchema).min(1).max(1000) }).strict(),
  z.object({ type: z.literal('undoNotInterested'), ids: Ids }).strict(),
  /** The "For you" score of each paper, with its reason, for the popup's lists. */
  z.object({ type: z.literal('rankForYou'), papers: PaperTexts }).strict(),
  /** Tags to suggest for a saved paper. */
  z.object({ type: z.literal('suggestTags'), id: ArxivIdSchema }).strict(),
  /** The trending page shows these papers: seeing them there counts as seeing them trend. */
  z.object({ type: z.literal('pageSeen'), ids: Ids }).strict(),
  /**
   * What a card on a papers page may ask. Replies carry what a card shows (saved or not, the tags)
   * and nothing else: a page's scripts must never be able to read more of the library through one.
   */
  z.object({ type: z.literal('cardStates'), ids: Ids }).strict(),
  z.object({ type: z.literal('cardSave'), paper: PaperMetadataSchema }).strict(),
  z.object({ type: z.literal('cardUnsave'), id: ArxivIdSchema }).strict(),
  /** Puts back a paper unsaved from a card, with its tags and note, by the token the removal gave. */
  z.object({ type: z.literal('cardUndo'), undo: z.uuid() }).strict(),
  z.object({ type: z.literal('cardAddTag'), id: ArxivIdSchema, tag: TagSchema, paper: PaperMetadataSchema.optional() }).strict(),
  z.object({ type: z.literal('cardRemoveTag'), id: ArxivIdSchema, tag: TagSchema }).strict(),
  /** The library's tag names, for a card's autocomplete. */
  z.object({ type: z.literal('cardTagNames'), id: ArxivIdSchema.optional() }).strict(),
  /** Which of the page's papers get a "For you" marker, and which the reader marked Not interested. */
  z.object({ type: z.literal('cardForYou'), papers: PaperTexts }).strict(),
  /** On a paper's own page: saved papers like it. */
  z.object({ type: z.literal('cardRelated'), paper: PaperTextSchema }).strict(),
  /** What the page shows of saved papers that came through sync by id only (it fills in nothing else). */
  z.object({ type: z.literal('cardDetails'), papers: z.array(PaperMetadataSchema).min(1).max(STATE_BATCH_MAX) }).strict(),
  z.object({ type: z.literal('cardNotInterested'), paper: PaperMetadataSchema }).strict(),
  z.object({ type: z.literal('cardInterestedAgain'), id: ArxivIdSchema }).strict(),
  /** The settings' tag list: rename (onto an existing tag: merge) or take a tag off every paper. */
  z.object({ type: z.literal('renameTag'), from: TagSchema, to: TagSchema }).strict(),
  z.object({ type: z.literal('deleteTag'), tag: TagSchema }).strict(),
  /** "Delete all data" in the settings: the library, the trending history, Not interested marks, what was learned. */
  z.object({ type: z.literal('deleteAllData') }).strict(),
  /** "Check now" in the popup. */
  z.object({ type: z.literal('checkTrending') }).strict(),
  /** "Mark all seen" (no ids), or the user saw these papers. */
  z.object({ type: z.literal('markTrendingSeen'), ids: Ids.optional() }).strict(),
  /** The options page changed the trending settings: reschedule and recount. */
  z.object({ type: z.literal('trendingSettingsChanged') }).strict(),
  /** "Sync my library through this browser's sync" in the settings page, and what sync is doing. */
  z.object({ type: z.literal('setSync'), on: z.boolean() }).strict(),
  z.object({ type: z.literal('syncStatus') }).strict(),
]);

export type Request = z.input<typeof RequestSchema>;
export type ParsedRequest = z.output<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** A paper as a card sees it: present when saved, with its tags. Nothing else of the library. */
export interface CardPaper {
  id: string;
  tags: string[];
  /** Tags to suggest for it, best first (after a save). */
  suggested?: string[];
  /** The paper came through sync by id only: the card may send what the page shows of it. */
  detailsPending?: true;
}

/** A paper's "For you" score and why, in a few words. */
export interface ForYouScore {
  id: string;
  score: number;
  likeLibrary: boolean;
  reason: string;
}

/** What each request answers when it succeeds. */
export interface ReplyPayloads {
  ping: { version: string };
  savePapers: { papers: Paper[] };
  unsavePapers: { papers: Paper[] };
  restorePapers: { count: number };
  setTags: { paper: Paper };
  addTag: { paper: Paper };
  removeTag: { paper: Paper };
  removeTagFromPapers: { count: number };
  setNote: { paper: Paper };
  getPapers: { papers: Paper[] };
  listPapers: { papers: Paper[] };
  countPerTag: { tags: TagCount[] };
  cardStates: { saved: CardPaper[] };
  cardSave: { saved: CardPaper[] };
  /** `undo` when the paper had tags or a note worth an Undo. */
  cardUnsave: { saved: CardPaper[]; undo?: string };
  cardUndo: { saved: CardPaper[] };
  cardAddTag: { saved: CardPaper[] };
  cardRemoveTag: { saved: CardPaper[] };
  cardTagNames: { tags: string[] };
  cardForYou: { picks: { id: string; reason: string }[]; notInterested: string[] };
  cardRelated: { related: { id: string; title: string }[] };
  rankForYou: { scores: ForYouScore[]; learned: boolean };
  suggestTags: { tags: string[] };
  cardDetails: { count: number };
  pageSeen: { count: number };
  markNotInterested: { count: number };
  deleteAllData: { deleted: true };
  renameTag: { count: number };
  deleteTag: { count: number };
  undoNotInterested: { count: number };
  cardNotInterested: { count: number };
  cardInterestedAgain: { count: number };
  checkTrending: { outcome: 'changed' | 'unchanged' | 'failed'; status: TrendingStatus; requests: number; rowsWritten: number };
  markTrendingSeen: { count: number };
  trendingSettingsChanged: { rescheduled: true };
  setSync: { status: SyncStatus };
  syncStatus: { status: SyncStatus };
}

export type Failure = { ok: false; error: string };
export type Reply<T extends RequestType = RequestType> = ({ ok: true } & ReplyPayloads[T]) | Failure;

/** Requests a content script on huggingface.co may make. The rest are for extension pages only. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'ping',
  'cardStates',
  'cardSave',
  'cardUnsave',
  'cardUndo',
  'cardAddTag',
  'cardRemoveTag',
  'cardTagNames',
  'cardForYou',
  'cardRelated',
  'cardDetails',
  'cardNotInterested',
  'cardInterestedAgain',
  'pageSeen',
]);
