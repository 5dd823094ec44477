import { z } from '@/lib/zod-config';
import { normalizeArxivId, paperLinks } from '@/lib/paper/arxiv-id';
import { EARLIEST_TIME, LATEST_TIME, LIMITS } from '@/lib/paper/limits';
import { normalizeTag, uniqueTags } from '@/lib/paper/tags';
import { httpsHref } from '@/lib/paper/urls';
import { t } from '@/lib/i18n';

/**
 * The one description of a paper. `PaperMetadata` is what a page or the API tells us about a paper;
 * `Paper` is a paper in the user's library: that metadata plus the user's own tags and note.
 */

/** Accepts "2401.12345v2" or "arXiv:2401.12345" and yields "2401.12345"; refuses anything else. */
export const ArxivIdSchema = z
  .string()
  .transform((raw, ctx) => {
    const id = normalizeArxivId(raw);
    if (id === null) {
      ctx.addIssue({ code: 'custom', message: t('error_field_not_arxiv_id', raw.slice(0, 40)) });
      return z.NEVER;
    }
    return id;
  });

export const TagSchema = z
  .string()
  .transform(normalizeTag)
  .pipe(
    z
      .string()
      .min(1, { error: () => t('error_field_tag_empty') })
      .max(LIMITS.tag, { error: () => t('error_field_tag_too_long', LIMITS.tag) }),
  );

export const TagListSchema = z
  .array(TagSchema)
  .transform(uniqueTags)
  .pipe(z.array(z.string()).max(LIMITS.tagsPerPaper, { error: () => t('error_field_too_many_tags', LIMITS.tagsPerPaper) }));

const Text = (max: number) => z.string().trim().max(max);
const Count = z.number().int().nonnegative().max(LIMITS.count);
const HttpsUrl = z
  .string()
  .max(LIMITS.url)
  .transform((raw, ctx) => {
    const href = httpsHref(raw);
    if (href === null) {
      ctx.addIssue({ code: 'custom', message: t('error_field_not_https') });
      return z.NEVER;
    }
    return href;
  });
/** Epoch milliseconds within the years a library can hold. */
const Time = z
  .number()
  .int()
  .min(EARLIEST_TIME, { error: () => t('error_field_date_too_early') })
  .max(LATEST_TIME - 1, { error: () => t('error_field_date_too_late') });

export const OrganizationSchema = z.object({
  /** The organization's handle on Hugging Face ("TokenRhythm"), used in its URL. */
  handle: Text(LIMITS.handle).min(1),
  /** The full name when known ("Token Rhythm Lab"), else the handle. */
  name: Text(LIMITS.name).min(1),
});

export const GithubSchema = z.object({
  repo: HttpsUrl,
  stars: Count.optional(),
});

/** ISO date ("2026-09-08") or date-time; what the page or API said the paper was published on. */
const PublishedAt = z.iso
  .date()
  .or(z.iso.datetime({ offset: true }))
  .refine((text) => {
    const ms = Date.parse(text);
    return ms >= EARLIEST_TIME && ms < LATEST_TIME;
  }, { error: () => t('error_field_published_out_of_range') });

export const PaperMetadataSchema = z.object({
  id: ArxivIdSchema,
  title: Text(LIMITS.title).min(1),
  summary: Text(LIMITS.summary).default(''),
  authors: z.array(Text(LIMITS.name).min(1)).max(LIMITS.authors).default([]),
  organization: OrganizationSchema.optional(),
  publishedAt: PublishedAt.optional(),
  upvotes: Count.optional(),
  comments: Count.optional(),
  github: GithubSchema.optional(),
  thumbnailUrl: HttpsUrl.optional(),
});

export const NoteSchema = z.string().max(LIMITS.note, { error: () => t('error_field_note_too_long', LIMITS.note) });

/**
 * A paper in the library. Its links are a function of its id: whatever a file or message says they
 * are, they are made anew, so no stored link can point anywhere else.
 */
export const PaperSchema = PaperMetadataSchema.extend({
  links: z.unknown().optional(),
  tags: TagListSchema.default([]),
  note: NoteSchema.default(''),
  /** Epoch milliseconds. */
  savedAt: Time,
  updatedAt: Time,
  /**
   * The paper came through sync with its id, tags, note and dates only: its title is the arXiv id
   * until Hugging Face (or a page showing it) tells the rest.
   */
  detailsPending: z.literal(true).optional(),
}).transform((paper) => ({ ...paper, links: paperLinks(paper.id) }));

export type Organization = z.infer<typeof OrganizationSchema>;
/** Metadata as accepted at a boundary (before defaults are applied). */
export type PaperMetadataInput = z.input<typeof PaperMetadataSchema>;
export type PaperMetadata = z.output<typeof PaperMetadataSchema>;
export type Paper = z.output<typeof PaperSchema>;
