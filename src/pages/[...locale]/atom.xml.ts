import type { APIContext } from 'astro';
import { locales, type Locale } from '../../config/locales.ts';
import { site } from '../../config/site.ts';
import { getFeedStories } from '../../site/feeds.ts';
import { getFrontPagePaths } from '../../site/routes.ts';
import { getSiteData } from '../../site/site-data.ts';
import { toAtomXml } from '../../newsroom/feed-xml.ts';
import { toAbsoluteUrl, toFeedPath, toHomePath } from '../../newsroom/permalinks.ts';

export function getStaticPaths() {
  return getFrontPagePaths();
}

export async function GET(context: APIContext) {
  const locale = context.props.locale as Locale;
  const data = await getSiteData();
  const xml = toAtomXml(
    {
      title: site.name[locale],
      description: site.tagline[locale],
      homeUrl: toAbsoluteUrl(toHomePath(locale), data.siteUrl),
      feedUrl: toAbsoluteUrl(toFeedPath(locale, 'atom'), data.siteUrl),
      language: locales[locale].lang,
      now: data.now,
      copyright: site.name[locale],
    },
    await getFeedStories(locale),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
