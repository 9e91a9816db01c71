/**
 * The RSS and Atom documents as the feed endpoints write them, from mocked content, parsed
 * strictly: bodies rendered through Astro's container with the page's own components.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as atomFeed } from '../../src/pages/[...locale]/atom.xml.ts';
import { GET as rssFeed } from '../../src/pages/[...locale]/rss.xml.ts';
import { photo, staff, story, useContent } from '../helpers/mock-content.ts';

vi.mock('astro:content', () => import('../helpers/mock-content.ts').then((m) => m.astroContent()));
vi.mock('astro:assets', () => import('../helpers/mock-content.ts').then((m) => m.astroAssets()));

const TITLE = '“链”上发力 & <镇>兴产业';
const CORRECTION = '更正：第三段的年份应为2024年。';
const fillers = Array.from({ length: 50 }, (_, i) =>
  story(`filler-${String(i + 1).padStart(2, '0')}`, 'zh', { published: `2025-11-${String((i % 28) + 1).padStart(2, '0')}T${String(Math.floor(i / 28) + 8).padStart(2, '0')}:00:00+08:00` }),
);

useContent({
  ...staff,
  photos: [photo('hero-shot', { placeholder: true }), photo('inline-shot', { photographer: 'cheng-jing' })],
  stories: [
    story('moved', 'zh', {
      title: TITLE,
      published: '2025-12-21T09:00:00+08:00',
      updated: '2025-12-22T08:00:00+08:00',
      corrections: [{ date: '2025-12-22T08:00:00+08:00', text: CORRECTION }],
      hero: 'hero-shot',
      tags: ['制造业'],
      aliases: ['/2025/12/20/old-moved/'],
      authors: ['cao-wei', 'cheng-jing'],
      body: '导语，见[上一篇](../../19/plain/)。\n\n<Photo id="inline-shot" />\n\n写作 \\<script> 的是文字。',
    }),
    story('moved', 'en', { title: 'Moved & <well> placed', published: '2025-12-21T09:00:00+08:00', hero: 'hero-shot', body: 'Lead.\n\n<Photo id="inline-shot" />' }),
    story('plain', 'zh', { published: '2025-12-19T09:00:00+08:00' }),
    story('draft', 'zh', { published: '2025-12-20T09:00:00+08:00', draft: true }),
    story('embargoed', 'zh', { published: '2025-12-22T12:00:00+08:00' }),
    ...fillers,
  ],
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name, jpath) => ['item', 'entry', 'category', 'dc:creator', 'author'].includes(name) || jpath === 'feed.entry.link' });
const context = (locale: 'zh' | 'en') => ({ props: { locale } }) as never;

/** The document, which must be well-formed XML, parsed. */
function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

type Item = Record<string, unknown> & { link: string; title: string };
let rss: { zh: { channel: Record<string, unknown>; items: Item[] }; en: { items: Item[] } };
let atom: { zh: { feed: Record<string, unknown>; entries: (Record<string, unknown> & { link: { '@rel': string; '@href': string }[] })[] } };

beforeAll(async () => {
  const [rssZh, rssEn, atomZh] = await Promise.all([rssFeed(context('zh')), rssFeed(context('en')), atomFeed(context('zh'))]);
  const zh = parse(await rssZh.text()).rss;
  const en = parse(await rssEn.text()).rss;
  rss = { zh: { channel: zh.channel, items: zh.channel.item }, en: { items: en.channel.item } };
  const feed = parse(await atomZh.text()).feed;
  atom = { zh: { feed, entries: feed.entry } };
});

const rssItem = (path: string) => rss.zh.items.find((item) => item.link === `https://news.test${path}`)!;
const bodyOf = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;

describe('RSS', () => {
  it('lists the newest 50 published stories, newest first, and no draft or embargoed one', () => {
    const links = rss.zh.items.map((item) => item.link);
    expect(links).toHaveLength(50);
    expect(links.slice(0, 3)).toEqual(['https://news.test/2025/12/21/moved/', 'https://news.test/2025/12/19/plain/', 'https://news.test/2025/11/28/filler-28/']);
    expect(links.filter((link) => /draft|embargoed/.test(link))).toEqual([]);
    // The two oldest of the 52 published stories fall off the feed.
    expect(links.filter((link) => /filler-(01|29)\//.test(link))).toEqual([]);
  });

  it('names its language and its own address', () => {
    expect(rss.zh.channel.language).toBe('zh-Hans');
    expect(rss.zh.channel['atom:link']).toMatchObject({ '@href': 'https://news.test/rss.xml', '@rel': 'self' });
  });

  it('keeps a moved story under its first URL, with its people, section, tags and hero', () => {
    const item = rssItem('/2025/12/21/moved/');
    expect(item.title).toBe(TITLE);
    expect(item.guid).toMatchObject({ '#text': 'https://news.test/2025/12/20/old-moved/', '@isPermaLink': 'false' });
    expect(item['dc:creator']).toEqual(['曹伟', '程婧']);
    expect(item.category).toEqual(['经济', '制造业']);
    expect(item['dc:date']).toBe('2025-12-22T00:00:00.000Z');
    expect(item['media:content']).toMatchObject({ '@width': '1200', '@height': '630', '@type': 'image/jpeg' });
    expect(String((item['media:content'] as Record<string, string>)['@url'])).toMatch(/^https:\/\/news\.test\/_astro\/hero-shot_1200x630\.jpg$/);
  });

  it('carries the full body with absolute URLs, plain images, captions, credits and corrections', () => {
    const body = bodyOf(String(rssItem('/2025/12/21/moved/')['content:encoded']));
    expect(body.querySelector('a')?.getAttribute('href')).toBe('https://news.test/2025/12/19/plain/');
    expect(body.querySelectorAll('picture, source')).toHaveLength(0);
    const images = [...body.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('alt'))).toEqual(['替代文字 hero-shot', '替代文字 inline-shot']);
    expect(images.every((img) => /^https:\/\/news\.test\/_astro\//.test(img.getAttribute('src') ?? '') && !img.hasAttribute('loading'))).toBe(true);
    const captions = [...body.querySelectorAll('figcaption')].map((caption) => caption.textContent);
    expect(captions[0]).toContain('示意图');
    expect(captions[1]).toContain('图片说明 inline-shot');
    expect(captions[1]).toContain('记者 程婧 摄');
    expect(body.body.textContent).toContain('写作 <script> 的是文字。');
    expect(body.querySelectorAll('script')).toHaveLength(0);
    expect(body.querySelector('aside')?.textContent).toContain(CORRECTION);
    // The page's own elements: the hero's caption and credit as Caption renders them, and each
    // correction dated in a machine-readable <time>, as on the page.
    expect(body.querySelector('figure figcaption .placeholder-label')?.textContent).toBe('示意图');
    expect(body.querySelector('aside li time')?.getAttribute('datetime')).toBe('2025-12-22T08:00:00+08:00');
  });

  it('shows a body photo in the feed\'s language', () => {
    const item = rss.en.items.find((entry) => entry.link === 'https://news.test/en/2025/12/21/moved/')!;
    expect(item.title).toBe('Moved & <well> placed');
    const figures = [...bodyOf(String(item['content:encoded'])).querySelectorAll('figcaption')].map((caption) => caption.textContent);
    expect(figures[1]).toContain('Caption of inline-shot');
    expect(figures[1]).toContain('Photo: Cheng Jing');
    expect(rss.en.items).toHaveLength(1);
  });
});

describe('Atom', () => {
  it('is dated by its newest change, in its language', () => {
    expect(atom.zh.feed['@xml:lang']).toBe('zh-Hans');
    expect(atom.zh.feed.updated).toBe('2025-12-22T00:00:00.000Z');
    expect(atom.zh.feed.id).toBe('https://news.test/atom.xml');
    expect(atom.zh.entries).toHaveLength(50);
  });

  it('keeps the first URL as a moved entry\'s id and escapes text it does not parse', () => {
    const entry = atom.zh.entries[0]!;
    expect(entry.id).toBe('https://news.test/2025/12/20/old-moved/');
    expect(entry.title).toBe(TITLE);
    expect(entry.link.find((link) => link['@rel'] === 'alternate')?.['@href']).toBe('https://news.test/2025/12/21/moved/');
    expect(entry.link.find((link) => link['@rel'] === 'enclosure')?.['@href']).toMatch(/hero-shot_1200x630\.jpg$/);
    expect(entry.category).toEqual([
      { '@term': '经济', '@label': '经济' },
      { '@term': '制造业', '@label': '制造业' },
    ]);
    expect(entry.published).toBe('2025-12-21T01:00:00.000Z');
    const html = (entry.content as { '#text': string })['#text'];
    expect(bodyOf(html).querySelector('aside')?.textContent).toContain(CORRECTION);
  });
});
