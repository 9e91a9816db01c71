/**
 * Feed stories: the full story, rendered once through Astro's container with the same
 * components as the page, and shared by the RSS and Atom feeds.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { ImageMetadata } from 'astro';
import { join } from 'node:path';
import Corrections from '../components/Corrections.astro';
import MainMedia from '../components/MainMedia.astro';
import StoryBody from '../components/StoryBody.astro';
import type { Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';
import type { FeedStory } from '../newsroom/feed-xml.ts';
import feedXmlSource from '../newsroom/feed-xml.ts?raw';
import { toAbsoluteUrl } from '../newsroom/permalinks.ts';
import type { PhotoView } from '../newsroom/photos.ts';
import { getDateModified } from '../newsroom/publish.ts';
import { sha256 } from '../build/hash.ts';
import { FEED_ITEMS_ENV } from '../build/unfinished-build.ts';
import { openFeedHtmlMemo, type FeedHtmlMemo } from './feed-html-memo.ts';
import { getCrop } from './images.ts';
import { getSiteData, type StoryVersion } from './site-data.ts';
import { getPhotoView } from './views.ts';

let container: Promise<AstroContainer> | undefined;
const rendered = new Map<string, Promise<string>>();

/**
 * The story as the page shows it, through the page's own components: hero (MainMedia, with
 * Caption and Credit), body (StoryBody, with its Photo figures) and corrections, each rendered
 * once per build and shared by RSS and Atom. Newlines between the parts: a reader showing the
 * feed as text would run the hero's credit into the first line.
 */
async function renderStory(version: StoryVersion, hero: PhotoView<ImageMetadata> | undefined): Promise<string> {
  container ??= AstroContainer.create();
  const astro = await container;
  const locals = { gazetteLocale: version.locale };
  const parts = await Promise.all([
    hero ? astro.renderToString(MainMedia, { props: { view: hero }, locals }) : '',
    astro.renderToString(StoryBody, { props: { html: version.entry.rendered?.html ?? '' }, locals }),
    astro.renderToString(Corrections, { props: { locale: version.locale, corrections: version.data.corrections }, locals }),
  ]);
  return parts.filter((part) => part.trim()).join('\n');
}

async function toFeedStory(version: StoryVersion, memo: FeedHtmlMemo): Promise<FeedStory> {
  const data = await getSiteData();
  const key = `${version.id}/${version.locale}`;
  const hero = version.data.hero ? getPhotoView(data, version.data.hero, version.locale) : undefined;
  if (!rendered.has(key)) rendered.set(key, renderStory(version, hero));
  const heroCrop = hero ? await getCrop(hero.image, 'card', data.siteUrl) : undefined;
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
    html: memo.get(await rendered.get(key)!, version.url),
    image: heroCrop ? { url: heroCrop.url, type: 'image/jpeg', width: heroCrop.width, height: heroCrop.height } : undefined,
  };
}

const feedStories = new Map<Locale, Promise<FeedStory[]>>();

/** A build keeps its feed items for the next (feed-html-memo.ts); `astro dev` and tests rewrite them each time. */
function openMemo(locale: Locale): FeedHtmlMemo {
  const dir = process.env[FEED_ITEMS_ENV];
  if (!dir) return openFeedHtmlMemo(undefined, '');
  return openFeedHtmlMemo(join(dir, `${locale}.json`), sha256(`${import.meta.env.GAZETTE_LOCK_HASH}\0${feedXmlSource}`, 'hex'));
}

/**
 * The newest published stories of a language, ready for a feed; made once per build and shared by
 * the RSS and Atom feeds, which would otherwise each parse and rewrite every story's HTML.
 */
export function getFeedStories(locale: Locale): Promise<FeedStory[]> {
  let stories = feedStories.get(locale);
  if (!stories) {
    stories = getSiteData().then(async (data) => {
      const memo = openMemo(locale);
      const items = await Promise.all(data.byLocale[locale].slice(0, site.feedSize).map((version) => toFeedStory(version, memo)));
      memo.save();
      return items;
    });
    feedStories.set(locale, stories);
  }
  return stories;
}
