import { LibraryReader } from '@/lib/library/reader';
import type { LibraryDatabase } from '@/lib/library/schema';
import { TrendingStore } from '@/lib/trending/store';
import {
  deserializeModel,
  paperVector,
  relatedInLibrary,
  scoreForYou,
  serializeModel,
  suggestTags,
  trainInSlices,
  type CorpusPaper,
  type ForYouReason,
  type RelevanceModel,
} from '@/lib/relevance';
import { t } from '@/lib/i18n';

/** A paper as the learner reads it. */
export interface PaperText {
  id: string;
  title: string;
  summary?: string;
}

export interface ForYouPick {
  id: string;
  score: number;
  /** At or above the threshold calibrated on the library: "a paper like yours". */
  likeLibrary: boolean;
  /** Why, in a few words: "like your #rl papers", "about diffusion, video". */
  reason: string;
}

/** Training waits this long after the last change, so a burst of saves trains once. */
export const TRAINING_DELAY_MS = 4000;
/** Work per training slice: a message arriving meanwhile waits at most about this long. */
const TRAINING_SLICE_MS = 25;
/** The most recently saved papers trained on: enough for every tag, and training stays about a second. */
export const TRAINING_LIBRARY_LIMIT = 4000;
/** Trending papers kept as text for word frequencies and as papers seen and passed over. */
const TRAINING_TRENDING_LIMIT = 3000;

/** Why a paper is "for you", in a few words. */
export function reasonText(reason: ForYouReason | null): string {
  if (!reason) return t('foryou_reason_library');
  return reason.kind === 'tag' ? t('foryou_reason_tag', reason.tag) : t('foryou_reason_terms', reason.terms.join(', '));
}

/**
 * What PaperShelf learns from the library, in the background: trained in slices after changes
 * (debounced), kept in IndexedDB so a restarted worker serves at once, and retrained when what it
 * was trained on changed. A model that is stale keeps serving until the new one is ready; one that
 * is missing or damaged is trained anew, never a crash.
 */
export class RelevanceService {
  private model: RelevanceModel | undefined;
  private loaded: Promise<void> | undefined;
  private training: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly library: LibraryReader;
  private readonly trending: TrendingStore;

  constructor(
    private readonly deps: {
      db: LibraryDatabase;
      /** Whether learning is on (the reader can turn it off). */
      enabled: () => Promise<boolean>;
      /** When the library last changed, whoever changed it (see library-change.ts). */
      libraryChangedAt: () => Promise<number | undefined>;
      now?: () => number;
      delayMs?: number;
      /** Hears that a new model is serving (counts that depend on it can be redone). */
      onTrained?: () => void;
    },
  ) {
    this.library = new LibraryReader(deps.db);
    this.trending = new TrendingStore(deps.db);
  }

  /** The model as last trained, or undefined while there is none (an empty library, learning off). */
  async current(): Promise<RelevanceModel | undefined> {
    if (!(await this.deps.enabled())) return undefined;
    this.loaded ??= this.load();
    await this.loaded;
    return this.model;
  }

  /** Something the model learns from changed: train again once things settle. */
  changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.train(), this.deps.delayMs ?? TRAINING_DELAY_MS);
  }

  /** Trains now (joining a training under way, and running once more after it if asked meanwhile). */
  async train(): Promise<void> {
    if (this.training) {
      this.again = true;
      return this.training;
    }
    this.training = this.trainOnce().finally(() => (this.training = undefined));
    await this.training;
    if (this.again) {
      this.again = false;
      await this.train();
    }
  }

  /** Learning was turned off: forget what was learned. */
  async forget(): Promise<void> {
    this.model = undefined;
    await this.deps.db.relevance.clear();
  }

  async suggestions(paper: PaperText & { tags?: readonly string[] }, limit = 3): Promise<string[]> {
    const model = await this.current();
    if (!model) return [];
    return suggestTags(model, { title: paper.title, summary: paper.summary ?? '', tags: paper.tags }, { limit }).map((s) => s.tag);
  }

  /** Each paper's "For you" score and reason, in the order given; empty while nothing is learned. */
  async forYou(papers: readonly PaperText[]): Promise<ForYouPick[]> {
    const model = await this.current();
    if (!model?.forYou) return [];
    return papers.flatMap((paper) => {
      const text = { title: paper.title, summary: paper.summary ?? '' };
      const result = scoreForYou(model, text, paperVector(model, text));
      return result ? [{ id: paper.id, score: result.score, likeLibrary: result.likeLibrary, reason: reasonText(result.reason) }] : [];
    });
  }

  /** Saved papers most like `paper` (itself excluded), best first. */
  async related(paper: PaperText, limit = 5): Promise<string[]> {
    const model = await this.current();
    if (!model) return [];
    return relatedInLibrary(model, { id: paper.id, title: paper.title, summary: paper.summary ?? '' }, { limit }).map((r) => r.id);
  }

  private async load() {
    const stored = await this.deps.db.relevance.get('model').catch(() => undefined);
    const model = stored ? deserializeModel(stored.model) : null;
    if (model) this.model = model;
    // Missing, damaged, or trained on a library that has changed since: train (the old one serves meanwhile).
    if (!model || stored?.revision !== (await this.revision())) this.changed();
  }

  /** What the model was trained on, as a value that moves whenever any of it changes. */
  private async revision(): Promise<string> {
    const { db } = this.deps;
    const [lastChange, marks, trending] = await Promise.all([this.deps.libraryChangedAt(), db.notInterested.count(), this.trending.lastSeenAt()]);
    return `${lastChange ?? 0}:${marks}:${String(trending ?? 0)}`;
  }

  private async trainOnce() {
    if (!(await this.deps.enabled())) return;
    const { db } = this.deps;
    const revision = await this.revision();
    const [library, marks, trending] = await Promise.all([
      this.library.newest(TRAINING_LIBRARY_LIMIT),
      db.notInterested.toArray(),
      this.trending.recent(TRAINING_TRENDING_LIMIT),
    ]);
    if (library.length === 0) {
      this.model = undefined;
      await db.relevance.clear();
      return;
    }
    const saved = new Set(library.map((p) => p.id));
    const marked = new Set(marks.map((m) => m.id));
    const text = (p: { id: string; title: string; summary: string }): CorpusPaper => ({ id: p.id, title: p.title, summary: p.summary });
    // Papers seen on the trending list and not saved are what the reader passed over.
    const seen = trending.filter((r) => r.status === 'seen' && !saved.has(r.id) && !marked.has(r.id)).map((r) => text(r.paper));
    const model = await trainInSlices(
      {
        library: library.map((p) => ({ ...text(p), tags: p.tags })),
        notInterested: marks.map((m) => text(m.paper)),
        seen,
        extraCorpus: trending.map((r) => text(r.paper)),
      },
      {},
      { sliceMs: TRAINING_SLICE_MS },
    );
    this.model = model;
    this.deps.onTrained?.();
    await db.relevance.put({ key: 'model', revision, trainedAt: (this.deps.now ?? Date.now)(), model: serializeModel(model) });
  }
}
