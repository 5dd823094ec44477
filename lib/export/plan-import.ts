import type { Paper } from '@/lib/paper/model';
import { sameTag, uniqueTags } from '@/lib/paper/tags';

export interface ImportPlan {
  added: Paper[];
  updated: Paper[];
  unchanged: number;
}

/**
 * What importing `incoming` into a library holding `existing` does. Conflicts merge: tags are
 * united, the newer note wins, the paper keeps the earliest date saved, and metadata comes from
 * whichever copy was updated last.
 */
export function planImport(existing: ReadonlyMap<string, Paper>, incoming: Paper[]): ImportPlan {
  const plan: ImportPlan = { added: [], updated: [], unchanged: 0 };
  const seen = new Map<string, Paper>();
  for (const paper of incoming) {
    // A backup holding one paper twice: the later copy merges into the first.
    const earlier = seen.get(paper.id);
    seen.set(paper.id, earlier ? merge(earlier, paper) : paper);
  }
  for (const paper of seen.values()) {
    const mine = existing.get(paper.id);
    if (!mine) plan.added.push(paper);
    else {
      const merged = merge(mine, paper);
      if (samePaper(merged, mine)) plan.unchanged++;
      else plan.updated.push(merged);
    }
  }
  return plan;
}

function merge(mine: Paper, theirs: Paper): Paper {
  const newer = theirs.updatedAt > mine.updatedAt ? theirs : mine;
  const older = newer === theirs ? mine : theirs;
  // A placeholder (a paper synced by its id only) never replaces real details.
  const described = newer.detailsPending && !older.detailsPending ? older : newer;
  return {
    ...described,
    tags: uniqueTags([...mine.tags, ...theirs.tags]),
    note: newer.note || older.note,
    savedAt: Math.min(mine.savedAt, theirs.savedAt),
    updatedAt: Math.max(mine.updatedAt, theirs.updatedAt),
  };
}

function samePaper(a: Paper, b: Paper): boolean {
  return (
    a.updatedAt === b.updatedAt &&
    a.savedAt === b.savedAt &&
    a.note === b.note &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => sameTag(t, b.tags[i]!)) &&
    JSON.stringify({ ...a, tags: [] }) === JSON.stringify({ ...b, tags: [] })
  );
}
