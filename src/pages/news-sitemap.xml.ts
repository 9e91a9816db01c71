import { locales } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { getSiteData } from '../site/site-data.ts';
import { selectNewsItems, toNewsSitemapXml } from '../newsroom/news-sitemap.ts';

export async function GET() {
  const data = await getSiteData();
  const items = selectNewsItems(
    data.versions.map((version) => ({ url: version.url, title: version.data.title, published: version.data.published, language: locales[version.locale].newsLanguage })),
    data.now,
  );
  const nameByLanguage = new Map<string, string>(Object.entries(locales).map(([key, locale]) => [locale.newsLanguage, site.name[key as keyof typeof locales]]));
  return new Response(toNewsSitemapXml(items, (language) => nameByLanguage.get(language) ?? site.name.zh, site.timezone), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
}
