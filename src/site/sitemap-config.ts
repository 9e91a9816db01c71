/**
 * Options for @astrojs/sitemap, built from locales.ts, plus robots.txt. Pure: the page
 * metadata reader is passed in (the integration reads it from the built HTML, so the
 * sitemap's lastmod is exactly the page's article:modified_time).
 */
import type { SitemapOptions } from '@astrojs/sitemap';
import { defaultLocale, localeKeys, locales } from '../config/locales.ts';
import { getXDefault } from '../newsroom/hreflang.ts';

export interface PageMeta {
  /** article:modified_time, W3C with offset. */
  modified?: string | undefined;
  /** true for pages that ask not to be indexed: redirects of old paths, error pages. */
  noindex: boolean;
}

export function getSitemapConfig(readPageMeta: (url: string) => PageMeta | undefined): NonNullable<SitemapOptions> {
  return {
    i18n: {
      defaultLocale,
      locales: Object.fromEntries(localeKeys.map((key) => [key, locales[key].lang])),
    },
    // Only the xhtml namespace (hreflang) is used; the news sitemap is its own file.
    namespaces: { news: false, image: false, video: false, xhtml: true },
    filter: (page) => !/\/404\/?$/.test(new URL(page).pathname),
    serialize(item) {
      const meta = readPageMeta(item.url);
      if (meta?.noindex) return undefined;
      const links = item.links ?? [];
      const xDefault = getXDefault(links);
      return {
        ...item,
        ...(meta?.modified ? { lastmod: meta.modified } : {}),
        ...(xDefault ? { links: [...links, { lang: 'x-default', url: xDefault }] } : {}),
      };
    },
  };
}

/** robots.txt: everything may be crawled; every sitemap is named. */
export function toRobotsTxt(siteUrl: string): string {
  return `User-agent: *
Allow: /

Sitemap: ${siteUrl}/sitemap-index.xml
Sitemap: ${siteUrl}/news-sitemap.xml
`;
}

/** Reads the metadata a sitemap needs from a page's HTML head. */
export function readPageMetaFromHtml(html: string): PageMeta {
  const head = html.slice(0, html.indexOf('</head>') + 1 || undefined);
  const modified = /<meta property="article:modified_time" content="([^"]+)"/.exec(head)?.[1];
  return { modified, noindex: /<meta name="robots" content="[^"]*noindex/.test(head) };
}
