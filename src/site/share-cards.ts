/**
 * Share cards for stories with no hero photo (src/build/share-card.ts draws them): which stories
 * get one, what it shows, where it is served, and the image a story page names as og:image and
 * in its JSON-LD. A story with a hero shares the hero's 1200x630 crop instead.
 */
import { join } from 'node:path';
import { locales, type Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { getShareCard, type ShareCardInput } from '../build/share-card.ts';
import { toAbsoluteUrl, toShareCardPath } from '../newsroom/permalinks.ts';
import { getLocaleParam } from '../newsroom/route-params.ts';
import { getSiteData, getVersion, type SiteData, type StoryVersion } from './site-data.ts';

/** `[...locale]/cards/[story].png` routes: one per visible story version with no hero. */
export async function getShareCardRoutes() {
  const data = await getSiteData();
  return data.versions
    .filter((version) => !version.data.hero)
    .map((version) => ({ params: { locale: getLocaleParam(version.locale), story: version.id }, props: { id: version.id, locale: version.locale } }));
}

export function getShareCardInput(data: SiteData, version: StoryVersion): ShareCardInput {
  const { locale, data: story } = version;
  return {
    lang: locales[locale].lang,
    headline: story.title,
    masthead: site.name[locale],
    kicker: data.sections.get(story.section)?.name[locale],
    host: new URL(data.siteUrl).host,
  };
}

/** The card of a hero-less story, as Base's `image` prop (alt: the headline it shows). */
export function getShareCardImage(data: SiteData, version: StoryVersion) {
  const { width, height } = site.shareCard;
  return { url: toAbsoluteUrl(toShareCardPath(version.id, version.locale), data.siteUrl), width, height, alt: version.data.title };
}

/**
 * The card's PNG. Cached under Astro's cacheDir (astro.config.mjs), which Astro resolves from the
 * project root, the directory every build runs in.
 */
export async function renderShareCard(id: string, locale: Locale): Promise<Buffer> {
  const data = await getSiteData();
  return getShareCard(getShareCardInput(data, getVersion(data, id, locale)), join(process.cwd(), '.gazette/cache/cards'));
}
