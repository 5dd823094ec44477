import { isSaneTime, LIMITS } from '@/lib/paper/limits';
import { uniqueTags } from '@/lib/paper/tags';
import type { PaperRecord } from '@/lib/library/schema';
import { t } from '@/lib/i18n';

/**
 * Brings a paper stored before the limits were enforced within them, losing nothing: look-alike tags
 * merge, tags beyond the most a paper may hold move into its note, and a date no library can hold
 * becomes the time of the repair. Returns whether anything changed.
 */
export function repairPaper(paper: PaperRecord, now: number): boolean {
  let changed = false;
  const tags = uniqueTags(paper.tags).map((tag) => tag.slice(0, LIMITS.tag));
  const kept = uniqueTags(tags).slice(0, LIMITS.tagsPerPaper);
  const moved = tags.slice(kept.length);
  if (kept.length !== paper.tags.length || kept.some((tag, i) => tag !== paper.tags[i])) {
    paper.tags = kept;
    changed = true;
  }
  if (moved.length > 0) {
    const line = t('library_note_tags_moved', LIMITS.tagsPerPaper, moved.join(', '));
    paper.note = `${paper.note}${paper.note ? '\n\n' : ''}${line}`.slice(0, LIMITS.note);
  }
  for (const field of ['savedAt', 'updatedAt'] as const) {
    if (!isSaneTime(paper[field])) {
      paper[field] = now;
      changed = true;
    }
  }
  return changed || moved.length > 0;
}
