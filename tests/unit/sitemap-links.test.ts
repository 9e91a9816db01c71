/**
 * @astrojs/sitemap's hreflang links, as patched (decision 028): gathered in one pass, sorted with
 * one collator. The reference below is the package's own code before the patch, one pass over
 * every URL per path: both must give the same entries, in the same order.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageDir } from '../../src/build/packages.ts';
import { defaultLocale, localeKeys, locales } from '../../src/config/locales.ts';

// Not exported by the package: loaded from its files, as its integration loads them.
const dist = join(packageDir('@astrojs/sitemap'), 'dist');
type Entry = { url: string; links?: { url: string; lang: string }[] };
const { generateSitemap } = (await import(pathToFileURL(join(dist, 'generate-sitemap.js')).href)) as { generateSitemap: (pages: string[], site: string, opts: object) => Entry[] };
const { parseI18nUrl } = (await import(pathToFileURL(join(dist, 'utils/parse-i18n-url.js')).href)) as {
  parseI18nUrl: (url: string, defaultLocale: string, locales: Record<string, string>, site: string) => { locale: string; path: string } | undefined;
};

const site = 'https://news.example.org';
const i18n = { defaultLocale, locales: Object.fromEntries(localeKeys.map((key) => [key, locales[key].lang])) };

function reference(pages: string[]) {
  const urls = [...pages].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const parsed = urls.map((url) => parseI18nUrl(url, i18n.defaultLocale, i18n.locales, site));
  return urls.map((url, index) => {
    const own = parsed[index];
    const links = own ? urls.flatMap((other, i) => (parsed[i]?.path === own.path ? [{ url: other, lang: i18n.locales[parsed[i]!.locale] }] : [])) : [];
    return { url, links: links.length > 1 ? links : undefined, lastmod: undefined, priority: undefined, changefreq: undefined };
  });
}

/** Every language's prefix for a few paths; some stories not translated, archive pages numbered past 9. */
const pages = localeKeys.flatMap((key) => {
  const prefix = locales[key].prefix ? `/${locales[key].prefix}` : '';
  const paths = ['/', '/2025/12/22/story-a/', '/sections/economy/', ...Array.from({ length: 12 }, (_, n) => `/sections/economy/page/${n + 2}/`)];
  if (key !== 'en') paths.push('/2025/12/20/untranslated/');
  return paths.map((path) => `${site}${prefix}${path}`);
});

describe('the sitemap’s language links (patched @astrojs/sitemap)', () => {
  it('are what the package computed before the patch, URL for URL, in the same order', () => {
    const shuffled = [...pages].reverse();
    expect(generateSitemap(shuffled, site, { i18n })).toEqual(reference(shuffled));
  });

  it('link each edition of a page to every edition, and an untranslated story to its Traditional edition only', () => {
    const entries = new Map(generateSitemap(pages, site, { i18n }).map((entry) => [entry.url, entry.links?.map((link) => link.lang)]));
    expect(entries.get(`${site}/en/2025/12/22/story-a/`)).toEqual(['zh-Hans', 'en', 'zh-Hant']);
    expect(entries.get(`${site}/2025/12/20/untranslated/`)).toEqual(['zh-Hans', 'zh-Hant']);
    const order = generateSitemap(pages, site, { i18n }).map((entry) => entry.url);
    expect(order.indexOf(`${site}/sections/economy/page/2/`)).toBeLessThan(order.indexOf(`${site}/sections/economy/page/10/`));
  });
});
