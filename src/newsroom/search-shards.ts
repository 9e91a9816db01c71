/**
 * The search index is built in shards, one Pagefind bundle per language, each by its own Pagefind
 * process, so an edit re-indexes only the languages whose pages changed and Pagefind never holds
 * more than one language (docs/decisions/016-search-shards.md; shards by year were tried and
 * rejected: merged in the browser, each year is ranked on its own scale). The search page and the
 * index step both derive the bundles from story paths with these functions, so they cannot disagree.
 */
import { getLocalePrefix, localeKeys, type Locale } from '../config/locales.ts';

/** Site path of a language's Pagefind bundle, with trailing slash. */
export function toSearchBundlePath(locale: Locale): string {
  return `/pagefind/${locale}/`;
}

/** The language whose bundle indexes a story page, from its site path (/2025/12/22/id/, /en/2025/…); undefined for any other path. */
export function toSearchLocale(path: string): Locale | undefined {
  return storyPaths.find(([, pattern]) => pattern.test(path))?.[0];
}

// Made once: the index step asks this of every page of the built site.
const storyPaths = localeKeys.map((locale) => [locale, new RegExp(`^${getLocalePrefix(locale)}/\\d{4}/\\d{2}/\\d{2}/[^/]+/$`)] as const);

/**
 * The bundle one language's search page loads, from the story paths of the site; undefined when
 * the language has no story yet, so the page says so instead of loading an empty index. One
 * language a bundle: Pagefind answers a search with another language's index when a bundle lacks
 * the page's own.
 */
export function getSearchBundle(paths: readonly string[], locale: Locale): string | undefined {
  return paths.some((path) => toSearchLocale(path) === locale) ? toSearchBundlePath(locale) : undefined;
}
