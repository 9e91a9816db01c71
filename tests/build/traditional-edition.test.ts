/**
 * The Traditional edition (/zh-hant/), generated at build time from the Simplified files: the
 * real content/ plus two stories, one with links, code and a table (ids and URLs must survive
 * conversion untouched) and one whose zh-hant.mdx an editor wrote by hand (it must win).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { readPage, repoRoot, runScript, SEED_NOW, textOf, useBuiltSite } from '../helpers/project.ts';
import { checkHreflang, listDist } from '../helpers/site-checks.ts';
import { countIndexed, readSearchShards } from '../helpers/search-index.ts';

const SITE = 'https://news.example.org';
const SEED = '2025/12/22/lianshang-fali-zhenxing-chanye/';
const LINKS = '2025/12/20/traditional-links/';
const HANDWRITTEN = '2025/12/19/handwritten-story/';

const story = (frontmatter: string, body: string) => `---\n${frontmatter.trim()}\nauthors: [yan-shujuan]\nsection: economy\n---\n\n${body.trim()}\n`;

/** The real content/ and the two stories, in a temp folder the build copies. */
function makeContent(): string {
  const root = mkdtempSync(join(tmpdir(), 'gazette-hant-content-'));
  const content = join(root, 'content');
  cpSync(join(repoRoot, 'content'), content, { recursive: true });
  const links = join(content, 'stories/traditional-links');
  mkdirSync(links);
  writeFileSync(
    join(links, 'zh.mdx'),
    story(
      'title: 产业链与链接\nsummary: 链接、代码与表格在繁体版中保持原样。\npublished: 2025-12-20T08:00:00+08:00\ntags: [产业链]',
      `## 产业链发展

见[晋中产业链报道](/${SEED} "晋中产业链")与[统计数据](https://data.stats.gov.cn/easyquery.htm?cn=C01&zb=A0201 "国家统计局")，写作 \`产业链\` 的代码不转换。

<Photo id="qixian-glassware" />

| 指标 | 产业链企业 |
| --- | --- |
| 晋中 | 71 |`,
    ),
  );
  const handwritten = join(content, 'stories/handwritten-story');
  mkdirSync(handwritten);
  writeFileSync(join(handwritten, 'zh.mdx'), story('title: 软件产业链\nsummary: 简体原文。\npublished: 2025-12-19T08:00:00+08:00\nupdated: 2025-12-21T08:00:00+08:00', '简体正文，其后有更新。'));
  writeFileSync(join(handwritten, 'zh-hant.mdx'), story('title: 軟體產業鏈（編輯手寫）\nsummary: 編輯手寫的繁體版。\npublished: 2025-12-19T08:00:00+08:00', '這是編輯手寫的繁體正文。'));
  return content;
}

const content = makeContent();
afterAll(() => rmSync(join(content, '..'), { recursive: true, force: true }));
const site = useBuiltSite(content, { GAZETTE_NOW: SEED_NOW });
const dist = () => join(site(), 'dist');

/** Every id and address in a story's text column, in order, with the edition's prefix taken off. */
function idsAndUrls(path: string): string[] {
  const body = readPage(site(), path).querySelector('.story-body')!;
  return [...body.querySelectorAll('*')].flatMap((el) =>
    ['id', 'href', 'src', 'srcset', 'data-id', 'class', 'lang', 'width', 'height'].flatMap((name) => {
      const value = el.getAttribute(name);
      return value === null ? [] : [`${el.tagName} ${name}=${value.replaceAll(`${SITE}/zh-hant/`, `${SITE}/`).replace(/^\/zh-hant\//, '/')}`];
    }),
  );
}

describe('the seed story in Traditional characters', () => {
  const page = () => readPage(site(), `/zh-hant/${SEED}`);

  it('converts headline, subtitle, body, captions, alt text, byline, section and tags', () => {
    const doc = page();
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-Hant');
    expect(textOf(doc.querySelector('h1'))).toBe('“鏈”上發力 “鎮”興產業');
    expect(textOf(doc.querySelector('.standfirst'))).toBe('——晉中市推進製造業重點產業鏈優化升級步履鏗鏘');
    const body = textOf(doc.querySelector('.story-body'));
    for (const term of ['產業鏈', '晉中', '榆次', '祁縣', '太谷', '經緯', '榆液', '紡機', '鋰電池', '玻璃器皿']) expect(body, term).toContain(term);
    for (const term of ['产业链', '晋中', '祁县', '经纬', '纺机', '锂电池']) expect(body, term).not.toContain(term);
    expect([...doc.querySelectorAll('figcaption .caption-text')].map(textOf)).toEqual(['太重集團榆次液壓工業有限公司生產車間', '安泰集團生產車間', '玻璃器皿']);
    expect([...doc.querySelectorAll('figcaption .credit')].map(textOf)).toEqual(['記者 曹偉 攝', '記者 程婧 攝', '記者 程婧 攝']);
    expect(doc.querySelector('.main-media img')?.getAttribute('alt')).toBe('示意圖佔位圖片，原圖為太重集團榆次液壓工業有限公司的生產車間');
    expect(textOf(doc.querySelector('.kicker'))).toBe('經濟');
    expect([...doc.querySelectorAll('.tags li')].map(textOf)).toEqual(['製造業', '產業鏈', '專業鎮', '晉中']);
    // The page around the story is the hand-written dictionary, not a conversion.
    expect(textOf(doc.querySelector('.site-footer nav'))).toContain('聯絡我們');
  });

  it('follows the exceptions file where OpenCC alone gets it wrong', () => {
    const body = textOf(page().querySelector('.story-body'));
    // content/zh-hant-exceptions.yaml: 吃干榨尽 is "squeezed dry" (乾), not "done" (幹).
    expect(body).toContain('“吃乾榨盡”');
    expect(body).not.toContain('吃幹榨盡');
    // 制 as "make" (人工吹製, hand-blown) and 編製 as drafting a regulation, where OpenCC keeps 制.
    expect(body).toContain('人工吹製');
    expect(body).toContain('條例》的編製工作');
    expect(body).not.toMatch(/人工吹制|編制工作/);
    expect(textOf(page().querySelector('.byline'))).toBe('記者 閆淑娟');
  });

  it('keeps the source’s wording where the phrase variant would rewrite it (company names, industry terms)', () => {
    const body = textOf(page().querySelector('.story-body'));
    expect(body).toContain('經緯智能紡織機械有限公司');
    expect(body).toContain('循環利用');
    expect(body).not.toMatch(/最佳化|迴圈|叢集/);
  });
});

describe('what a conversion never changes', () => {
  it.each([SEED, LINKS])('every id and address of /%s is the same in both Chinese editions', (path) => {
    const simplified = idsAndUrls(`/${path}`);
    expect(simplified.length).toBeGreaterThan(10);
    expect(idsAndUrls(`/zh-hant/${path}`)).toEqual(simplified);
  });

  it('keeps code, and converts a link’s text and title but not its address', () => {
    const doc = readPage(site(), `/zh-hant/${LINKS}`);
    expect(doc.querySelector('.story-body h2')?.id).toBe(readPage(site(), `/${LINKS}`).querySelector('.story-body h2')?.id);
    expect(textOf(doc.querySelector('.story-body h2'))).toBe('產業鏈發展');
    expect(textOf(doc.querySelector('.story-body p code'))).toBe('产业链');
    const link = doc.querySelector(`.story-body a[href="/${SEED}"]`);
    expect([textOf(link), link?.getAttribute('title')]).toEqual(['晉中產業鏈報道', '晉中產業鏈']);
    expect(doc.querySelector('.story-body a[href^="https://data.stats.gov.cn/"]')?.getAttribute('href')).toBe('https://data.stats.gov.cn/easyquery.htm?cn=C01&zb=A0201');
    expect(doc.querySelector('.table-scroll')?.getAttribute('aria-label')).toBe('指標、產業鏈企業');
  });
});

describe('an editor’s zh-hant.mdx', () => {
  it('wins over the conversion of zh.mdx', () => {
    const doc = readPage(site(), `/zh-hant/${HANDWRITTEN}`);
    expect(textOf(doc.querySelector('h1'))).toBe('軟體產業鏈（編輯手寫）');
    expect(textOf(doc.querySelector('.story-body'))).toContain('這是編輯手寫的繁體正文。');
    expect(textOf(doc.querySelector('.story-body'))).not.toContain('簡體正文');
  });

  it('is listed by npm run translations as hand-written and behind the Simplified text; the others as generated', () => {
    const result = runScript(site(), 'translations.ts');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^handwritten-story\s+missing en; zh-hant behind zh by 2 days\s+content\/stories\/handwritten-story\/en\.mdx, content\/stories\/handwritten-story\/zh-hant\.mdx$/m);
    expect(result.stdout).toMatch(/^handwritten-story\s+zh-hant hand-written\s+content\/stories\/handwritten-story\/zh-hant\.mdx$/m);
    expect(result.stdout).toMatch(/^lianshang-fali-zhenxing-chanye\s+zh-hant generated from zh\s+content\/stories\/lianshang-fali-zhenxing-chanye\/zh\.mdx$/m);
  });
});

describe('everything a language has', () => {
  it('links the three editions of every story and archive page with reciprocal hreflang and x-default', () => {
    const { problems, checked } = checkHreflang(dist());
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(50);
    const pages = listDist(dist()).filter((file) => file.endsWith('index.html') && /^(zh-hant\/|en\/)?(\d{4}\/|sections\/|people\/)/.test(file));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const doc = readPage(site(), `/${file.replace(/index\.html$/, '')}`);
      if (doc.querySelector('meta[http-equiv=refresh]') || /\/page\/\d+\/$/.test(file.replace(/index\.html$/, ''))) continue;
      const langs = [...doc.querySelectorAll('link[rel=alternate][hreflang]')].map((link) => link.getAttribute('hreflang'));
      expect(langs.filter((lang) => lang !== 'x-default').sort(), file).toEqual(expect.arrayContaining(['zh-Hans', 'zh-Hant']));
      expect(langs, file).toContain('x-default');
    }
    const seed = readPage(site(), `/zh-hant/${SEED}`);
    expect(Object.fromEntries([...seed.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]))).toEqual({
      'zh-Hant': `${SITE}/zh-hant/${SEED}`,
      en: `${SITE}/en/${SEED}`,
      'zh-Hans': `${SITE}/${SEED}`,
      'x-default': `${SITE}/${SEED}`,
    });
  });

  it('has its own RSS and Atom feeds that parse strictly, in Traditional characters', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry'].includes(name) });
    const read = (file: string) => {
      const text = readFileSync(join(dist(), file), 'utf8');
      expect(XMLValidator.validate(text), file).toBe(true);
      return parser.parse(text);
    };
    const channel = read('zh-hant/rss.xml').rss.channel;
    expect([channel.language, channel.title]).toEqual(['zh-Hant', 'Gazette 示範新聞']);
    const item = (channel.item as Record<string, string>[]).find((entry) => entry.link === `${SITE}/zh-hant/${SEED}`)!;
    expect(item.title).toBe('“鏈”上發力 “鎮”興產業');
    expect(item['content:encoded']).toContain('產業鏈');
    const feed = read('zh-hant/atom.xml').feed;
    expect(feed['@xml:lang']).toBe('zh-Hant');
    expect((feed.entry as { title: unknown }[]).map((entry) => entry.title)).toContain('“鏈”上發力 “鎮”興產業');
    // Advertised in the head of every page, the Traditional edition's own pages first.
    const heads = [...readPage(site(), `/zh-hant/${SEED}`).querySelectorAll('link[rel=alternate][type]')].map((link) => link.getAttribute('href'));
    expect(heads.slice(0, 2)).toEqual(['/zh-hant/rss.xml', '/zh-hant/atom.xml']);
  });

  it('has its own search index and search page, holding the story in Traditional characters', () => {
    const shards = readSearchShards(dist());
    expect(countIndexed(shards)['zh-hant']).toBe(3);
    // Words are split by U+200B in Pagefind's fragments.
    const fragments = shards.flatMap((shard) => shard.fragments);
    const seed = fragments.find((fragment) => fragment.url === `/zh-hant/${SEED}`)!;
    const text = seed.content.replaceAll('\u200b', '');
    for (const term of ['產業鏈', '玻璃器皿', '晉中']) expect(text, term).toContain(term);
    const search = readPage(site(), '/zh-hant/search/');
    expect([search.documentElement.getAttribute('lang'), textOf(search.querySelector('h1'))]).toEqual(['zh-Hant', '搜尋報導']);
    expect(readPage(site(), '/zh-hant/404.html').documentElement.getAttribute('lang')).toBe('zh-Hant');
  });

  it('describes the story in its language, as a translation of the Simplified, and lists it in the sitemap', () => {
    const [article] = [...readPage(site(), `/zh-hant/${SEED}`).querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? ''));
    expect(article).toMatchObject({ inLanguage: 'zh-Hant', headline: '“鏈”上發力 “鎮”興產業', translationOfWork: { '@id': `${SITE}/${SEED}`, inLanguage: 'zh-Hans' } });
    const [source] = [...readPage(site(), `/${SEED}`).querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? ''));
    expect(source.workTranslation).toContainEqual(expect.objectContaining({ '@id': `${SITE}/zh-hant/${SEED}`, inLanguage: 'zh-Hant' }));
    const sitemap = readFileSync(join(dist(), 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE}/zh-hant/${SEED}</loc>`);
    expect(sitemap).toContain(`hreflang="zh-Hant" href="${SITE}/zh-hant/${SEED}"`);
  });
});
