/**
 * Google News sitemap: only stories published within the 48 hours before the build's
 * now, at most 1,000 URLs (Google's limits), newest first.
 */
import { site } from '../config/site.ts';
import { toW3C } from './dates.ts';
import { compareCodeUnits } from './order.ts';
import { escapeXml } from './xml.ts';

export const NEWS_MAX_URLS = 1000;

export interface NewsItem {
  url: string;
  title: string;
  published: Date;
  /** Google News language code: zh-cn, en. */
  language: string;
}

export function selectNewsItems(items: NewsItem[], now: Date): NewsItem[] {
  const from = now.getTime() - site.newsWindowHours * 60 * 60 * 1000;
  return items
    .filter((item) => item.published.getTime() <= now.getTime() && item.published.getTime() >= from)
    .sort((a, b) => b.published.getTime() - a.published.getTime() || compareCodeUnits(a.url, b.url))
    .slice(0, NEWS_MAX_URLS);
}

export function toNewsSitemapXml(items: NewsItem[], publicationName: (language: string) => string, timeZone: string): string {
  const urls = items.map(
    (item) => `  <url>
    <loc>${escapeXml(item.url)}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(publicationName(item.language))}</news:name>
        <news:language>${escapeXml(item.language)}</news:language>
      </news:publication>
      <news:publication_date>${toW3C(item.published, timeZone)}</news:publication_date>
      <news:title>${escapeXml(item.title)}</news:title>
    </news:news>
  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('\n')}${urls.length ? '\n' : ''}</urlset>
`;
}
