/**
 * Feed stories: the full body of each story, rendered once through Astro's container
 * (the same components as the page) and shared by the RSS and Atom feeds.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import StoryBody from '../components/StoryBody.astro';
import type { Locale } from '../config/locales.ts';
import { locales } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { t } from '../i18n/index.ts';
import { formatDateTime } from '../lib/dates.ts';
import { toFeedHtml, type FeedStory } from '../lib/feeds.ts';
import { escapeXml } from '../lib/news-sitemap.ts';
import { toAbsoluteUrl } from '../lib/permalinks.ts';
import { getDateModified } from '../lib/publish.ts';
import { getCrop } from './images.ts';
import { getSiteData, type StoryVersion } from './site-data.ts';
import { getPhotoView } from './views.ts';

/** Stories per feed: enough for a reader to catch up, small enough to fetch on a phone. */
export const FEED_SIZE = 50;

let container: Promise<AstroContainer> | undefined;
const bodies = new Map<string, Promise<string>>();

async function renderBody(version: StoryVersion): Promise<string> {
  container ??= AstroContainer.create();
  return (await container).renderToString(StoryBody, {
    props: { html: version.entry.rendered?.html ?? '' },
    locals: { gazetteLocale: version.locale },
  });
}

function correctionsHtml(version: StoryVersion): string {
  const { corrections } = version.data;
  if (corrections.length === 0) return '';
  const lang = locales[version.locale].intl;
  const items = corrections.map((c) => `<li>${escapeXml(formatDateTime(c.date, lang, site.timezone))}: ${escapeXml(c.text)}</li>`).join('\n');
  return `<aside><h2>${escapeXml(t(version.locale, 'corrections'))}</h2>\n<ul>${items}</ul></aside>`;
}

async function toFeedStory(version: StoryVersion): Promise<FeedStory> {
  const data = await getSiteData();
  const key = `${version.id}/${version.locale}`;
  if (!bodies.has(key)) bodies.set(key, renderBody(version));
  const hero = version.data.hero ? getPhotoView(data, version.data.hero, version.locale) : undefined;
  const heroCrop = hero ? await getCrop(hero.image, 'card', data.siteUrl) : undefined;
  const heroHtml = hero && heroCrop
    ? `<figure><img src="${heroCrop.url}" width="${heroCrop.width}" height="${heroCrop.height}" alt="${escapeXml(hero.alt)}"><figcaption>${escapeXml([hero.placeholderLabel, hero.caption, hero.credit].filter(Boolean).join(' '))}</figcaption></figure>`
    : '';
  const section = data.sections.get(version.data.section)?.name[version.locale];
  return {
    url: version.url,
    id: version.data.aliases[0] ? toAbsoluteUrl(version.data.aliases[0], data.siteUrl) : version.url,
    title: version.data.title,
    summary: version.data.summary,
    published: version.data.published,
    modified: getDateModified(version.data),
    authors: version.data.authors.map((id) => data.people.get(id)?.name[version.locale] ?? id),
    categories: [...(section ? [section] : []), ...version.data.tags],
    // Newlines between the parts: a reader showing the feed as text would run the hero's credit into the first line.
    html: toFeedHtml([heroHtml, await bodies.get(key)!, correctionsHtml(version)].filter(Boolean).join('\n'), version.url),
    image: heroCrop ? { url: heroCrop.url, type: 'image/jpeg', width: heroCrop.width, height: heroCrop.height } : undefined,
  };
}

/** The newest published stories of a language, ready for a feed. */
export async function getFeedStories(locale: Locale): Promise<FeedStory[]> {
  const data = await getSiteData();
  return Promise.all(data.byLocale[locale].slice(0, FEED_SIZE).map(toFeedStory));
}
