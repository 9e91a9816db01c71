/**
 * What archive crawlers get from the `basic` fixture: sitemaps, news sitemap, feeds,
 * structured data, social cards, archives, redirects, and a site whose every internal
 * link resolves. Built twice, to prove two builds are byte-identical.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureContent, makeProject, readPage, removeProject, runBuild, textOf } from '../helpers/project.ts';
import { findRunTogether } from '../helpers/text-blocks.ts';
import { checkHreflang, digestDist, findBrokenLinks } from '../helpers/site-checks.ts';

const SITE = 'https://news.example.org';
const ZH = '/2025/12/22/bilingual-story/';
const EN = '/en/2025/12/22/bilingual-story/';
const ZH_HANT = '/zh-hant/2025/12/22/bilingual-story/';
let dir: string;
let second: string;

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'xhtml:link', 'item', 'entry', 'sitemap', 'dc:creator', 'category'].includes(name) });
function readXml(path: string) {
  const text = readFileSync(join(dir, 'dist', path), 'utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  return xml.parse(text);
}

beforeAll(() => {
  dir = makeProject(fixtureContent('basic'));
  second = makeProject(fixtureContent('basic'));
  for (const project of [dir, second]) {
    const result = runBuild(project);
    expect(result.status, result.output).toBe(0);
  }
});
afterAll(() => [dir, second].forEach(removeProject));

describe('sitemaps and robots.txt', () => {
  it('robots.txt names every sitemap', () => {
    const robots = readFileSync(join(dir, 'dist/robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    expect(robots).toContain(`Sitemap: ${SITE}/news-sitemap.xml`);
  });

  it('lists every published page with reciprocal hreflang and x-default, and nothing unpublished', () => {
    const index = readXml('sitemap-index.xml');
    const sitemaps = index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc.replace(SITE, ''));
    const urls = sitemaps.flatMap((path: string) => readXml(path).urlset.url) as { loc: string; lastmod?: string; 'xhtml:link'?: { '@hreflang': string; '@href': string }[] }[];
    const byLoc = new Map(urls.map((url) => [url.loc, url]));
    const links = (loc: string) => Object.fromEntries((byLoc.get(loc)?.['xhtml:link'] ?? []).map((l) => [l['@hreflang'], l['@href']]));
    const expected = { 'zh-Hans': `${SITE}${ZH}`, 'zh-Hant': `${SITE}${ZH_HANT}`, en: `${SITE}${EN}`, 'x-default': `${SITE}${ZH}` };
    expect(links(`${SITE}${ZH}`)).toEqual(expected);
    expect(links(`${SITE}${EN}`)).toEqual(expected);
    expect(links(`${SITE}${ZH_HANT}`)).toEqual(expected);
    expect(byLoc.has(`${SITE}/2025/12/10/zh-only-story/`)).toBe(true);
    // No English: its two Chinese editions name each other.
    expect(links(`${SITE}/2025/12/10/zh-only-story/`)).toEqual({ 'zh-Hans': `${SITE}/2025/12/10/zh-only-story/`, 'zh-Hant': `${SITE}/zh-hant/2025/12/10/zh-only-story/`, 'x-default': `${SITE}/2025/12/10/zh-only-story/` });
    // lastmod is the latest of published, updated and corrections: the correction at 18:00 Beijing.
    expect(new Date(byLoc.get(`${SITE}${ZH}`)!.lastmod!).toISOString()).toBe('2025-12-22T10:00:00.000Z');
    expect(new Date(byLoc.get(`${SITE}${EN}`)!.lastmod!).toISOString()).toBe('2025-12-21T17:30:00.000Z');
    expect(byLoc.get(`${SITE}${ZH_HANT}`)!.lastmod).toBe(byLoc.get(`${SITE}${ZH}`)!.lastmod);
    const locs = [...byLoc.keys()].join('\n');
    expect(locs).not.toMatch(/draft-story|scheduled-story|old-bilingual-story|404/);
    // The search pages are empty without JavaScript: noindex, so not in the sitemap either.
    expect(locs).not.toMatch(/search/);
    expect(readPage(dir, '/en/search/').querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex');
    for (const url of urls) {
      for (const link of url['xhtml:link'] ?? []) {
        // Reciprocity: every alternate lists this URL back.
        if (link['@hreflang'] !== 'x-default') expect(Object.values(links(link['@href']))).toContain(url.loc);
      }
    }
  });

  it('news sitemap holds the stories of the 48 hours before GAZETTE_NOW, with Google News fields', () => {
    const urls = readXml('news-sitemap.xml').urlset.url as { loc: string; 'news:news': Record<string, any> }[];
    expect(urls.map((u) => u.loc).sort()).toEqual([`${SITE}${ZH}`, `${SITE}${ZH_HANT}`, `${SITE}${EN}`].sort());
    const zh = urls.find((u) => u.loc === `${SITE}${ZH}`)!['news:news'];
    expect(zh['news:publication']).toEqual({ 'news:name': 'Gazette 示范新闻', 'news:language': 'zh-cn' });
    expect(zh['news:publication_date']).toBe('2025-12-22T01:30:00+08:00');
    expect(zh['news:title']).toBe('双语测试稿件');
    const en = urls.find((u) => u.loc === `${SITE}${EN}`)!['news:news'];
    expect(en['news:publication']['news:language']).toBe('en');
    const hant = urls.find((u) => u.loc === `${SITE}${ZH_HANT}`)!['news:news'];
    expect(hant['news:publication']).toEqual({ 'news:name': 'Gazette 示範新聞', 'news:language': 'zh-tw' });
    expect(hant['news:title']).toBe('雙語測試稿件');
  });
});

describe('feeds', () => {
  it('are advertised in every page head', () => {
    for (const path of [ZH, EN, '/', '/en/', '/sections/news/']) {
      const doc = readPage(dir, path);
      const feeds = [...doc.querySelectorAll('link[rel=alternate][type]')].map((l) => l.getAttribute('href'));
      // The page's own language first: a reader that subscribes to the first link gets that one.
      expect(feeds).toEqual(
        path.startsWith('/en/')
          ? ['/en/rss.xml', '/en/atom.xml', '/rss.xml', '/atom.xml', '/zh-hant/rss.xml', '/zh-hant/atom.xml']
          : ['/rss.xml', '/atom.xml', '/zh-hant/rss.xml', '/zh-hant/atom.xml', '/en/rss.xml', '/en/atom.xml'],
      );
    }
  });

  it('RSS carries the full story with absolute image URLs, captions, credits and corrections', () => {
    const channel = readXml('rss.xml').rss.channel;
    expect(channel.language).toBe('zh-Hans');
    const items = channel.item as Record<string, any>[];
    expect(items.map((i) => i.link)).toEqual([`${SITE}${ZH}`, `${SITE}/2025/12/10/zh-only-story/`]);
    expect(channel['atom:link']).toMatchObject({ '@href': `${SITE}/rss.xml`, '@rel': 'self', '@type': 'application/rss+xml' });
    // A moved story keeps its first URL as its guid; an unmoved one's guid is its link.
    expect(items.map((i) => [i.guid['#text'], i.guid['@isPermaLink']])).toEqual([
      [`${SITE}/2025/12/21/old-bilingual-story/`, 'false'],
      [`${SITE}/2025/12/10/zh-only-story/`, 'true'],
    ]);
    expect(items[0]!['media:content']).toMatchObject({ '@medium': 'image', '@type': 'image/jpeg', '@width': '1200', '@height': '630' });
    expect(existsSync(join(dir, 'dist', new URL(items[0]!['media:content']['@url']).pathname))).toBe(true);
    const body = parseHTML(`<!doctype html><body>${items[0]!['content:encoded']}</body>`).document;
    expect(textOf(body.querySelector('body'))).toContain('最后一段正文。');
    expect([...body.querySelectorAll('.key-figures li')].map(textOf)).toEqual(['要点一；', '要点二。']);
    const images = [...body.querySelectorAll('img')];
    expect(images.length).toBe(2);
    for (const img of images) expect(img.getAttribute('src')).toMatch(new RegExp(`^${SITE}/_astro/.+\\.(jpg|png)$`));
    expect(body.querySelectorAll('source')).toHaveLength(0);
    expect([...body.querySelectorAll('figcaption')].map(textOf)).toEqual(['示意图 测试头图 记者 李华 摄', '正文图片 新华社']);
    expect(textOf(body.querySelector('aside'))).toContain('更正：第二段的企业数量应为50户。');
    // A reader showing the feed as plain text: each block, and a caption's label, apart from the next.
    expect(findRunTogether(body.querySelector('body')!)).toEqual([]);
    expect(items[0]!['dc:creator']).toEqual(['王明']);
    for (const img of images) expect(existsSync(join(dir, 'dist', new URL(img.getAttribute('src')!).pathname))).toBe(true);
    const en = readXml('en/rss.xml').rss.channel.item as Record<string, any>[];
    expect(en.map((i) => i.link)).toEqual([`${SITE}${EN}`]);
    expect(en[0]!['content:encoded']).toContain('Photo: Li Hua');
    expect(en[0]!['content:encoded']).toContain('Last paragraph.');
    const english = parseHTML(`<!doctype html><body>${en[0]!['content:encoded']}</body>`).document;
    expect(findRunTogether(english.querySelector('body')!)).toEqual([]);
  });

  it('Atom carries the same, with updated from the latest correction and a permanent id', () => {
    const feed = readXml('atom.xml').feed;
    expect(feed['@xml:lang']).toBe('zh-Hans');
    const entries = feed.entry as Record<string, any>[];
    // The story moved from its first path (its alias): the id feed readers already hold stays.
    const entry = entries.find((e) => [e.link].flat().some((l: Record<string, string>) => l['@rel'] === 'alternate' && l['@href'] === `${SITE}${ZH}`))!;
    expect(entry.id).toBe(`${SITE}/2025/12/21/old-bilingual-story/`);
    expect(entries.map((e) => e.id)).toContain(`${SITE}/2025/12/10/zh-only-story/`);
    expect(new Date(entry.updated).toISOString()).toBe('2025-12-22T10:00:00.000Z');
    expect(new Date(entry.published).toISOString()).toBe('2025-12-21T17:30:00.000Z');
    expect(entry.content['#text']).toContain('最后一段正文。');
    expect(findRunTogether(parseHTML(`<!doctype html><body>${entry.content['#text']}</body>`).document.querySelector('body')!)).toEqual([]);
    expect(new Date(feed.updated).toISOString()).toBe('2025-12-22T10:00:00.000Z');
    expect(readXml('en/atom.xml').feed.entry).toHaveLength(1);
  });
});

describe('structured data and social cards', () => {
  const jsonLd = (path: string) => [...readPage(dir, path).querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? ''));

  it('describes each story as a NewsArticle with crops, authors, publisher and its translation', async () => {
    const [article, breadcrumbs] = jsonLd(ZH);
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: '双语测试稿件',
      alternativeHeadline: '——副题在此',
      description: '一篇用于测试的双语稿件。',
      datePublished: '2025-12-22T01:30:00+08:00',
      dateModified: '2025-12-22T18:00:00+08:00',
      inLanguage: 'zh-Hans',
      articleSection: '要闻',
      keywords: '测试, 制造业',
      mainEntityOfPage: { '@id': `${SITE}${ZH}` },
      author: [{ '@type': 'Person', name: '王明', url: `${SITE}/people/wang-ming/` }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Gazette 示范新闻', logo: { url: `${SITE}/logo.png` } },
      workTranslation: [{ '@id': `${SITE}${EN}`, inLanguage: 'en' }, { '@id': `${SITE}${ZH_HANT}`, inLanguage: 'zh-Hant' }],
    });
    const ratios = article.image.map((image: { width: number; height: number }) => +(image.width / image.height).toFixed(2));
    expect(ratios).toEqual([1.78, 1.33, 1]);
    // The fixture's hero is 1280x854: the 4:3 and square crops fit inside it, their ratio kept.
    expect(article.image.map((image: { width: number; height: number }) => [image.width, image.height])).toEqual([[1200, 675], [1139, 854], [854, 854]]);
    for (const image of article.image) {
      const file = join(dir, 'dist', new URL(image.url).pathname);
      expect(existsSync(file)).toBe(true);
      // The size stated is the file's. mozjpeg writes progressive JPEGs; crawlers' crops skip it
      // (decision 034) and are baseline JPEGs.
      expect(await sharp(file).metadata()).toMatchObject({ format: 'jpeg', width: image.width, height: image.height, isProgressive: false });
    }
    expect(breadcrumbs['@type']).toBe('BreadcrumbList');
    expect(breadcrumbs.itemListElement.map((i: { item: string }) => i.item)).toEqual([`${SITE}/`, `${SITE}/sections/news/`, `${SITE}${ZH}`]);
    const [english] = jsonLd(EN);
    expect(english.translationOfWork).toMatchObject({ '@id': `${SITE}${ZH}`, inLanguage: 'zh-Hans' });
    // The Traditional edition is a translation of the Simplified, in its own language.
    const [traditional] = jsonLd(ZH_HANT);
    expect(traditional).toMatchObject({ inLanguage: 'zh-Hant', headline: '雙語測試稿件', translationOfWork: { '@id': `${SITE}${ZH}`, inLanguage: 'zh-Hans' } });
    expect(english.dateModified).toBe('2025-12-22T01:30:00+08:00');
    // One organisation under one @id, named in the page's language as og:site_name names it.
    expect(article.publisher).toMatchObject({ name: 'Gazette 示范新闻', alternateName: ['Gazette 示範新聞', 'Gazette Demo News'] });
    // Each edition names the publisher under its own @id, so no @id carries two names.
    expect(article.publisher['@id']).toBe(`${SITE}/#publisher`);
    expect(english.publisher).toMatchObject({ '@id': `${SITE}/en/#publisher`, name: 'Gazette Demo News', alternateName: ['Gazette 示范新闻', 'Gazette 示範新聞'] });
    expect(readPage(dir, EN).querySelector('meta[property="og:site_name"]')?.getAttribute('content')).toBe(english.publisher.name);
  });

  it('describes the front pages as a WebSite and its NewsMediaOrganization', () => {
    const types = jsonLd('/').map((item) => item['@type']);
    expect(types).toEqual(['WebSite', 'NewsMediaOrganization']);
  });

  it('gives stories Open Graph and Twitter cards with a 1200x630 image', async () => {
    const doc = readPage(dir, ZH);
    const meta = (property: string) => [...doc.querySelectorAll(`meta[property="${property}"], meta[name="${property}"]`)].map((m) => m.getAttribute('content'));
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:locale')).toEqual(['zh_CN']);
    expect(meta('og:locale:alternate')).toEqual(['en_GB', 'zh_TW']);
    expect(meta('og:image:width')).toEqual(['1200']);
    expect(meta('og:image:height')).toEqual(['630']);
    const card = join(dir, 'dist', new URL(meta('og:image')[0]!).pathname);
    // Feed readers and social posts show the card to readers: it keeps mozjpeg's smaller file.
    expect(await sharp(card).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630, isProgressive: true });
    expect(meta('article:published_time')).toEqual(['2025-12-22T01:30:00+08:00']);
    expect(meta('article:modified_time')).toEqual(['2025-12-22T18:00:00+08:00']);
    expect(meta('article:section')).toEqual(['要闻']);
    expect(meta('article:tag')).toEqual(['测试', '制造业']);
    expect(meta('robots')).toEqual(['max-image-preview:large']);
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
  });

  it('shows the correction on the story', () => {
    expect(textOf(readPage(dir, ZH).querySelector('.corrections'))).toContain('更正：第二段的企业数量应为50户。');
  });
});

describe('archives, redirects and 404s', () => {
  it('cutting any permalink back leads to a date archive that lists the story', () => {
    for (const path of ['/2025/', '/2025/12/', '/2025/12/22/', '/en/2025/', '/en/2025/12/', '/en/2025/12/22/']) {
      const hrefs = [...readPage(dir, path).querySelectorAll('.story-card-title a')].map((a) => a.getAttribute('href'));
      expect(hrefs).toContain(path.startsWith('/en/') ? EN : ZH);
    }
    expect(textOf(readPage(dir, '/2025/12/').querySelector('h1'))).toBe('2025年12月');
    expect(textOf(readPage(dir, '/en/2025/12/').querySelector('h1'))).toBe('December 2025');
    expect(existsSync(join(dir, 'dist/en/2025/12/10/index.html'))).toBe(false);
  });

  it('links tags to tag archives in the story’s language', () => {
    const tag = readPage(dir, ZH).querySelector('.tags a');
    expect(tag?.getAttribute('href')).toBe('/tags/测试/');
    expect(textOf(readPage(dir, '/tags/测试/').querySelector('h1'))).toBe('标签：测试');
    expect(readPage(dir, '/en/tags/manufacturing/').querySelectorAll('.story-card')).toHaveLength(1);
  });

  it('lists a photographer’s photos on their page', () => {
    const page = readPage(dir, '/people/li-hua/');
    expect(textOf(page.querySelector('#photos'))).toBe('李华拍摄的图片');
    expect(page.querySelectorAll('.photo-grid figure')).toHaveLength(1);
  });

  it('keeps an old path alive as a redirect to the story', () => {
    const doc = readPage(dir, '/2025/12/21/old-bilingual-story/');
    expect(doc.querySelector('meta[http-equiv=refresh]')?.getAttribute('content')).toBe(`0; url=${ZH}`);
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${SITE}${ZH}`);
    expect(doc.querySelector('a')?.getAttribute('href')).toBe(ZH);
  });

  it('has a 404 page per language', () => {
    expect(readPage(dir, '/404.html').documentElement.getAttribute('lang')).toBe('zh-Hans');
    expect(readPage(dir, '/zh-hant/404.html').documentElement.getAttribute('lang')).toBe('zh-Hant');
    expect(readPage(dir, '/en/404.html').documentElement.getAttribute('lang')).toBe('en');
  });
});

describe('the whole built site', () => {
  it('has no broken internal link or asset URL', () => {
    expect(findBrokenLinks(join(dir, 'dist'), SITE)).toEqual([]);
  });

  it('has reciprocal hreflang on every page that has any', () => {
    const { problems, checked } = checkHreflang(join(dir, 'dist'));
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it('is byte-identical across two builds of the same content and GAZETTE_NOW', () => {
    expect(digestDist(second)).toEqual(digestDist(dir));
  });
});
