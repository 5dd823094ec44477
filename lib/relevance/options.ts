import type { SvmOptions } from '@/lib/relevance/linear-svm';

export interface TrainingOptions {
  /** Vocabulary: terms in at least this many documents... */
  readonly minDf: number;
  /** ...and at most this many terms. */
  readonly maxFeatures: number;
  /** A tag is learned (and suggested) once this many saved papers carry it. */
  readonly minTagPapers: number;
  /** SVM regularization for tag models (smaller: simpler models). */
  readonly tagC: number;
  /** SVM regularization for the "For you" model. */
  readonly forYouC: number;
  /** Folds of the cross-validation that calibrates scores. */
  readonly folds: number;
  /** The "like your library" threshold keeps this share of held-out saved papers. */
  readonly keepShare: number;
  /** A "Not interested" paper counts as this many unsaved papers. */
  readonly notInterestedWeight: number;
  /** Terms kept per saved paper for "related in your library". */
  readonly relatedTerms: number;
  readonly svm: Partial<SvmOptions>;
  readonly seed: number;
}

export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = {
  minDf: 2,
  maxFeatures: 20_000,
  minTagPapers: 3,
  tagC: 0.1,
  forYouC: 0.1,
  folds: 3,
  keepShare: 0.8,
  notInterestedWeight: 2,
  relatedTerms: 64,
  svm: {},
  seed: 1,
};
