/**
 * The editors' contract, as schemas. Every field has a one-line comment because
 * editors read this file. The same schemas serve Astro's content layer and
 * `npm run check` / `npm run build` validation (src/check/validate.ts), so the two can
 * never disagree. Cross-entry rules (references, languages, photo files) live in the
 * validator, because Astro 7 only logs an invalid reference() and still exits 0.
 */
import { z } from 'astro/zod';
import { authoredLocales, localeKeys, type Locale } from './config/locales.ts';
import { OFFSET_DATETIME } from './newsroom/dates.ts';
import { SLUG } from './newsroom/permalinks.ts';
import { getImagePathProblem } from './newsroom/photos.ts';
// Astro's defineCollection() and glob(), and the stories loader, as Node loads them (decision 032).
import { defineCollection, glob, nativeStoryLoader } from './site/native-loaders.ts';

/** A lowercase slug: letters, digits and single hyphens. Used for every id. */
export const IdSchema = z
  .string()
  .regex(SLUG, 'expected a lowercase slug id such as "cao-wei"');

const text = z.string().trim().min(1, 'expected non-empty text');

/**
 * Text per language, e.g. { zh: 玻璃器皿, en: Glassware }; which languages are required depends on use.
 * A generated language (zh-hant) is converted from its source unless given here by hand.
 */
export const LocalizedTextSchema = z
  .object(Object.fromEntries(localeKeys.map((key) => [key, text.optional()])) as Record<Locale, z.ZodOptional<typeof text>>)
  .strict();

/** Text in every language editors write, for names that appear on every page; a generated language is optional, as above. */
export const FullyLocalizedTextSchema = z
  .object(Object.fromEntries(localeKeys.map((key) => [key, authoredLocales.includes(key) ? text : text.optional()])) as Record<Locale, typeof text>)
  .strict();

/**
 * An instant with its offset. Timezone trap: unquoted YAML timestamps reach Astro as
 * Date objects that have already lost their offset, so the validator (which reads the
 * raw text) is where a missing offset is caught; a Date is accepted here for that reason.
 */
export const InstantSchema = z
  .preprocess(
    (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value),
    z.string().regex(OFFSET_DATETIME, 'expected an ISO 8601 date-time with offset, e.g. 2025-12-20T08:00:00+08:00'),
  )
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), 'expected a real date, e.g. 2025-12-20T08:00:00+08:00');

/** A correction appended to a published story. */
export const CorrectionSchema = z.object({
  /** When the correction was made, ISO 8601 with offset. */
  date: InstantSchema,
  /** What was wrong and what is right, in the story's language. */
  text,
}).strict();

/** Frontmatter of content/stories/<story-id>/<lang>.mdx. */
export const StorySchema = z.object({
  /** Headline. Keep it under 110 characters for search and news sitemaps. */
  title: text,
  /** Subtitle (副题) under the headline. */
  subtitle: text.optional(),
  /** One- or two-sentence summary for front pages, feeds and search results. */
  summary: text,
  /** First publication, ISO 8601 with offset: 2025-12-20T08:00:00+08:00. Sets the permalink date. */
  published: InstantSchema,
  /** Last substantive update, ISO 8601 with offset. */
  updated: InstantSchema.optional(),
  /** Reporters, as person ids from content/people/. */
  authors: z.array(IdSchema).min(1, 'expected at least one person id'),
  /** Section id from content/sections/. */
  section: IdSchema,
  /** Free-text tags in the story's language. */
  tags: z.array(text).default([]),
  /** Photo id shown at the top of the story and on front pages. */
  hero: IdSchema.optional(),
  /** true keeps the story out of every production output; npm run dev shows it with a banner. */
  draft: z.boolean().default(false),
  /** Corrections, oldest first: each is shown on the story and updates dateModified. */
  corrections: z.array(CorrectionSchema).default([]),
  /** Old paths of this story (after a rename or re-date), oldest first: each gets a redirect page, and the first stays its feed id. */
  aliases: z.array(z.string().regex(/^\/.*\/$/, 'expected a site path such as /2025/12/20/old-id/')).default([]),
}).strict();

/** The `image` of a photo entry as written: a relative path that stays in the story's photos/ folder. */
export const ImagePathSchema = z
  .string()
  .min(1, 'expected a relative path such as ./photo-id.jpg')
  .superRefine((path, ctx) => {
    const problem = path ? getImagePathProblem(path) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * Astro's image() behind the path rule, so a path that leaves the photos/ folder never reaches
 * Astro's resolver (which would copy the file into dist/) even in a build that skipped the check.
 */
export const containedImage = <I extends z.ZodType>(image: () => I) => (): I =>
  ImagePathSchema.pipe(image() as unknown as z.ZodType<unknown, string>) as unknown as I;

/** A photo entry, content/stories/<story-id>/photos/<photo-id>.yaml. Photo ids are unique site-wide. */
export const makePhotoSchema = <I extends z.ZodType>(image: () => I) =>
  z.object({
    /** The image file, relative to this entry and in the same photos/ folder: ./<photo-id>.jpg (jpg, png or webp). */
    image: image(),
    /** Caption per language; required in each language of a story that shows the photo. */
    caption: LocalizedTextSchema,
    /** Alt text per language, describing the picture for screen readers; required like the caption. */
    alt: LocalizedTextSchema,
    /** Staff photographer, a person id: rendered "记者 曹伟 摄" / "Photo: Cao Wei". */
    photographer: IdSchema.optional(),
    /** Free-text credit per language for agency or handout pictures, instead of a photographer. */
    credit: LocalizedTextSchema.optional(),
    /** true when the image stands in for a photo that is not available; it is labelled on the page. */
    placeholder: z.boolean().default(false),
  })
    .strict()
    .refine((photo) => Boolean(photo.photographer) !== Boolean(photo.credit), {
      message: 'expected either photographer (a person id) or credit ({zh, en} text), not both and not neither',
      path: ['photographer'],
    });

/** A person, content/people/<person-id>.yaml: reporters and photographers. */
export const PersonSchema = z.object({
  /** Name in every language. */
  name: FullyLocalizedTextSchema,
  /** Job title per language, e.g. { zh: 记者, en: Reporter }. */
  role: LocalizedTextSchema.optional(),
}).strict();

/** A section, content/sections/<section-id>.yaml. */
export const SectionSchema = z.object({
  /** Section name in every language. */
  name: FullyLocalizedTextSchema,
}).strict();

/**
 * Frontmatter of a newsroom page, content/pages/<page-id>/<lang>.mdx (page ids: about,
 * standards, corrections-policy, contact). Its body follows a story body's rules, photos aside.
 */
export const NewsroomPageSchema = z.object({
  /** The page's heading and title, e.g. 关于我们 / About us. */
  title: text,
  /** One sentence on what the page says: its description for search results and link previews. */
  summary: text,
}).strict();

const contentDir = './content';

export const collections = {
  stories: defineCollection({
    // Entry ids are "<story-id>/<lang>"; each body is rendered to HTML once, not compiled to a module.
    loader: nativeStoryLoader({ base: `${contentDir}/stories`, locales: localeKeys, name: 'gazette-stories' }),
    schema: StorySchema,
  }),
  pages: defineCollection({
    // Entry ids are "<page-id>/<lang>"; the same loader and body renderer as the stories.
    loader: nativeStoryLoader({ base: `${contentDir}/pages`, locales: localeKeys, name: 'gazette-pages' }),
    schema: NewsroomPageSchema,
  }),
  photos: defineCollection({
    // Photo ids are the file names: unique site-wide, so any story may show any photo.
    loader: glob({
      base: `${contentDir}/stories`,
      pattern: '*/photos/*.yaml',
      generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.yaml$/, ''),
    }),
    schema: ({ image }) => makePhotoSchema(containedImage(image)),
  }),
  people: defineCollection({
    loader: glob({ base: `${contentDir}/people`, pattern: '*.yaml' }),
    schema: PersonSchema,
  }),
  sections: defineCollection({
    loader: glob({ base: `${contentDir}/sections`, pattern: '*.yaml' }),
    schema: SectionSchema,
  }),
};
