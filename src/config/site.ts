import type { Locale } from './locales.ts';

/**
 * The settings a newsroom tunes, in one place. The masthead is a neutral demo name: Gazette is
 * a tool, and a demo must never pass itself off as a real paper.
 */
export const site = {
  /** Publication name per language. */
  name: { zh: 'Gazette 示范新闻', 'zh-hant': 'Gazette 示範新聞', en: 'Gazette Demo News' } satisfies Record<Locale, string>,
  /** One-line description of the publication per language. */
  tagline: {
    zh: '一个双语新闻特稿静态站点的示范',
    'zh-hant': '一個雙語新聞特稿靜態網站的示範',
    en: 'A demonstration of a bilingual static news-feature site',
  } satisfies Record<Locale, string>,
  /** Production URL; the SITE_URL environment variable overrides it. */
  url: 'https://gazette.example',
  /** The newsroom's timezone: datelines and permalink dates are computed in it. */
  timezone: 'Asia/Shanghai',
  /** Stories listed on a front page besides the lead. */
  frontPageSize: 20,
  /** Stories per numbered archive page (sections, tags, people, dates); counted from the oldest, so a full page never changes. */
  archivePageSize: 20,
  /** Stories per RSS and Atom feed: enough for a reader to catch up, small enough to fetch on a phone. */
  feedSize: 50,
  /** How far back the Google News sitemap reaches, in hours (Google reads only the last two days). */
  newsWindowHours: 48,
  /** Headline length, in characters, above which the check warns: search and news results cut longer ones. */
  headlineMax: 110,
  /** Summary length, in characters, above which the check warns: feeds and search results show about this much. */
  summaryMax: 200,
  /** Narrowest hero photo accepted, in pixels: Google's article image guideline and the 1,200 px social card. */
  heroMinWidth: 1200,
  /** Related stories at the end of a story, at most. */
  relatedStories: 3,
  /** Networks a story's share section links to, per language, after email (see src/newsroom/share.ts for the ids). */
  shareNetworks: { zh: ['weibo'], 'zh-hant': ['x', 'linkedin'], en: ['x', 'linkedin'] } satisfies Record<Locale, readonly ('weibo' | 'x' | 'linkedin')[]>,
  /**
   * The card shown when a story with no hero photo is shared (og:image, JSON-LD image): the
   * masthead's colours from src/styles/global.css, and how many headline lines fit before "…".
   */
  shareCard: { width: 1200, height: 630, paper: '#fdfcf8', ink: '#1b1b1b', accent: '#9b1c1c', muted: '#595959', rule: '#d8d4c8', headlineLines: 4 },
  /**
   * OpenCC's target for the Traditional edition (zh-hant), from Simplified ('cn'): 'tw' is Taiwan's
   * standard characters without its phrase layer, which rewrote company names (经纬智能 → 經緯智慧)
   * and industry terms in their computing sense (循环 → 迴圈, 优化 → 最佳化); 'twp' adds that layer,
   * 'hk' is Hong Kong's characters (docs/decisions/012-traditional-edition.md).
   */
  traditionalVariant: 'tw' as 'tw' | 'twp' | 'hk',
  /** The editors' terms OpenCC gets wrong (simplified term: traditional form), a file in content/. */
  traditionalExceptions: 'zh-hant-exceptions.yaml',
  /** The hero thumbnail beside a search result, in pixels (3:2, small enough for a results list on a phone). */
  searchThumbnail: { width: 320, height: 213 },
  /** Largest photo accepted, in pixels: 100 MP holds any newsroom camera (61 MP) with room, and decodes in ~400 MB, so a pixel bomb cannot exhaust the build machine. */
  maxPhotoPixels: 100_000_000,
  /** Memory the search index may take at once, in MB: languages are indexed side by side while their estimate fits, and a language larger than it in runs that each fit it (decision 024). */
  searchIndexMemoryMb: 3072,
} as const;

/** The site URL a build uses: SITE_URL wins so staging and production differ only by env. */
export function getSiteUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.SITE_URL?.trim() || site.url;
  const url = new URL(raw);
  return url.href.replace(/\/$/, '');
}
