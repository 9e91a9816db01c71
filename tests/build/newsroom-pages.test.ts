/**
 * The newsroom pages (about, standards, corrections policy, contact) and the corrections page
 * of the `basic` fixture, as readers and crawlers get them: reciprocal hreflang in the pages
 * and the sitemap, the publisher's JSON-LD pointing at them, every footer linking them, and
 * a corrections list that never shows a draft's or a scheduled story's correction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { fixtureContent, readPage, textOf, useBuiltSite } from '../helpers/project.ts';
import { checkHreflang, findBrokenLinks, listDist } from '../helpers/site-checks.ts';

const SITE = 'https://news.example.org';
const PAGES = ['about', 'standards', 'corrections-policy', 'contact', 'corrections'];
const STORY_ZH = '/2025/12/22/bilingual-story/';
const site = useBuiltSite(fixtureContent('basic'));

const hreflangOf = (path: string) =>
  Object.fromEntries([...readPage(site(), path).querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]));

const publisherOf = (path: string) => {
  const blocks = [...readPage(site(), path).querySelectorAll('script[type="application/ld+json"]')].flatMap((script) => [JSON.parse(script.textContent ?? '')].flat());
  const found = blocks.flatMap((block) => [block, block.publisher]).find((node) => node?.['@type'] === 'NewsMediaOrganization' && node.logo);
  expect(found, path).toBeDefined();
  return found;
};

describe('newsroom pages', () => {
  it.each(PAGES)('/%s/ exists in every language, the Traditional one generated, with reciprocal hreflang', (id) => {
    const zh = `/${id}/`;
    const en = `/en/${id}/`;
    const hant = `/zh-hant/${id}/`;
    expect(hreflangOf(zh)).toEqual({ 'zh-Hans': `${SITE}${zh}`, 'zh-Hant': `${SITE}${hant}`, en: `${SITE}${en}`, 'x-default': `${SITE}${zh}` });
    expect(hreflangOf(en)).toEqual(hreflangOf(zh));
    expect(hreflangOf(hant)).toEqual(hreflangOf(zh));
    expect(readPage(site(), zh).documentElement.getAttribute('lang')).toBe('zh-Hans');
    expect(readPage(site(), hant).documentElement.getAttribute('lang')).toBe('zh-Hant');
    expect(readPage(site(), en).querySelector('h1')).not.toBeNull();
  });

  it('renders the editors’ MDX title and body', () => {
    const about = readPage(site(), '/en/about/');
    expect(textOf(about.querySelector('h1'))).toBe('About the test site');
    expect(textOf(about.querySelector('main'))).toContain('A test site, not a real news organisation.');
    expect(about.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('An about page for tests.');
  });

  it('pairs the languages in the sitemap too', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'xhtml:link'].includes(name) });
    const urls = readdirSync(join(site(), 'dist'))
      .filter((name) => /^sitemap-\d+\.xml$/.test(name))
      .flatMap((name) => xml.parse(readFileSync(join(site(), 'dist', name), 'utf8')).urlset.url) as { loc: string; 'xhtml:link'?: { '@hreflang': string; '@href': string }[] }[];
    for (const id of PAGES) {
      for (const loc of [`${SITE}/${id}/`, `${SITE}/en/${id}/`]) {
        const url = urls.find((entry) => entry.loc === loc);
        expect(url, loc).toBeDefined();
        const links = Object.fromEntries((url!['xhtml:link'] ?? []).map((link) => [link['@hreflang'], link['@href']]));
        expect(links, loc).toMatchObject({ 'zh-Hans': `${SITE}/${id}/`, 'zh-Hant': `${SITE}/zh-hant/${id}/`, en: `${SITE}/en/${id}/`, 'x-default': `${SITE}/${id}/` });
      }
    }
  });

  it('the publisher JSON-LD of each edition links the pages in its own language', () => {
    for (const [prefix, story] of [['', STORY_ZH], ['/zh-hant', `/zh-hant${STORY_ZH}`], ['/en', `/en${STORY_ZH}`]] as const) {
      for (const path of [`${prefix}/`, story]) {
        const publisher = publisherOf(path);
        expect(publisher.publishingPrinciples, path).toBe(`${SITE}${prefix}/standards/`);
        expect(publisher.ethicsPolicy, path).toBe(`${SITE}${prefix}/standards/`);
        expect(publisher.correctionsPolicy, path).toBe(`${SITE}${prefix}/corrections-policy/`);
        expect(publisher.masthead, path).toBe(`${SITE}${prefix}/about/`);
        expect(publisher.contactPoint, path).toMatchObject({ '@type': 'ContactPoint', url: `${SITE}${prefix}/contact/` });
      }
    }
  });

  it('every page’s footer links the newsroom pages and the corrections page, labelled in its language', () => {
    const pages = listDist(join(site(), 'dist')).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const path = `/${file.replace(/index\.html$/, '')}`;
      const doc = readPage(site(), path);
      // Redirect pages of old paths are not pages a reader stays on: they carry no footer.
      if (doc.querySelector('meta[http-equiv="refresh"]')) continue;
      const prefix = /^\/(en|zh-hant)\//.exec(path)?.[0].slice(0, -1) ?? '';
      const hrefs = [...doc.querySelectorAll('footer.site-footer a')].map((a) => a.getAttribute('href'));
      expect(hrefs, path).toEqual(expect.arrayContaining(PAGES.map((id) => `${prefix}/${id}/`)));
    }
    const label = (path: string) => textOf(readPage(site(), path).querySelector(`footer.site-footer a[href$="/standards/"]`));
    expect(label('/')).toBe('编辑准则');
    expect(label('/en/')).toBe('Editorial standards');
    expect(label('/zh-hant/')).toBe('編輯準則');
  });

  it('leaves no broken link and no one-way hreflang', () => {
    expect(findBrokenLinks(join(site(), 'dist'), SITE)).toEqual([]);
    expect(checkHreflang(join(site(), 'dist')).problems).toEqual([]);
  });
});

describe('corrections page', () => {
  it('lists the fixture’s correction, dated and linked to its story', () => {
    const page = readPage(site(), '/corrections/');
    const items = [...page.querySelectorAll('main li')];
    expect(items).toHaveLength(1);
    expect(textOf(items[0])).toContain('更正：第二段的企业数量应为50户。');
    expect(items[0]!.querySelector('time')?.getAttribute('datetime')).toBe('2025-12-22T18:00:00+08:00');
    expect(items[0]!.querySelector(`a[href="${STORY_ZH}"]`)?.textContent).toBe('双语测试稿件');
  });

  it('lists nothing from a draft or a scheduled story', () => {
    const text = readFileSync(join(site(), 'dist/corrections/index.html'), 'utf8');
    // The fixture's draft and scheduled stories each carry a correction.
    expect(text).not.toContain('草稿的更正绝不能泄露');
    expect(text).not.toContain('定时稿件的更正绝不能提前发布');
    // The English edition has no corrected story: it says so.
    expect(readPage(site(), '/en/corrections/').querySelectorAll('main li')).toHaveLength(0);
    expect(textOf(readPage(site(), '/en/corrections/').querySelector('main'))).toContain('No corrections so far.');
  });

  it('is linked from the corrections policy, and links back to it', () => {
    expect(readPage(site(), '/corrections-policy/').querySelector('main a[href="/corrections/"]')).not.toBeNull();
    expect(readPage(site(), '/en/corrections/').querySelector('main a[href="/en/corrections-policy/"]')).not.toBeNull();
  });
});
