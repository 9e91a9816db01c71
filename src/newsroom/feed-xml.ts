/**
 * Feed items and the Atom document as pure functions. Feeds carry the full story
 * (crawlers and archives read feeds, not pages), so every URL in the rendered body is made
 * absolute and responsive <picture> markup is reduced to its <img>, which every feed reader
 * understands. The Atom document is written here rather than by the `feed` package, which
 * (5.2 and 6.0 alike) wrote category labels with a raw `&` or `<`, categories without the
 * `term` RFC 4287 requires, no `xml:lang`, and `image/jpg` enclosures (decision 009).
 */
import type { RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { escapeXml } from './xml.ts';

/** Attributes the browser loads, and those that only make sense on the site's own pages. */
const URL_PROPERTIES = ['src', 'href'] as const;
const PAGE_ONLY_PROPERTIES = ['loading', 'decoding', 'fetchPriority'];

/**
 * Resolves every src/href/srcset URL against the story's own URL, unwraps <picture> to its <img>
 * and drops page-only attributes. Works on the parsed HTML, not on its text: attribute values
 * arrive entity-encoded (`&#x26;` for `&`), and text that merely looks like an attribute (a
 * code sample) must stay as written. A body link such as "../other/" or "#notes" means the
 * story's page; in a feed it would otherwise be read relative to /atom.xml.
 */
export function toFeedHtml(html: string, pageUrl: string): string {
  const absolute = (url: string) => {
    try {
      return new URL(url, pageUrl).href;
    } catch {
      return url;
    }
  };
  // <picture> and <source> hold only elements, so what rewrite returns fits any parent.
  const rewrite = <T extends RootContent>(nodes: T[]): T[] =>
    nodes.flatMap((node): T[] => {
      if (node.type !== 'element') return [node];
      if (node.tagName === 'source') return [];
      const children = rewrite(node.children);
      if (node.tagName === 'picture') return children as T[];
      const properties = { ...node.properties };
      for (const name of URL_PROPERTIES) {
        const url = properties[name];
        if (typeof url === 'string') properties[name] = absolute(url);
      }
      // hast keeps srcset as written: "url 360w, url 720w".
      const srcSet = properties.srcSet;
      if (typeof srcSet === 'string') properties.srcSet = srcSet.split(/,\s+/).map((candidate) => candidate.trim().replace(/^\S+/, (url) => absolute(url))).join(', ');
      for (const name of PAGE_ONLY_PROPERTIES) delete properties[name];
      return [{ ...node, properties, children } as T];
    });
  const tree = fromHtml(html, { fragment: true });
  return toHtml({ ...tree, children: rewrite(tree.children) });
}

export interface FeedStory {
  /** The story's page, absolute. */
  url: string;
  /**
   * The entry's permanent id: the story's first URL. A renamed or re-dated story lists its old
   * paths in `aliases`, oldest first, so its id stays the one feed readers already have.
   */
  id: string;
  title: string;
  summary: string;
  published: Date;
  modified: Date;
  authors: string[];
  categories: string[];
  /** Full body HTML with absolute URLs. */
  html: string;
  /** Hero image (absolute URL), for Atom enclosures and RSS media:content. */
  image?: { url: string; type: string; width: number; height: number } | undefined;
}

/** Namespaces the RSS items' custom elements use. */
export const RSS_NAMESPACES = {
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  atom: 'http://www.w3.org/2005/Atom',
  media: 'http://search.yahoo.com/mrss/',
};

/** The RSS channel's own elements: its language, and the self link feed validators ask for. */
export function toRssChannelData(feedUrl: string, language: string): string {
  return `<language>${escapeXml(language)}</language><atom:link href="${escapeXml(feedUrl)}" rel="self" type="application/rss+xml"/>`;
}

/** Items for @astrojs/rss: full content, Dublin Core creators (RSS author wants an email), the hero as media:content. */
export function toRssItems(stories: FeedStory[]) {
  return stories.map((story) => ({
    title: story.title,
    link: story.url,
    pubDate: story.published,
    description: story.summary,
    content: story.html,
    categories: story.categories,
    customData:
      // @astrojs/rss writes the link as the guid; an entry's first URL replaces it once it has moved.
      (story.id === story.url ? '' : `<guid isPermaLink="false">${escapeXml(story.id)}</guid>`) +
      story.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join('') +
      (story.modified.getTime() > story.published.getTime() ? `<dc:date>${story.modified.toISOString()}</dc:date>` : '') +
      (story.image
        ? `<media:content url="${escapeXml(story.image.url)}" type="${escapeXml(story.image.type)}" medium="image" width="${story.image.width}" height="${story.image.height}"/>`
        : ''),
  }));
}

export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute URL of the front page the feed belongs to. */
  homeUrl: string;
  /** Absolute URL of this feed. */
  feedUrl: string;
  /** BCP 47 tag of the feed's language. */
  language: string;
  /** The build's now: the feed's updated time when it has no stories. */
  now: Date;
  copyright: string;
}

/** The Atom 1.0 document for a language. `updated` is the newest modification, so two builds of the same content match. */
export function toAtomXml(meta: FeedMeta, stories: FeedStory[]): string {
  const updated = stories.length > 0 ? new Date(Math.max(...stories.map((s) => s.modified.getTime()))) : meta.now;
  const text = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  const entries = stories.map((story) =>
    [
      '  <entry>',
      `    ${text('id', story.id)}`,
      // Plain text, escaped: the title and summary are not HTML, and a reader must show "A&B" as typed.
      `    ${text('title', story.title)}`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(story.url)}"/>`,
      ...(story.image ? [`    <link rel="enclosure" type="${escapeXml(story.image.type)}" href="${escapeXml(story.image.url)}"/>`] : []),
      `    ${text('published', story.published.toISOString())}`,
      `    ${text('updated', story.modified.toISOString())}`,
      ...story.authors.map((name) => `    <author>${text('name', name)}</author>`),
      ...story.categories.map((name) => `    <category term="${escapeXml(name)}" label="${escapeXml(name)}"/>`),
      `    ${text('summary', story.summary)}`,
      `    <content type="html">${escapeXml(story.html)}</content>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(meta.language)}">`,
    `  ${text('id', meta.feedUrl)}`,
    `  ${text('title', meta.title)}`,
    `  ${text('subtitle', meta.description)}`,
    `  ${text('updated', updated.toISOString())}`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(meta.homeUrl)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(meta.feedUrl)}"/>`,
    `  ${text('rights', meta.copyright)}`,
    '  <generator>Gazette</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
