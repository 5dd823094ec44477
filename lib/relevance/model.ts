import type { PlattScaling } from '@/lib/relevance/calibration';
import type { SparseVector } from '@/lib/relevance/sparse';
import type { PaperText } from '@/lib/relevance/tokenize';
import type { Vocabulary } from '@/lib/relevance/vocabulary';

/** A paper as the learner reads it: its id and text. */
export interface CorpusPaper extends PaperText {
  readonly id: string;
}

/** A saved paper: its text and the reader's tags. */
export interface LibraryPaper extends CorpusPaper {
  readonly tags: readonly string[];
}

/** One tag's model: score = weights . x + intercept; P(tag) = Platt of the score. */
export interface TagModel {
  /** The spelling shown (the first met). */
  readonly name: string;
  /** tagKey(name), the tag's identity. */
  readonly key: string;
  /** Library papers with the tag when trained. */
  readonly papers: number;
  readonly weights: Float32Array;
  readonly intercept: number;
  readonly platt: PlattScaling;
}

/** Where the "For you" model's negative examples came from. */
export type ForYouBasis =
  /** papers seen in trending and not saved, and papers marked "Not interested" */
  | 'feedback'
  /** no feedback yet: papers from trending snapshots stand in as negatives */
  | 'unlabeled'
  /** nothing but the library: similarity to the library's centroid */
  | 'centroid';

export interface ForYouModel {
  readonly basis: ForYouBasis;
  readonly weights: Float32Array;
  readonly intercept: number;
  /** Turns the raw score into a probability; null for the centroid basis (the score is a cosine). */
  readonly platt: PlattScaling | null;
  /** Papers at or above this score are "like your library": it keeps `keepShare` of held-out saved papers. */
  readonly threshold: number;
  /** Share of held-out negative papers at or above the threshold (NaN without negatives). */
  readonly falsePositiveRate: number;
}

export interface RelevanceModel {
  readonly trainedAt: number;
  readonly vocabulary: Vocabulary;
  readonly tags: readonly TagModel[];
  readonly forYou: ForYouModel | null;
  /** Saved papers as short vectors (their strongest terms), for "related in your library". */
  readonly library: { readonly ids: readonly string[]; readonly vectors: readonly SparseVector[] };
}
