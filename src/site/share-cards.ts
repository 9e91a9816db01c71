/**
 * Share cards for stories with no hero photo (src/build/share-card.ts draws them): which stories
 * get one, what it shows, where it is served, and the image a story page names as og:image and
 * in its JSON-LD. A story with a hero shares the hero's 1200x630 crop instead.
 */
import { join } from 'node:path';
import { locales, type Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { getCardVersion, getShareCard, type ShareCardInput } from '../build/share-card.ts';
import { SHARE_CARDS } from '../build/unfinished-build.ts';
import { toAbsoluteUrl, toShareCardPath } from '../newsroom/permalinks.ts';
import { getLocaleParam } from '../newsroom/route-params.ts';
import { getSiteData, getVersion, type SiteData, type StoryVersion } from './site-data.ts';

/** One card per visible story version with no hero; a story with a hero is shared with its photo. */
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

/**
 * The card of a hero-less story, as Base's `image` prop (alt: the headline it shows). The query
 * changes with the card, so platforms that cache previews by address fetch a corrected headline.
 */
export function getShareCardImage(data: SiteData, version: StoryVersion) {
  const { width, height } = site.shareCard;
  const path = `${toShareCardPath(version.id, version.locale)}?v=${getCardVersion(getShareCardInput(data, version))}`;
  return { url: toAbsoluteUrl(path, data.siteUrl), width, height, alt: version.data.title };
}

/**
 * The card's PNG, cached beside the encoded photos in .gazette/cache (astro.config.mjs's cacheDir,
 * relative to the project root, where every build runs). A character the card's font cannot draw
 * is named in the build log with the story's file: the editor sees why the card shows a box.
 */
export async function renderShareCard(id: string, locale: Locale): Promise<Buffer> {
  const data = await getSiteData();
  const version = getVersion(data, id, locale);
  const card = await getShareCard(getShareCardInput(data, version), join(process.cwd(), '.gazette/cache', SHARE_CARDS));
  for (const text of card.missing) {
    const points = [...text].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
    console.warn(`[gazette] warning: ${version.entry.filePath ?? `${id}/${locale}`}: title: the share card's font has no glyph for "${text}" (${points}); the card shows a box there`);
  }
  return card.png;
}
