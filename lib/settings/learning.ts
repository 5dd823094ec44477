import { z } from '@/lib/zod-config';
import { settingsItem } from '@/lib/settings/typed-item';

export const LearningSettingsSchema = z.object({
  /** Learn the reader's topics from the library (on the device): suggestions, "For you", the like-my-library badge. */
  enabled: z.boolean().default(true),
  /** A paper saved without tags gets the top suggestion as its tag. */
  tagNewSavesWithTopSuggestion: z.boolean().default(false),
});

export type LearningSettings = z.output<typeof LearningSettingsSchema>;

export const learningSettings = settingsItem('local:learningSettings', LearningSettingsSchema);
