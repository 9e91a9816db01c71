/**
 * The search index is built in shards, one per language and year of publication, so an edit
 * re-indexes one shard and Pagefind's memory is bounded by one language's year of stories, not
 * by the archive (docs/decisions/016-search-shards.md). The search page and the index step both
 * derive the shards from story paths with these functions, so they cannot disagree.
 */
import { getLocalePrefix, localeKeys, type Locale } from '../config/locales.ts';

export interface SearchShard {
  locale: Locale;
  /** Year of the permalink (the newsroom's calendar, like the path itself). */
  year: string;
}

/** Site path of a shard's Pagefind bundle, with trailing slash. */
export function toShardPath({ locale, year }: SearchShard): string {
  return `/pagefind/${locale}/${year}/`;
}

/** The shard a story page belongs to, from its site path (/2025/12/22/id/, /en/2025/…); undefined for any other path. */
export function toSearchShard(path: string): SearchShard | undefined {
  for (const locale of localeKeys) {
    const match = new RegExp(`^${getLocalePrefix(locale)}/(\\d{4})/\\d{2}/\\d{2}/[^/]+/$`).exec(path);
    if (match) return { locale, year: match[1]! };
  }
  return undefined;
}

export interface SearchBundles {
  /** The newest year's bundle: Pagefind loads its code and WebAssembly from it. */
  bundlePath: string;
  /** The older years, merged into the search in the browser (Pagefind's mergeIndex). */
  mergeIndex: string[];
}

/**
 * What one language's search page loads, from the story paths of that language: newest year
 * first. Undefined when the language has no story yet. Each shard holds one language only:
 * Pagefind falls back to another language's index when a bundle lacks the page's.
 */
export function getSearchBundles(paths: readonly string[], locale: Locale): SearchBundles | undefined {
  const years = [...new Set(paths.map(toSearchShard).filter((shard) => shard?.locale === locale).map((shard) => shard!.year))].sort().reverse();
  if (years.length === 0) return undefined;
  const [newest, ...older] = years.map((year) => toShardPath({ locale, year }));
  return { bundlePath: newest!, mergeIndex: older };
}
