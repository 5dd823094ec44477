import { trainForYouModel } from '@/lib/relevance/for-you-model';
import type { CorpusPaper, LibraryPaper, RelevanceModel } from '@/lib/relevance/model';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from '@/lib/relevance/options';
import { normalized, type SparseVector, strongest } from '@/lib/relevance/sparse';
import { trainTagModels } from '@/lib/relevance/tag-models';
import { contentWords, paperText } from '@/lib/relevance/tokenize';
import { type CountedDocument, DocumentFrequencyCounter, tfidfOfCounted } from '@/lib/relevance/vocabulary';

/** What the learner learns from. Papers are told apart by id; a saved paper counts only as saved. */
export interface TrainingInput {
  /** Saved papers with their tags. */
  readonly library: readonly LibraryPaper[];
  /** Papers shown in trending lists that the reader did not save. */
  readonly seen?: readonly CorpusPaper[];
  /** Papers marked "Not interested". */
  readonly notInterested?: readonly CorpusPaper[];
  /** More text for document frequencies (trending snapshots, papers on open pages); never labels. */
  readonly extraCorpus?: readonly CorpusPaper[];
}

/** About this many terms are read between two yields. */
const TERMS_PER_STEP = 10_000;

/**
 * Trains every model from scratch. A generator that does a bounded amount of work between yields (a few
 * milliseconds), so a background can run it in slices; `trainAll` runs it at once.
 */
export function* trainRelevance(
  input: TrainingInput,
  options: Partial<TrainingOptions> = {},
): Generator<void, RelevanceModel> {
  const o: TrainingOptions = { ...DEFAULT_TRAINING_OPTIONS, ...options };
  const counter = new DocumentFrequencyCounter();
  let terms = 0;
  function* read(papers: readonly CorpusPaper[]): Generator<void, CountedDocument[]> {
    const counted: CountedDocument[] = [];
    for (const paper of papers) {
      const words = contentWords(paperText(paper));
      counted.push(counter.add(words));
      terms += 2 * words.length + 1;
      if (terms >= TERMS_PER_STEP) {
        terms = 0;
        yield;
      }
    }
    return counted;
  }
  const library = uniqueById(input.library, new Set());
  const taken = new Set(library.map((p) => p.id));
  const notInterested = uniqueById(input.notInterested ?? [], taken);
  const seen = uniqueById(input.seen ?? [], taken);
  const extra = uniqueById(input.extraCorpus ?? [], taken);

  const libraryDocs = yield* read(library);
  const notInterestedDocs = yield* read(notInterested);
  const seenDocs = yield* read(seen);
  const extraDocs = yield* read(extra);
  const { vocabulary, remap } = counter.vocabulary(o);
  yield;
  const dimension = vocabulary.terms.length;
  function* vectors(docs: readonly CountedDocument[]): Generator<void, SparseVector[]> {
    const out: SparseVector[] = [];
    for (const doc of docs) {
      out.push(tfidfOfCounted(doc, remap, vocabulary.idf));
      terms += doc.termIds.length + 1;
      if (terms >= TERMS_PER_STEP) {
        terms = 0;
        yield;
      }
    }
    return out;
  }
  const libraryVectors = yield* vectors(libraryDocs);
  const notInterestedVectors = yield* vectors(notInterestedDocs);
  const seenVectors = yield* vectors(seenDocs);
  // Trending papers without feedback are needed as vectors only when there is no feedback at all.
  const needUnlabeled = seen.length + notInterested.length === 0;
  const extraVectors = needUnlabeled ? yield* vectors(extraDocs) : [];

  const tags = yield* trainTagModels(
    {
      vectors: libraryVectors,
      tagLists: library.map((p) => p.tags),
      others: [...notInterestedVectors, ...seenVectors, ...extraVectors],
      dimension,
    },
    o,
  );
  const forYou = yield* trainForYouModel(
    {
      positives: libraryVectors,
      feedback: [
        ...notInterestedVectors.map((x) => ({ x, weight: o.notInterestedWeight })),
        ...seenVectors.map((x) => ({ x, weight: 1 })),
      ],
      unlabeled: extraVectors,
      dimension,
    },
    o,
  );
  const related: SparseVector[] = [];
  for (const v of libraryVectors) {
    related.push(normalized(strongest(v, o.relatedTerms)));
    terms += v.indices.length * 4;
    if (terms >= TERMS_PER_STEP) {
      terms = 0;
      yield;
    }
  }
  return {
    trainedAt: Date.now(),
    vocabulary,
    tags,
    forYou,
    library: { ids: library.map((p) => p.id), vectors: related },
  };
}

function uniqueById<T extends CorpusPaper>(papers: readonly T[], taken: Set<string>): T[] {
  const out: T[] = [];
  for (const paper of papers) {
    if (taken.has(paper.id)) continue;
    taken.add(paper.id);
    out.push(paper);
  }
  return out;
}

/** Trains at once (Node, tests, small libraries). */
export function trainAll(input: TrainingInput, options: Partial<TrainingOptions> = {}): RelevanceModel {
  const steps = trainRelevance(input, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface SliceOptions {
  /** Work for at most about this long before pausing (default 30 ms). */
  readonly sliceMs?: number;
  /** How to give the thread back between slices (default: a zero-delay timer). */
  readonly pause?: () => Promise<void>;
  /** Stops training: the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Trains in slices of about `sliceMs`, giving the thread back between them. */
export async function trainInSlices(
  input: TrainingInput,
  options: Partial<TrainingOptions> = {},
  slices: SliceOptions = {},
): Promise<RelevanceModel> {
  const sliceMs = slices.sliceMs ?? 30;
  const pause = slices.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const steps = trainRelevance(input, options);
  for (;;) {
    slices.signal?.throwIfAborted();
    const start = performance.now();
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (performance.now() - start >= sliceMs) break;
    }
    await pause();
  }
}
