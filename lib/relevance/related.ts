import type { RelevanceModel } from './model';
import { dotSparse, type SparseVector } from './sparse';

export interface RelatedPaper {
  readonly id: string;
  /** Cosine similarity of the two papers' tf-idf vectors (the saved paper's strongest terms). */
  readonly similarity: number;
}

export interface RelatedOptions {
  /** At most this many (default 5). */
  readonly limit?: number;
  /** Only papers at least this similar (default 0.1). */
  readonly minSimilarity?: number;
  /** Leave this paper out (the paper itself, when it is saved). */
  readonly excludeId?: string;
}

/** Saved papers most similar to a paper, most similar first. */
export function relatedInLibrary(model: RelevanceModel, x: SparseVector, options: RelatedOptions = {}): RelatedPaper[] {
  const limit = options.limit ?? 5;
  const minSimilarity = options.minSimilarity ?? 0.1;
  const best: RelatedPaper[] = [];
  const { ids, vectors } = model.library;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === options.excludeId) continue;
    const similarity = dotSparse(x, vectors[i]!);
    if (similarity < minSimilarity) continue;
    if (best.length === limit && similarity <= best[limit - 1]!.similarity) continue;
    best.push({ id: ids[i]!, similarity });
    best.sort((a, b) => b.similarity - a.similarity);
    if (best.length > limit) best.pop();
  }
  return best;
}
