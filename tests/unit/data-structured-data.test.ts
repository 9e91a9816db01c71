/**
 * Structured data and the page head as the Story layout writes them, rendered through Astro's
 * container from mocked content: JSON-LD read back with JSON.parse from the page's own script
 * elements, not from the builders' return values.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import Story from '../../src/layouts/Story.astro';
import { photo, section, staff, story, useContent } from '../helpers/mock-content.ts';

vi.mock('astro:content', () => import('../helpers/mock-content.ts').then((m) => m.astroContent()));
vi.mock('astro:assets', () => import('../helpers/mock-content.ts').then((m) => m.astroAssets()));

const HEADLINE = '“链”上发力 </script><script>alert(1)</script> 兴产业';

useContent({
  ...staff,
  sections: [...staff.sections, section('culture', { zh: '文化', en: 'Culture' })],
  photos: [photo('hero-shot', { placeholder: true })],
  stories: [
    story('feature', 'zh', {
      title: HEADLINE,
      subtitle: '——晋中市推进专业镇建设',
      published: '2025-12-21T09:00:00+08:00',
      corrections: [{ date: '2025-12-22T08:30:00+08:00', text: '更正。' }],
      hero: 'hero-shot',
      tags: ['制造业', '专业镇'],
      authors: ['cao-wei', 'cheng-jing'],
    }),
    story('feature', 'en', { title: 'Links in the chain', published: '2025-12-21T09:00:00+08:00', hero: 'hero-shot' }),
    story('solo', 'zh', { published: '2025-12-20T09:00:00+08:00', section: 'culture' }),
    story('solo', 'en', { published: '2025-12-20T09:00:00+08:00', draft: true }),
  ],
});

type Thing = Record<string, unknown> & { '@type': string };
const pages: Record<string, { document: Document; jsonLd: Thing[] }> = {};

beforeAll(async () => {
  const container = await AstroContainer.create();
  for (const [id, locale] of [['feature', 'zh'], ['feature', 'en'], ['solo', 'zh']] as const) {
    const html = await container.renderToString(Story, { props: { id, locale } });
    const { document } = parseHTML(html);
    const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent ?? '') as Thing);
    pages[`${id}/${locale}`] = { document, jsonLd };
  }
});

const ofType = (key: string, type: string) => pages[key]!.jsonLd.find((thing) => thing['@type'] === type)!;

describe('NewsArticle', () => {
  it('describes the story with its people, section, dates in newsroom time and hero crops', () => {
    const article = ofType('feature/zh', 'NewsArticle');
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      '@id': 'https://news.test/2025/12/21/feature/',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.test/2025/12/21/feature/' },
      headline: HEADLINE,
      alternativeHeadline: '——晋中市推进专业镇建设',
      datePublished: '2025-12-21T09:00:00+08:00',
      dateModified: '2025-12-22T08:30:00+08:00',
      inLanguage: 'zh-Hans',
      articleSection: '经济',
      keywords: '制造业, 专业镇',
      author: [
        { '@type': 'Person', name: '曹伟', url: 'https://news.test/people/cao-wei/' },
        { '@type': 'Person', name: '程婧', url: 'https://news.test/people/cheng-jing/' },
      ],
      workTranslation: [{ '@type': 'NewsArticle', '@id': 'https://news.test/en/2025/12/21/feature/', inLanguage: 'en' }],
    });
    const images = article.image as { url: string; width: number; height: number }[];
    expect(images.map((image) => [image.width, image.height])).toEqual([[1200, 675], [1200, 900], [1200, 1200]]);
    expect(images.every((image) => image.url.startsWith('https://news.test/_astro/hero-shot_'))).toBe(true);
  });

  it('names the publisher in the page\'s language, one name per @id (each edition its own), with its logo', () => {
    const editions = { 'feature/zh': ['https://news.test/', 'Gazette 示范新闻', ['Gazette 示範新聞', 'Gazette Demo News']], 'feature/en': ['https://news.test/en/', 'Gazette Demo News', ['Gazette 示范新闻', 'Gazette 示範新聞']] } as const;
    for (const [key, [home, name, others]] of Object.entries(editions)) {
      expect(ofType(key, 'NewsArticle').publisher).toEqual({
        '@type': 'NewsMediaOrganization',
        '@id': `${home}#publisher`,
        name,
        alternateName: others,
        url: home,
        logo: { '@type': 'ImageObject', url: 'https://news.test/logo.png', width: 600, height: 60 },
      });
    }
  });

  it('says which story a translation translates, and a story without a published translation has none', () => {
    expect(ofType('feature/en', 'NewsArticle')).toMatchObject({ inLanguage: 'en', articleSection: 'Economy', translationOfWork: { '@id': 'https://news.test/2025/12/21/feature/', inLanguage: 'zh-Hans' } });
    const solo = ofType('solo/zh', 'NewsArticle');
    expect(solo).not.toHaveProperty('workTranslation');
  });

  it('gives a story with no hero its share card as its one image', () => {
    expect(ofType('solo/zh', 'NewsArticle').image).toEqual([
      { '@type': 'ImageObject', url: expect.stringMatching(/^https:\/\/news\.test\/cards\/solo\.png\?v=[0-9a-f]{8}$/), width: 1200, height: 630 },
    ]);
  });
});

describe('BreadcrumbList', () => {
  it('leads from the front page through the section to the story, in the page\'s language', () => {
    const crumbs = (ofType('feature/en', 'BreadcrumbList').itemListElement as { position: number; name: string; item: string }[]).map((c) => [c.position, c.name, c.item]);
    expect(crumbs).toEqual([
      [1, 'Home', 'https://news.test/en/'],
      [2, 'Economy', 'https://news.test/en/sections/economy/'],
      [3, 'Links in the chain', 'https://news.test/en/2025/12/21/feature/'],
    ]);
    expect((ofType('solo/zh', 'BreadcrumbList').itemListElement as { name: string }[])[1]!.name).toBe('文化');
  });
});

describe('the story page around it', () => {
  it('keeps a headline that looks like markup inside its script block and its h1 as text', () => {
    const { document } = pages['feature/zh']!;
    expect(document.querySelectorAll('script')).toHaveLength(2);
    expect(document.querySelector('h1')?.textContent).toBe(HEADLINE);
  });

  it('declares its language, canonical URL and hreflang only for published translations', () => {
    const zh = pages['feature/zh']!.document;
    expect(zh.documentElement.getAttribute('lang')).toBe('zh-Hans');
    expect(zh.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://news.test/2025/12/21/feature/');
    const hreflang = Object.fromEntries([...zh.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]));
    expect(hreflang).toEqual({ 'zh-Hans': 'https://news.test/2025/12/21/feature/', en: 'https://news.test/en/2025/12/21/feature/', 'x-default': 'https://news.test/2025/12/21/feature/' });
    expect(pages['feature/en']!.document.documentElement.getAttribute('lang')).toBe('en');
    expect(pages['solo/zh']!.document.querySelectorAll('link[hreflang]')).toHaveLength(0);
  });

  it('offers the 1200x630 card to social networks', () => {
    const meta = (property: string) => pages['feature/en']!.document.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
    expect(meta('og:image')).toMatch(/^https:\/\/news\.test\/_astro\/hero-shot_1200x630\.jpg$/);
    expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['1200', '630']);
    expect(meta('article:modified_time')).toBe('2025-12-21T09:00:00+08:00');
  });
});
