/** "PaperShelf learns your topics": pure learning on the reader's library. See README.md in this folder. */
export type { CorpusPaper, ForYouBasis, ForYouModel, LibraryPaper, RelevanceModel, TagModel } from '@/lib/relevance/model';
export { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from '@/lib/relevance/options';
export { trainAll, trainInSlices, trainRelevance, type SliceOptions, type TrainingInput } from '@/lib/relevance/train';
export { paperVector, rankTags, suggestTags, type SuggestOptions, type TagScore } from '@/lib/relevance/score';
export { scorePaper, type PaperScores } from '@/lib/relevance/paper-scores';
export { scoreForYou, sharedTerms, type ForYouReason, type ForYouResult } from '@/lib/relevance/for-you';
export { relatedInLibrary, type RelatedOptions, type RelatedPaper } from '@/lib/relevance/related';
export { deserializeModel, MODEL_FORMAT, MODEL_VERSION, serializeModel, storedModelBytes, type StoredRelevanceModel } from '@/lib/relevance/serialize';
export type { SparseVector } from '@/lib/relevance/sparse';
export type { PaperText } from '@/lib/relevance/tokenize';
