// No zod here: the content script imports these, and it must stay small.
import { t } from '@/lib/i18n';

/**
 * Every limit on what a paper in the library may hold, in one place. The zod schemas in model.ts,
 * the library's writes, the page reader's clipping and the inputs' maxlength all read them from here,
 * so whatever the library holds always fits a backup and imports back.
 */
export const LIMITS = {
  title: 1000,
  summary: 20_000,
  /** An author's or organization's name. */
  name: 300,
  handle: 200,
  authors: 5000,
  tag: 64,
  tagsPerPaper: 200,
  note: 100_000,
  url: 2048,
  count: 1e9,
} as const;

/**
 * Times (saved, updated) and publication dates must fall in this range, epoch milliseconds. Anything
 * outside is a damaged value: it would sort first forever and no date formatter can print it.
 */
export const EARLIEST_TIME = Date.UTC(1990, 0, 1);
export const LATEST_TIME = Date.UTC(2100, 0, 1);

export function isSaneTime(ms: number): boolean {
  return Number.isInteger(ms) && ms >= EARLIEST_TIME && ms < LATEST_TIME;
}

/** The sentence a user sees when a paper would hold more tags than it may. */
export function tooManyTagsMessage(): string {
  return t('error_too_many_tags', LIMITS.tagsPerPaper);
}

/** What a library record must hold to stay within the limits; the parts that combining can break. */
interface LimitedPaper {
  id: string;
  tags: readonly string[];
  note: string;
  savedAt: number;
  updatedAt: number;
}

/**
 * Why a paper about to be stored breaks a limit, or null. Metadata is checked where it enters (the
 * zod schemas); this catches what combining valid pieces can produce: tags united by a save, a merge
 * or an import, and dates from any writer.
 */
export function paperLimitProblem(paper: LimitedPaper): string | null {
  if (paper.tags.length > LIMITS.tagsPerPaper) return tooManyTagsMessage();
  if (paper.tags.some((tag) => tag.length === 0 || tag.length > LIMITS.tag)) return t('error_tag_too_long', LIMITS.tag);
  if (paper.note.length > LIMITS.note) return t('error_note_too_long', LIMITS.note);
  if (!isSaneTime(paper.savedAt) || !isSaneTime(paper.updatedAt)) return t('error_date_out_of_range', paper.id);
  return null;
}
