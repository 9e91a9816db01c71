/**
 * Feed items and the Atom document as pure functions. Feeds carry the full story
 * (crawlers and archives read feeds, not pages), so relative URLs in the rendered body
 * are made absolute and responsive <picture> markup is reduced to its <img>, which
 * every feed reader understands.
 */
import { Feed } from 'feed';
import { escapeXml } from './news-sitemap.ts';

/** Rewrites site-relative src/href/srcset URLs to absolute ones and drops <source> elements. */
export function toFeedHtml(html: string, siteUrl: string): string {
  const absolute = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? `${siteUrl}${url}` : url);
  return html
    .replace(/<source\b[^>]*>/g, '')
    .replace(/<\/?picture>/g, '')
    .replace(/\s(src|href)="([^"]*)"/g, (_, attr: string, url: string) => ` ${attr}="${absolute(url)}"`)
    .replace(/\ssrcset="([^"]*)"/g, (_, set: string) => ` srcset="${set.split(',').map((part) => part.trim().replace(/^(\S+)/, (u) => absolute(u))).join(', ')}"`)
    .replace(/\s(loading|decoding|fetchpriority)="[^"]*"/g, '');
}

export interface FeedStory {
  url: string;
  title: string;
  summary: string;
  published: Date;
  modified: Date;
  authors: string[];
  categories: string[];
  /** Full body HTML with absolute URLs. */
  html: string;
  /** Hero image URL (absolute), for enclosures and media:content. */
  image?: { url: string; type: string; length?: number } | undefined;
}

/** Items for @astrojs/rss: full content, Dublin Core creators (RSS author wants an email). */
export function toRssItems(stories: FeedStory[]) {
  return stories.map((story) => ({
    title: story.title,
    link: story.url,
    pubDate: story.published,
    description: story.summary,
    content: story.html,
    categories: story.categories,
    customData: story.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join('') +
      (story.modified.getTime() > story.published.getTime() ? `<dc:date>${story.modified.toISOString()}</dc:date>` : ''),
  }));
}

export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute URL of the front page the feed belongs to. */
  homeUrl: string;
  /** Absolute URL of this feed. */
  feedUrl: string;
  language: string;
  /** The build's now: the feed's updated time when it has no stories. */
  now: Date;
  copyright: string;
}

/** The Atom 1.0 document for a language. `updated` is the newest modification, so two builds of the same content match. */
export function toAtomXml(meta: FeedMeta, stories: FeedStory[]): string {
  const updated = stories.length > 0 ? new Date(Math.max(...stories.map((s) => s.modified.getTime()))) : meta.now;
  const feed = new Feed({
    title: meta.title,
    description: meta.description,
    id: meta.feedUrl,
    link: meta.homeUrl,
    language: meta.language,
    updated,
    generator: 'Gazette',
    copyright: meta.copyright,
    feedLinks: { atom: meta.feedUrl },
  });
  for (const story of stories) {
    feed.addItem({
      title: story.title,
      id: story.url,
      link: story.url,
      description: story.summary,
      content: story.html,
      date: story.modified,
      published: story.published,
      author: story.authors.map((name) => ({ name })),
      category: story.categories.map((name) => ({ name })),
      ...(story.image ? { image: story.image.url } : {}),
    });
  }
  return feed.atom1();
}
