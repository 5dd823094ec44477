import { PaperMetadataSchema } from '@/lib/paper/model';
import { z } from '@/lib/zod-config';
import { entryToMetadata } from '@/lib/hf/data-blob';

/**
 * One Hugging Face API entry (an `/api/daily_papers` item or an `/api/papers/{id}` answer) as paper
 * metadata, in one parse: read with the same reader as the page's embedded data, then checked
 * against the paper model. Extra fields are ignored; anything that is not a paper fails.
 */
export const ApiPaperSchema = z
  .unknown()
  .transform((entry, ctx) => {
    const metadata = entryToMetadata(entry);
    if (!metadata) {
      ctx.addIssue({ code: 'custom', message: 'Not a paper entry' });
      return z.NEVER;
    }
    return metadata;
  })
  .pipe(PaperMetadataSchema);
