/**
 * In-memory content for unit tests of the Astro-bound layer (src/site, components, layouts),
 * the way Starlight's __tests__/test-utils.ts mocks `astro:content`: no build, no content
 * layer, no sharp. A test file registers the mocks (vi.mock is hoisted, so the factories
 * import this module themselves) and says which content the site has:
 *
 *   vi.mock('astro:content', () => import('./mock-content.ts').then((m) => m.astroContent()));
 *   vi.mock('astro:assets', () => import('./mock-content.ts').then((m) => m.astroAssets()));
 *   useContent({ stories: [story('a', 'zh', {...})], photos: [...], people: [...], sections: [...] });
 *
 * Entries go through the real schemas of src/content.config.ts, so their data is what Astro
 * would hand the site (Dates, defaults filled in, unknown fields refused), and story bodies
 * through the real body renderer, so `<Photo id>` leaves the marker the site splits on.
 * src/site loads its site data once per module instance: one content set per test file, or
 * `vi.resetModules()` and fresh dynamic imports after another `useContent`.
 */
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { vi } from 'vitest';
import { makePhotoSchema, PersonSchema, SectionSchema, StorySchema } from '../../src/content.config.ts';
import type { Locale } from '../../src/config/locales.ts';
import { sha256 } from '../../src/build/hash.ts';
import { toBodyHtml } from '../../src/site/story-body.ts';

// Only the schemas of content.config.ts are wanted here. Its loaders never run in a test file that uses this helper, and
// none is imported before it first runs (src/site/native-loaders.ts).

/** The build's now in every test unless a test says otherwise: 2025-12-22 10:00 in Beijing. */
export const TEST_NOW = '2025-12-22T10:00:00+08:00';
export const TEST_SITE_URL = 'https://news.test';

type StoryInput = z.input<typeof StorySchema>;
type PhotoInput = Omit<z.input<ReturnType<typeof makePhotoSchema>>, 'image'> & { image?: ImageMetadata };

interface Entry<C extends string, D> {
  id: string;
  collection: C;
  data: D;
  body?: string;
  rendered?: { html: string; metadata?: Record<string, unknown> };
  /** As the stories loader sets it: a hash of the source the HTML was made from. */
  digest?: string;
  filePath?: string;
}

export type StoryFixture = Entry<'stories', z.output<typeof StorySchema>>;
export type PhotoFixture = Entry<'photos', z.output<ReturnType<typeof makePhotoSchema<z.ZodType<ImageMetadata>>>>>;
export type PersonFixture = Entry<'people', z.output<typeof PersonSchema>>;
export type SectionFixture = Entry<'sections', z.output<typeof SectionSchema>>;

export interface ContentFixtures {
  stories?: StoryFixture[];
  photos?: PhotoFixture[];
  people?: PersonFixture[];
  sections?: SectionFixture[];
}

/** An image as `image()` in a schema hands it over; nothing reads the file. */
export function image(name: string, width = 3000, height = 2000): ImageMetadata {
  return { src: `/content/${name}.jpg`, width, height, format: 'jpg' };
}

/**
 * One language version of a story. `body` is MDX as an editor writes it; frontmatter fields
 * are written as in the file (times as ISO strings with offset) and default to a valid story.
 */
export function story(id: string, locale: Locale, fields: Partial<StoryInput> & { body?: string } = {}): StoryFixture {
  const { body = `${locale === 'zh' ? '正文' : 'Body text'} of ${id}.`, ...frontmatter } = fields;
  const data = StorySchema.parse({
    title: `${locale === 'zh' ? '标题' : 'Headline'} ${id}`,
    summary: `${locale === 'zh' ? '摘要' : 'Summary'} ${id}`,
    published: '2025-12-20T08:00:00+08:00',
    authors: ['cao-wei'],
    section: 'economy',
    ...frontmatter,
  });
  return { id: `${id}/${locale}`, collection: 'stories', data, body, rendered: { html: toBodyHtml(body) }, digest: sha256(body, 'hex'), filePath: `content/stories/${id}/${locale}.mdx` };
}

const PhotoSchema = makePhotoSchema(() => z.custom<ImageMetadata>((value) => typeof value === 'object' && value !== null && 'src' in value));

export function photo(id: string, fields: Partial<PhotoInput> = {}): PhotoFixture {
  const withCredit = fields.photographer || fields.credit ? {} : { photographer: 'cao-wei' };
  const data = PhotoSchema.parse({
    image: image(id),
    caption: { zh: `图片说明 ${id}`, en: `Caption of ${id}` },
    alt: { zh: `替代文字 ${id}`, en: `Alt text of ${id}` },
    ...withCredit,
    ...fields,
  });
  return { id, collection: 'photos', data };
}

export function person(id: string, name: { zh: string; en: string }, role?: { zh?: string; en?: string }): PersonFixture {
  return { id, collection: 'people', data: PersonSchema.parse({ name, ...(role ? { role } : {}) }) };
}

export function section(id: string, name: { zh: string; en: string }): SectionFixture {
  return { id, collection: 'sections', data: SectionSchema.parse({ name }) };
}

/** A small newsroom most tests can start from. */
export const staff = {
  people: [person('cao-wei', { zh: '曹伟', en: 'Cao Wei' }), person('cheng-jing', { zh: '程婧', en: 'Cheng Jing' })],
  sections: [section('economy', { zh: '经济', en: 'Economy' })],
};

/**
 * Shared across module instances (vi.resetModules reloads this file too): the content the
 * mocked `astro:content` serves.
 */
const STORE = Symbol.for('gazette.test.content');
type Store = Required<ContentFixtures>;
const store = (): Store => ((globalThis as Record<symbol, unknown>)[STORE] ??= { stories: [], photos: [], people: [], sections: [] }) as Store;

/**
 * The site's content and clock for this test file: production mode (no drafts), now pinned
 * through GAZETTE_NOW as a build would have it, a fixed site URL.
 */
export function useContent(content: ContentFixtures, options: { now?: string } = {}): void {
  Object.assign(store(), { stories: [], photos: [], people: [], sections: [] }, content);
  vi.stubEnv('GAZETTE_NOW', options.now ?? TEST_NOW);
  vi.stubEnv('SITE_URL', TEST_SITE_URL);
  // Under Vitest `import.meta.env` reads process.env, so the integration's define would arrive
  // as the string "true"; a build sees a boolean, and production is false.
  vi.stubEnv('GAZETTE_PREVIEW', 'false');
}

/** The mocked `astro:content`: getCollection (with its filter) and getEntry over the store. */
export function astroContent() {
  const getCollection = async (collection: keyof Store, filter?: (entry: never) => unknown) => {
    const entries = store()[collection] ?? [];
    return filter ? entries.filter((entry) => filter(entry as never)) : [...entries];
  };
  const getEntry = async (collectionOrRef: keyof Store | { collection: keyof Store; id: string }, maybeId?: string) => {
    const [collection, id] = typeof collectionOrRef === 'string' ? [collectionOrRef, maybeId] : [collectionOrRef.collection, collectionOrRef.id];
    return (store()[collection] as Entry<string, unknown>[]).find((entry) => entry.id === id);
  };
  return { getCollection, getEntry };
}

/** Every getImage call the site made, for tests that count encodings. */
export const imageCalls: { src: string; width?: number | undefined; height?: number | undefined; widths?: number[] | undefined; format?: string | undefined; jpegEncoder?: string | undefined }[] = ((
  globalThis as Record<symbol, unknown>
)[Symbol.for('gazette.test.imageCalls')] ??= []) as never;

/**
 * The mocked `astro:assets`: getImage answers with the URL and srcset Astro would write,
 * shaped like Astro's (/_astro/<name>_<w>x<h>.<format>), without encoding anything.
 */
export function astroAssets() {
  const getImage = async (options: { src: ImageMetadata; width?: number; height?: number; widths?: number[]; format?: string; jpegEncoder?: string }) => {
    imageCalls.push({ src: options.src.src, width: options.width, height: options.height, widths: options.widths, format: options.format, jpegEncoder: options.jpegEncoder });
    const name = options.src.src.replace(/^.*\//, '').replace(/\.\w+$/, '');
    const format = options.format ?? 'webp';
    const at = (width: number, height = Math.round((width * options.src.height) / options.src.width)) => `/_astro/${name}_${width}x${height}.${format}`;
    const src = at(options.width ?? options.widths?.at(-1) ?? options.src.width, options.height);
    const srcSet = (options.widths ?? []).map((width) => ({ url: at(width), descriptor: `${width}w` }));
    return {
      src,
      attributes: { width: options.width, height: options.height },
      options,
      srcSet: { values: srcSet, attribute: srcSet.map((candidate) => `${candidate.url} ${candidate.descriptor}`).join(', ') },
    };
  };
  return { getImage };
}
