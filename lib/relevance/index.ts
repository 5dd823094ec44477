/** "PaperShelf learns your topics": pure learning on the reader's library. See README.md in this folder. */
export type { CorpusPaper, ForYouBasis, ForYouModel, LibraryPaper, RelevanceModel, TagModel } from './model';
export { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './options';
export { trainAll, trainInSlices, trainRelevance, type SliceOptions, type TrainingInput } from './train';
export { paperVector, rankTags, suggestTags, type SuggestOptions, type TagScore } from './score';
export { scorePaper, type PaperScores } from './paper-scores';
export { scoreForYou, sharedTerms, type ForYouReason, type ForYouResult } from './for-you';
export { relatedInLibrary, type RelatedOptions, type RelatedPaper } from './related';
export { deserializeModel, MODEL_FORMAT, MODEL_VERSION, serializeModel, storedModelBytes, type StoredRelevanceModel } from './serialize';
export type { SparseVector } from './sparse';
export type { PaperText } from './tokenize';
