import type { Locale } from './locales.ts';

/**
 * Site settings in one place. The masthead is a neutral demo name: Gazette is a
 * tool, and a demo must never pass itself off as a real paper.
 */
export const site = {
  /** Publication name per language. */
  name: { zh: 'Gazette 示范新闻', en: 'Gazette Demo News' } satisfies Record<Locale, string>,
  /** One-line description of the publication per language. */
  tagline: {
    zh: '一个双语新闻特稿静态站点的示范',
    en: 'A demonstration of a bilingual static news-feature site',
  } satisfies Record<Locale, string>,
  /** Production URL; the SITE_URL environment variable overrides it. */
  url: 'https://gazette.example',
  /** The newsroom's timezone: datelines and permalink dates are computed in it. */
  timezone: 'Asia/Shanghai',
  /** Stories listed on a front page besides the lead. */
  frontPageSize: 20,
  /** Largest photo accepted, in pixels: 100 MP holds any newsroom camera (61 MP) with room, and decodes in ~400 MB, so a pixel bomb cannot exhaust the build machine. */
  maxPhotoPixels: 100_000_000,
} as const;

/** The site URL a build uses: SITE_URL wins so staging and production differ only by env. */
export function getSiteUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.SITE_URL?.trim() || site.url;
  const url = new URL(raw);
  return url.href.replace(/\/$/, '');
}
