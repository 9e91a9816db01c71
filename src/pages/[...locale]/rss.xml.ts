import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { locales, type Locale } from '../../config/locales.ts';
import { site } from '../../config/site.ts';
import { getFeedStories } from '../../site/feeds.ts';
import { getSiteData } from '../../site/site-data.ts';
import { getFrontPagePaths } from '../../site/routes.ts';
import { RSS_NAMESPACES, toRssChannelData, toRssItems } from '../../newsroom/feed-xml.ts';
import { toAbsoluteUrl, toFeedPath, toHomePath } from '../../newsroom/permalinks.ts';

export function getStaticPaths() {
  return getFrontPagePaths();
}

export async function GET(context: APIContext) {
  const locale = context.props.locale as Locale;
  const data = await getSiteData();
  return rss({
    title: site.name[locale],
    description: site.tagline[locale],
    site: toAbsoluteUrl(toHomePath(locale), data.siteUrl),
    items: toRssItems(await getFeedStories(locale)),
    xmlns: { ...RSS_NAMESPACES },
    customData: toRssChannelData(toAbsoluteUrl(toFeedPath(locale, 'rss'), data.siteUrl), locales[locale].lang),
    trailingSlash: true,
  });
}
