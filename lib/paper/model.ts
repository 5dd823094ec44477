import { z } from '../zod-config';
import { normalizeArxivId } from './arxiv-id';
import { MAX_TAG_LENGTH, MAX_TAGS_PER_PAPER, normalizeTag, uniqueTags } from './tags';

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
      ctx.addIssue({ code: 'custom', message: `"${raw.slice(0, 40)}" is not an arXiv id (like 2401.12345)` });
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
      .min(1, 'A tag cannot be empty')
      .max(MAX_TAG_LENGTH, `A tag can be at most ${MAX_TAG_LENGTH} characters`),
  );

export const TagListSchema = z.array(TagSchema).max(MAX_TAGS_PER_PAPER).transform(uniqueTags);

const Text = (max: number) => z.string().trim().max(max);
const Count = z.number().int().nonnegative().max(1e9);
const HttpsUrl = z.url({ protocol: /^https$/ }).max(2048);

export const OrganizationSchema = z.object({
  /** The organization's handle on Hugging Face ("TokenRhythm"), used in its URL. */
  handle: Text(200).min(1),
  /** The full name when known ("Token Rhythm Lab"), else the handle. */
  name: Text(300).min(1),
});

export const GithubSchema = z.object({
  repo: HttpsUrl,
  stars: Count.optional(),
});

/** ISO date ("2026-09-08") or date-time; what the page or API said the paper was published on. */
const PublishedAt = z.iso.date().or(z.iso.datetime({ offset: true }));

export const PaperMetadataSchema = z.object({
  id: ArxivIdSchema,
  title: Text(1000).min(1),
  summary: Text(20_000).default(''),
  authors: z.array(Text(300).min(1)).max(5000).default([]),
  organization: OrganizationSchema.optional(),
  publishedAt: PublishedAt.optional(),
  upvotes: Count.optional(),
  comments: Count.optional(),
  github: GithubSchema.optional(),
  thumbnailUrl: HttpsUrl.optional(),
});

export const LinksSchema = z.object({
  huggingFace: HttpsUrl,
  arxiv: HttpsUrl,
  pdf: HttpsUrl,
});

export const MAX_NOTE_LENGTH = 100_000;

export const PaperSchema = PaperMetadataSchema.extend({
  links: LinksSchema,
  tags: TagListSchema.default([]),
  note: z.string().max(MAX_NOTE_LENGTH).default(''),
  /** Epoch milliseconds. */
  savedAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});

export type Organization = z.infer<typeof OrganizationSchema>;
/** Metadata as accepted at a boundary (before defaults are applied). */
export type PaperMetadataInput = z.input<typeof PaperMetadataSchema>;
export type PaperMetadata = z.output<typeof PaperMetadataSchema>;
export type Paper = z.output<typeof PaperSchema>;
