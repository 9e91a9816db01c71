/**
 * Permanent URLs. Newsroom rule: a story lives at /<yyyy>/<mm>/<dd>/<story-id>/ (Chinese,
 * at the root) and /en/<yyyy>/<mm>/<dd>/<story-id>/, the date being `published` in the
 * newsroom timezone, never UTC. Cutting a permalink back leads to its archive.
 */
import { getLocalePrefix, localeKeys, type Locale } from '../config/locales.ts';
import { getZonedParts } from './dates.ts';

/** Every id (story folder, photo, person, section file name) is a slug: it becomes part of a URL. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface PermalinkInput {
  id: string;
  locale: Locale;
  published: Date;
}

/** Site-relative path of a story, with leading and trailing slash. */
export function toStoryPath({ id, locale, published }: PermalinkInput, timeZone: string): string {
  const { year, month, day } = getZonedParts(published, timeZone);
  return `${getLocalePrefix(locale)}/${year}/${month}/${day}/${id}/`;
}

/**
 * What a path already is, when an alias may not take it: a page or folder Gazette builds
 * itself (front pages, search, people, sections, tags, date archives, assets). Undefined when
 * the path is free. A clash would otherwise be dropped from the build with a log line only.
 */
export function getAliasClash(path: string): string | undefined {
  if (path.startsWith('/_astro/') || path.startsWith('/pagefind/')) return 'a folder of built assets';
  // Feeds, sitemaps, robots.txt and public/ files: their routes win over a redirect page.
  if (/\.(xml|txt|json|html|png|jpe?g|svg|ico|webp|avif|css|js)\/$/i.test(path)) return "a file's address";
  for (const locale of localeKeys) {
    const home = toHomePath(locale);
    if (path === home) return 'a front page';
    if (!path.startsWith(home)) continue;
    const rest = path.slice(home.length);
    const kind = /^(search|people|sections|tags)\//.exec(rest)?.[1];
    if (kind) return kind === 'search' ? 'the search page' : `under /${kind}/, whose pages Gazette builds`;
    if (/^\d{4}\/(\d{2}\/(\d{2}\/)?)?(page\/\d+\/)?$/.test(rest)) return 'a date archive';
    if ([...NEWSROOM_PAGE_IDS, 'corrections'].some((id) => rest === `${id}/`)) return 'a newsroom page';
  }
  return undefined;
}

/** Site-relative path of a front page. */
export function toHomePath(locale: Locale): string {
  return `${getLocalePrefix(locale)}/`;
}

/** Absolute URL from a site-relative path. */
export function toAbsoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, `${siteUrl}/`).href;
}

/** A person's archive: /people/<id>/ and /en/people/<id>/. */
export function toPersonPath(id: string, locale: Locale): string {
  return `${getLocalePrefix(locale)}/people/${id}/`;
}

/** A section's archive: /sections/<id>/ and /en/sections/<id>/. */
export function toSectionPath(id: string, locale: Locale): string {
  return `${getLocalePrefix(locale)}/sections/${id}/`;
}

/** Feeds per language: /rss.xml, /atom.xml, /en/rss.xml, /en/atom.xml. */
export function toFeedPath(locale: Locale, kind: 'rss' | 'atom'): string {
  return `${getLocalePrefix(locale)}/${kind}.xml`;
}

/** A tag's archive. Tags are free text in the story's language; the slug keeps CJK as is. */
// A site has a few hundred distinct tags, each slugged thousands of times a build (archives,
// related stories, cache keys): remembered.
const tagSlugs = new Map<string, string>();

export function toTagSlug(tag: string): string {
  let slug = tagSlugs.get(tag);
  if (slug === undefined) {
    slug = tag
      .normalize('NFKC')
      .trim()
      .toLowerCase()
      .replace(/[\s_/\\?#%&+.,;:'"“”‘’()（）[\]{}<>|!！？，。、：；]+/g, '-')
      .replace(/^-+|-+$/g, '');
    tagSlugs.set(tag, slug);
  }
  return slug;
}

export function toTagPath(tag: string, locale: Locale): string {
  return `${getLocalePrefix(locale)}/tags/${toTagSlug(tag)}/`;
}

/** Date archives: /2025/, /2025/12/, /2025/12/22/, so cutting a permalink back never 404s. */
export function toDatePath(locale: Locale, year: string, month?: string, day?: string): string {
  return `${getLocalePrefix(locale)}/${[year, month, day].filter(Boolean).join('/')}/`;
}

/** Numbered page n of a paginated archive (see paginate.ts: page 1 holds the oldest stories). */
export function toPagePath(basePath: string, page: number): string {
  return `${basePath}page/${page}/`;
}

/** The search page of a language: /search/, /en/search/. */
export function toSearchPath(locale: Locale): string {
  return `${getLocalePrefix(locale)}/search/`;
}

/**
 * The newsroom's own pages (content/pages/<page-id>/), each at /<page-id>/ and /en/<page-id>/:
 * who runs the site, its standards, how it corrects and how to reach it. A fixed list, because
 * the publisher's structured data names each one for what it is.
 */
export const NEWSROOM_PAGE_IDS = ['about', 'standards', 'corrections-policy', 'contact'] as const;
export type NewsroomPageId = (typeof NEWSROOM_PAGE_IDS)[number];

export function toNewsroomPagePath(id: NewsroomPageId, locale: Locale): string {
  return `${getLocalePrefix(locale)}/${id}/`;
}

/**
 * The share card of a story with no hero photo: /cards/<id>.png, /en/cards/<id>.png. One address
 * per story and language, so a corrected headline replaces the card where platforms look for it.
 */
export function toShareCardPath(id: string, locale: Locale): string {
  return `${getLocalePrefix(locale)}/cards/${id}.png`;
}

/** Every correction of the site's stories, newest first: /corrections/, /en/corrections/. */
export function toCorrectionsPath(locale: Locale): string {
  return `${getLocalePrefix(locale)}/corrections/`;
}

/** The same page in the other languages where it exists, for the language switch and hreflang. */
export function toPageAlternates(locale: Locale, pathIn: (locale: Locale) => string, siteUrl: string, existsIn: readonly Locale[] = localeKeys) {
  return existsIn
    .filter((other) => other !== locale)
    .map((other) => ({ locale: other, href: pathIn(other), url: toAbsoluteUrl(pathIn(other), siteUrl) }));
}
