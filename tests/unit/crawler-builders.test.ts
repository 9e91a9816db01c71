import { experimental_AstroContainer } from 'astro/container';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import Caption from '../../src/components/Caption.astro';
import { toAtomXml, toFeedHtml, toRssItems, type FeedStory } from '../../src/newsroom/feed-xml.ts';
import { toBodyHtml } from '../../src/site/story-body.ts';
import { serializeJsonLd, toNewsArticle } from '../../src/newsroom/jsonld.ts';
import { NEWS_MAX_URLS, selectNewsItems, toNewsSitemapXml } from '../../src/newsroom/news-sitemap.ts';
import { paginateStable } from '../../src/newsroom/paginate.ts';
import { toPagePath, toTagPath, toTagSlug } from '../../src/newsroom/permalinks.ts';
import { getDateModified } from '../../src/newsroom/publish.ts';
import { getSitemapConfig, readPageMetaFromHtml, toRobotsTxt } from '../../src/site/sitemap-config.ts';
import { findRunTogether } from '../helpers/text-blocks.ts';

describe('JSON-LD', () => {
  it('cannot be closed by a headline', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script> & \u2028' });
    expect(json).not.toContain('</script');
    expect(json).not.toContain('<');
    expect(JSON.parse(json).headline).toBe('</script><script>alert(1)</script> & \u2028');
  });
  it('links a translation to its source and leaves out empty fields', () => {
    const article = toNewsArticle({
      url: 'https://x.org/en/a/', headline: 'H', description: 'D', datePublished: '2025-12-22T08:00:00+08:00', dateModified: '2025-12-22T08:00:00+08:00',
      inLanguage: 'en', articleSection: 'News', keywords: [], authors: [{ name: 'A', url: 'https://x.org/en/people/a/' }], images: [],
      publisher: { name: 'P', url: 'https://x.org', logo: { url: 'https://x.org/logo.png', width: 600, height: 60 } },
      translationOf: { url: 'https://x.org/a/', inLanguage: 'zh-CN' },
    });
    expect(article).not.toHaveProperty('keywords');
    expect(article).not.toHaveProperty('image');
    expect(article).not.toHaveProperty('alternativeHeadline');
    expect(article.translationOfWork).toEqual({ '@type': 'NewsArticle', '@id': 'https://x.org/a/', url: 'https://x.org/a/', inLanguage: 'zh-CN' });
  });
});

describe('news sitemap', () => {
  const now = new Date('2025-12-23T00:00:00Z');
  const item = (hoursAgo: number, url = `https://x.org/${hoursAgo}/`) => ({ url, title: `t${hoursAgo}`, language: 'en', published: new Date(now.getTime() - hoursAgo * 3600_000) });
  it('keeps the 48 hours before now, newest first, nothing from the future', () => {
    expect(selectNewsItems([item(49), item(1), item(48), item(-1), item(47.9)], now).map((i) => i.title)).toEqual(['t1', 't47.9', 't48']);
  });
  it('stops at 1,000 URLs', () => {
    expect(selectNewsItems(Array.from({ length: 1200 }, (_, i) => item(i / 100)), now)).toHaveLength(NEWS_MAX_URLS);
  });
  it('escapes titles and dates publication in the newsroom offset', () => {
    const xmlText = toNewsSitemapXml([{ ...item(1), title: 'A & B <c>' }], () => 'Demo', 'Asia/Shanghai');
    expect(xmlText).toContain('<news:title>A &amp; B &lt;c&gt;</news:title>');
    expect(xmlText).toContain('<news:publication_date>2025-12-23T07:00:00+08:00</news:publication_date>');
  });
});

describe('feeds', () => {
  it('makes every URL absolute against the story page and keeps only the <img> of a <picture>', () => {
    const html = '<p><a href="/people/a/">A</a></p><picture><source srcset="/_astro/a.avif 360w" type="image/avif"><img src="/_astro/a.jpg" srcset="/_astro/a-360.jpg 360w, /_astro/a-720.jpg 720w" loading="lazy" alt="x"></picture><a href="https://other.org/">o</a>';
    expect(toFeedHtml(html, 'https://x.org/2025/12/22/s/')).toBe(
      '<p><a href="https://x.org/people/a/">A</a></p><img src="https://x.org/_astro/a.jpg" srcset="https://x.org/_astro/a-360.jpg 360w, https://x.org/_astro/a-720.jpg 720w" alt="x"><a href="https://other.org/">o</a>',
    );
  });
  it('resolves links relative to the story, not to the feed', () => {
    const html = '<a href="../other/">o</a><a href="#notes">n</a><a href="?q=1&amp;p=2">q</a><a href="mailto:desk@x.org">m</a>';
    expect(toFeedHtml(html, 'https://x.org/2025/12/22/s/')).toBe(
      '<a href="https://x.org/2025/12/22/other/">o</a><a href="https://x.org/2025/12/22/s/#notes">n</a><a href="https://x.org/2025/12/22/s/?q=1&#x26;p=2">q</a><a href="mailto:desk@x.org">m</a>',
    );
  });
  it('keeps every query parameter of a body link, and leaves code samples as written', () => {
    // From the real renderer, which writes & in attributes as &#x26;.
    const body = toBodyHtml('[d](https://data.stats.gov.cn/easyquery.htm?cn=C01&zb=A0201)\n\nWrite `<img src="a.png" loading="lazy">` for that.\n');
    const doc = parseHTML(`<!doctype html><body>${toFeedHtml(body, 'https://x.org/2025/12/22/s/')}</body>`).document;
    expect(doc.querySelector('a')!.getAttribute('href')).toBe('https://data.stats.gov.cn/easyquery.htm?cn=C01&zb=A0201');
    expect(doc.querySelector('code')!.textContent).toBe('<img src="a.png" loading="lazy">');
  });
  it('keeps a feed body readable as plain text: lead lines, key figures and a caption label apart', async () => {
    const body = toBodyHtml('<LeadLines>\n第一行；\n\n第二行。\n</LeadLines>\n\n<KeyFigures>\n- 要点一；\n- 要点二。\n</KeyFigures>\n\n正文。\n');
    // The caption as every figure of a page and a feed body renders it.
    const container = await experimental_AstroContainer.create();
    const caption = await container.renderToString(Caption, { props: { text: 'A production workshop', credit: 'Photo: Cao Wei', placeholderLabel: 'Placeholder' } });
    const doc = parseHTML(`<!doctype html><html><body>${toFeedHtml(`<figure>${caption}</figure>\n${body}`, 'https://x.org/2025/12/22/s/')}</body></html>`).document;
    expect(findRunTogether(doc.body as unknown as Element)).toEqual([]);
    expect(doc.querySelector('figcaption')!.textContent).toBe('Placeholder A production workshop Photo: Cao Wei');
    expect(doc.body.textContent).toMatch(/第一行；\s+第二行。\s+要点一；\s+要点二。\s+正文。/);
  });
  const story: FeedStory = {
    url: 'https://x.org/a/', id: 'https://x.org/a/', title: 'T & U', summary: 'S', published: new Date('2025-12-22T00:00:00Z'), modified: new Date('2025-12-23T00:00:00Z'),
    authors: ['王明'], categories: ['要闻'], html: '<p>Full text</p>',
  };
  const moved: FeedStory = {
    ...story, url: 'https://x.org/b/', id: 'https://x.org/old-b/', title: 'A&B <b>bold</b> ]]>', summary: 'x < y', categories: ['R&D <lab>', '"q"'],
    image: { url: 'https://x.org/_astro/b.jpg', type: 'image/jpeg', width: 1200, height: 630 },
  };
  it('gives RSS items the full content, creators and the modification date', () => {
    const [item] = toRssItems([story]);
    expect(item).toMatchObject({ content: '<p>Full text</p>', link: 'https://x.org/a/', categories: ['要闻'] });
    expect(item!.customData).toBe('<dc:creator>王明</dc:creator><dc:date>2025-12-23T00:00:00.000Z</dc:date>');
  });
  it("keeps a moved story's RSS guid and describes its hero as media:content", () => {
    const [item] = toRssItems([moved]);
    const data = new XMLParser({ ignoreAttributes: false }).parse(`<item>${item!.customData}</item>`).item;
    expect(data.guid).toEqual({ '#text': 'https://x.org/old-b/', '@_isPermaLink': 'false' });
    expect(data['media:content']).toMatchObject({ '@_url': 'https://x.org/_astro/b.jpg', '@_type': 'image/jpeg', '@_medium': 'image', '@_width': '1200' });
  });
  const meta = { title: 'F & G', description: 'D', homeUrl: 'https://x.org/', feedUrl: 'https://x.org/atom.xml', language: 'zh-CN', now: new Date('2030-01-01T00:00:00Z'), copyright: 'F' };
  it('dates an Atom feed by its newest change, not the clock, so rebuilds are identical', () => {
    const atom = toAtomXml(meta, [story]);
    expect(atom).toContain('<updated>2025-12-23T00:00:00.000Z</updated>');
    expect(toAtomXml(meta, [story])).toBe(atom);
    expect(toAtomXml(meta, [])).toContain('<updated>2030-01-01T00:00:00.000Z</updated>');
  });
  it('writes valid Atom whatever the text holds, with the language, category terms and a permanent id', () => {
    const atom = toAtomXml(meta, [moved, story]);
    expect(XMLValidator.validate(atom)).toBe(true);
    const { feed } = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'category', 'link'].includes(name) }).parse(atom);
    expect(feed['@_xml:lang']).toBe('zh-CN');
    expect(feed.title).toBe('F & G');
    const [entry] = feed.entry;
    expect(entry.id).toBe('https://x.org/old-b/');
    // Plain text, as typed: a reader must not render <b> nor turn "A&B" into anything else.
    expect(entry.title).toBe('A&B <b>bold</b> ]]>');
    expect(entry.summary).toBe('x < y');
    expect(entry.category.map((c: Record<string, string>) => [c['@_term'], c['@_label']])).toEqual([['R&D <lab>', 'R&D <lab>'], ['"q"', '"q"']]);
    expect(entry.link.find((l: Record<string, string>) => l['@_rel'] === 'enclosure')).toMatchObject({ '@_type': 'image/jpeg', '@_href': 'https://x.org/_astro/b.jpg' });
    expect(entry.link.find((l: Record<string, string>) => l['@_rel'] === 'alternate')['@_href']).toBe('https://x.org/b/');
    expect(feed.entry[1].content).toMatchObject({ '#text': '<p>Full text</p>', '@_type': 'html' });
  });
  it('takes dateModified from the latest of published, updated and corrections', () => {
    const published = new Date('2025-12-22T00:00:00Z');
    expect(getDateModified({ published })).toEqual(published);
    expect(getDateModified({ published, updated: new Date('2025-12-23T00:00:00Z'), corrections: [{ date: new Date('2025-12-24T00:00:00Z') }] }).toISOString()).toBe('2025-12-24T00:00:00.000Z');
  });
});

describe('stable pagination', () => {
  const newestFirst = Array.from({ length: 45 }, (_, i) => 45 - i);
  it('numbers pages from the oldest, so a full page never changes', () => {
    const { latest, pages } = paginateStable(newestFirst, 20);
    expect(latest).toEqual(newestFirst.slice(0, 20));
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(pages[0]!.items).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(pages[2]!.items).toEqual([45, 44, 43, 42, 41]);
    const { pages: later } = paginateStable([46, ...newestFirst], 20);
    expect(later[0]).toEqual(pages[0]);
    expect(later[1]).toEqual(pages[1]);
  });
  it('needs no numbered pages when everything fits', () => {
    expect(paginateStable([3, 2, 1], 20)).toEqual({ latest: [3, 2, 1], pages: [] });
    expect(() => paginateStable([1], 0)).toThrow();
  });
  it('puts numbered pages under the archive path', () => {
    expect(toPagePath('/en/sections/news/', 2)).toBe('/en/sections/news/page/2/');
  });
});

describe('tags', () => {
  it('slugs free-text tags, keeping Chinese as is', () => {
    expect(toTagSlug('Industrial Chains')).toBe('industrial-chains');
    expect(toTagSlug('  玻璃器皿 ')).toBe('玻璃器皿');
    expect(toTagSlug('Ｃ＋＋/Rust?')).toBe('c-rust');
    expect(toTagSlug('？！')).toBe('');
    expect(toTagPath('专业镇', 'en')).toBe('/en/tags/专业镇/');
  });
});

describe('sitemap options', () => {
  const meta: Record<string, { modified?: string; noindex: boolean }> = {
    'https://x.org/a/': { modified: '2025-12-22T08:00:00+08:00', noindex: false },
    'https://x.org/old/': { noindex: true },
  };
  const config = getSitemapConfig((url) => meta[url]);
  it('derives the i18n map from locales.ts', () => {
    expect(config.i18n).toEqual({ defaultLocale: 'zh', locales: { zh: 'zh-Hans', 'zh-hant': 'zh-Hant', en: 'en' } });
  });
  it('adds x-default to translated pages, lastmod from the page, and drops noindex pages and 404s', async () => {
    const links = [{ lang: 'zh-Hans', url: 'https://x.org/a/' }, { lang: 'en', url: 'https://x.org/en/a/' }];
    expect(await config.serialize!({ url: 'https://x.org/a/', links })).toEqual({
      url: 'https://x.org/a/', lastmod: '2025-12-22T08:00:00+08:00', links: [...links, { lang: 'x-default', url: 'https://x.org/a/' }],
    });
    expect(await config.serialize!({ url: 'https://x.org/b/' })).toEqual({ url: 'https://x.org/b/' });
    expect(await config.serialize!({ url: 'https://x.org/old/' })).toBeUndefined();
    expect(config.filter!('https://x.org/en/404/')).toBe(false);
    expect(config.filter!('https://x.org/en/a/')).toBe(true);
  });
  it('reads lastmod and noindex from a page head', () => {
    expect(readPageMetaFromHtml('<head><meta property="article:modified_time" content="2025-12-22T08:00:00+08:00"></head>')).toEqual({ modified: '2025-12-22T08:00:00+08:00', noindex: false });
    expect(readPageMetaFromHtml('<head><meta name="robots" content="noindex"></head><body>article:modified_time</body>').noindex).toBe(true);
  });
  it('names every sitemap in robots.txt', () => {
    expect(toRobotsTxt('https://x.org')).toMatch(/Sitemap: https:\/\/x\.org\/sitemap-index\.xml\nSitemap: https:\/\/x\.org\/news-sitemap\.xml/);
  });
});
