import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { locales, type Locale } from '../../config/locales.ts';
import { site } from '../../config/site.ts';
import { getFeedStories } from '../../data/feeds.ts';
import { getSiteData } from '../../data/site-data.ts';
import { getFrontPagePaths } from '../../data/routes.ts';
import { toRssItems } from '../../lib/feeds.ts';
import { toAbsoluteUrl, toHomePath } from '../../lib/permalinks.ts';

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
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', content: 'http://purl.org/rss/1.0/modules/content/' },
    customData: `<language>${locales[locale].lang}</language>`,
    trailingSlash: true,
  });
}
