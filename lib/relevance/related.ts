import type { RelevanceModel } from '@/lib/relevance/model';
import { paperVector } from '@/lib/relevance/score';
import { dotSparse, type SparseVector } from '@/lib/relevance/sparse';
import type { PaperText } from '@/lib/relevance/tokenize';

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
}

/** Saved papers most similar to a paper (never the paper itself), most similar first. */
export function relatedInLibrary(
  model: RelevanceModel,
  paper: PaperText & { readonly id?: string },
  options: RelatedOptions = {},
  x: SparseVector = paperVector(model, paper),
): RelatedPaper[] {
  const limit = options.limit ?? 5;
  const minSimilarity = options.minSimilarity ?? 0.1;
  const best: RelatedPaper[] = [];
  const { ids, vectors } = model.library;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === paper.id) continue;
    const similarity = dotSparse(x, vectors[i]!);
    if (similarity < minSimilarity) continue;
    if (best.length === limit && similarity <= best[limit - 1]!.similarity) continue;
    best.push({ id: ids[i]!, similarity });
    best.sort((a, b) => b.similarity - a.similarity);
    if (best.length > limit) best.pop();
  }
  return best;
}
