/**
 * Small adapters from the loaded site data to what components take, so that pages and
 * components hold no lookup logic of their own.
 */
import type { ImageMetadata } from 'astro';
import type { Locale } from '../config/locales.ts';
import { toPersonPath, toSectionPath, toTagPath, toTagSlug } from '../newsroom/permalinks.ts';
import { toPhotoView, type PhotoView } from '../newsroom/photos.ts';
import { pickRelated } from '../newsroom/related.ts';
import { site } from '../config/site.ts';
import type { SiteData, StoryVersion } from './site-data.ts';

export function getPersonName(data: SiteData, id: string, locale: Locale): string | undefined {
  return data.people.get(id)?.name[locale];
}

export function getPhotoView(data: SiteData, id: string, locale: Locale): PhotoView<ImageMetadata> {
  const photo = data.photos.get(id);
  if (!photo) throw new Error(`unknown photo id "${id}"`);
  return toPhotoView(photo, locale, (person, lang) => getPersonName(data, person, lang));
}

export function getAuthorLinks(data: SiteData, version: StoryVersion) {
  return version.data.authors.map((id) => ({ name: getPersonName(data, id, version.locale) ?? id, href: toPersonPath(id, version.locale) }));
}

export function getSectionLink(data: SiteData, id: string, locale: Locale) {
  const section = data.sections.get(id);
  return section ? { name: section.name[locale], href: toSectionPath(id, locale) } : undefined;
}

/** Props for a StoryCard. */
export function getCardProps(data: SiteData, version: StoryVersion) {
  const hero = version.data.hero ? getPhotoView(data, version.data.hero, version.locale) : undefined;
  return {
    locale: version.locale,
    href: version.path,
    title: version.data.title,
    summary: version.data.summary,
    published: version.data.published,
    section: getSectionLink(data, version.data.section, version.locale),
    thumbnail: hero ? { image: hero.image, alt: hero.alt, placeholderLabel: hero.placeholderLabel } : undefined,
  };
}

/** The same page in the other languages, for the language switch and hreflang. */
export function getStoryAlternates(version: StoryVersion) {
  return version.translations.map((other) => ({ locale: other.locale, href: other.path, url: other.url }));
}

/** Tag links, skipping tags that slug to nothing (punctuation only). */
export function getTagLinks(tags: string[], locale: Locale) {
  return tags.filter((tag) => toTagSlug(tag)).map((tag) => ({ name: tag, href: toTagPath(tag, locale) }));
}

/**
 * Related stories at the end of a story: headline, date and address of each. A story page's
 * cache key holds this list (page-cache-keys.ts), so a story page never keeps another story's
 * old headline, nor an old choice.
 */
export function getRelatedLinks(data: SiteData, version: StoryVersion) {
  // Asked twice a build for every story page (its cache key, then the page): remembered per version.
  let links = relatedLinks.get(version);
  if (!links) {
    links = pickRelated(version, data.byLocale[version.locale]).map((other) => ({ href: other.path, title: other.data.title, published: other.data.published }));
    relatedLinks.set(version, links);
  }
  return links;
}

const relatedLinks = new WeakMap<StoryVersion, { href: string; title: string; published: Date }[]>();

/**
 * What a front page lists: the newest story as its lead, then the next ones. The layout shows
 * these and the page's cache key holds them (page-cache-keys.ts): one choice, made in one place.
 */
export function getFrontPageStories(data: SiteData, locale: Locale): { lead: StoryVersion | undefined; latest: StoryVersion[] } {
  const [lead, ...rest] = data.byLocale[locale];
  return { lead, latest: rest.slice(0, site.frontPageSize) };
}
