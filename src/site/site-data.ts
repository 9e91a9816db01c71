/**
 * Everything a build renders, loaded once per build (not once per page) and shared by
 * every page, feed and sitemap. The only module that talks to astro:content.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { join } from 'node:path';
import { listDir, listDirs } from '../build/files.ts';
import { localeKeys, type Locale } from '../config/locales.ts';
import { getSiteUrl, site } from '../config/site.ts';
import { getNow } from '../newsroom/now.ts';
import { toAbsoluteUrl, toStoryPath } from '../newsroom/permalinks.ts';
import { getPublishState, isVisible, type PublishState } from '../newsroom/publish.ts';
import { deriveText } from '../newsroom/traditional.ts';
import { splitBodyHtml } from './story-body.ts';
import { getTraditionalConverter } from './traditional-edition.ts';

export type StoryEntry = CollectionEntry<'stories'>;
export type PhotoEntry = CollectionEntry<'photos'>;
export type PersonEntry = CollectionEntry<'people'>;
export type SectionEntry = CollectionEntry<'sections'>;
export type NewsroomPageEntry = CollectionEntry<'pages'>;

/** One language of a story. */
export interface StoryVersion {
  id: string;
  locale: Locale;
  entry: StoryEntry;
  data: StoryEntry['data'];
  state: PublishState;
  path: string;
  url: string;
  /** The same story in the other languages that are visible in this build. */
  translations: StoryVersion[];
}

export interface SiteData {
  now: Date;
  preview: boolean;
  siteUrl: string;
  /** Visible story versions, newest first. */
  versions: StoryVersion[];
  byLocale: Record<Locale, StoryVersion[]>;
  /** Versions by "<story-id>/<locale>", for constant-time lookup from a page. */
  byKey: Map<string, StoryVersion>;
  photos: Map<string, PhotoEntry['data']>;
  people: Map<string, PersonEntry['data']>;
  sections: Map<string, SectionEntry['data']>;
  /** Newsroom pages (about, standards, …) by "<page-id>/<locale>" (src/site/newsroom-pages.ts). */
  pages: Map<string, NewsroomPageEntry>;
  /** For each photo, the languages of visible stories that show it (hero or body). */
  photoUse: Map<string, Set<Locale>>;
}

/** Photo ids a story shows: its hero, then each <Photo id> of its body in order. */
export function getPhotoIds(entry: StoryEntry): string[] {
  const body = splitBodyHtml(entry.rendered?.html ?? '').flatMap((segment) => ('photo' in segment ? [segment.photo] : []));
  return [...new Set([...(entry.data.hero ? [entry.data.hero] : []), ...body])];
}

/**
 * Every story folder with a file has entries in Astro's content store. Astro loads the store
 * into a build empty, without a word, when it cannot read it: the site would go out without its
 * stories. Drafts count too (the store holds every file; publishing rules come after).
 */
export function assertStoriesLoaded(stories: readonly { id: string }[], storiesDir: string): void {
  const loaded = new Set(stories.map((entry) => entry.id.split('/')[0]));
  const missing = listDirs(storiesDir).filter((id) => !loaded.has(id) && listDir(join(storiesDir, id)).some((name) => name.endsWith('.mdx')));
  if (missing.length === 0) return;
  throw new Error(
    `content/stories/${missing[0]}${missing.length > 1 ? ` and ${missing.length - 1} more` : ''}: not in Astro's content store, so the build would publish a site without ${missing.length > 1 ? 'them' : 'it'}. ` +
      'This is a fault in Gazette or Astro, not in the content: delete .gazette/cache and build again, and report it if it happens again.',
  );
}

let cached: Promise<SiteData> | undefined;

/** Loaded once per build; every caller shares the same promise. */
export function getSiteData(): Promise<SiteData> {
  cached ??= loadSiteData();
  return cached;
}

async function loadSiteData(): Promise<SiteData> {
  const now = getNow();
  const preview = import.meta.env.GAZETTE_PREVIEW === true;
  const siteUrl = getSiteUrl();
  const [stories, photos, people, sections, pages] = await Promise.all([
    getCollection('stories'),
    getCollection('photos'),
    getCollection('people'),
    getCollection('sections'),
    getCollection('pages'),
  ]);
  const contentDir = join(process.cwd(), 'content');
  // `=== true`: Vitest hands defines over as strings, and 'false' is truthy.
  if (import.meta.env.GAZETTE_BUILD === true) assertStoriesLoaded(stories, join(contentDir, 'stories'));
  const versions: StoryVersion[] = [];
  for (const entry of stories) {
    // Entry ids are "<story-id>/<lang>" from content/stories/<story-id>/<lang>.mdx.
    const [id, locale] = entry.id.split('/') as [string, Locale];
    if (!isVisible(entry.data, now, preview)) continue;
    const path = toStoryPath({ id, locale, published: entry.data.published }, site.timezone);
    versions.push({ id, locale, entry, data: entry.data, state: getPublishState(entry.data, now), path, url: toAbsoluteUrl(path, siteUrl), translations: [] });
  }
  versions.sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id) || a.locale.localeCompare(b.locale));
  const byId = Map.groupBy(versions, (version) => version.id);
  for (const version of versions) {
    version.translations = (byId.get(version.id) ?? []).filter((other) => other !== version);
  }
  const photoUse = new Map<string, Set<Locale>>();
  for (const version of versions) {
    for (const id of getPhotoIds(version.entry)) {
      const use = photoUse.get(id) ?? new Set<Locale>();
      use.add(version.locale);
      photoUse.set(id, use);
    }
  }
  // Names, captions, alt text and credits in the generated languages, converted once here.
  const { convert } = getTraditionalConverter(contentDir);
  const derive = <T extends object>(data: T, fields: readonly (keyof T)[]): T =>
    Object.assign({ ...data }, ...fields.flatMap((field) => (data[field] ? [{ [field]: deriveText(data[field] as Partial<Record<Locale, string>>, convert) }] : [])));
  const byLocale = Object.fromEntries(localeKeys.map((locale) => [locale, versions.filter((v) => v.locale === locale)])) as Record<Locale, StoryVersion[]>;
  return {
    now,
    preview,
    siteUrl,
    versions,
    byLocale,
    byKey: new Map(versions.map((version) => [`${version.id}/${version.locale}`, version])),
    photos: new Map(photos.map((photo) => [photo.id, derive(photo.data, ['caption', 'alt', 'credit'])])),
    people: new Map(people.map((person) => [person.id, derive(person.data, ['name', 'role'])])),
    sections: new Map(sections.map((section) => [section.id, derive(section.data, ['name'])])),
    pages: new Map(pages.map((page) => [page.id, page])),
    photoUse,
  };
}

export function getVersion(data: SiteData, id: string, locale: Locale): StoryVersion {
  const version = data.byKey.get(`${id}/${locale}`);
  if (!version) throw new Error(`no visible story ${id} in ${locale}`);
  return version;
}
