/**
 * Newsroom components rendered through Astro's container, one container for the file, and read
 * back with a DOM parser. Assertions hold to what a reader and a crawler get (text, credit, time
 * with its ISO datetime, language, escaping), not to class names or whitespace.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import Byline from '../../src/components/Byline.astro';
import Caption from '../../src/components/Caption.astro';
import Corrections from '../../src/components/Corrections.astro';
import Credit from '../../src/components/Credit.astro';
import Dateline from '../../src/components/Dateline.astro';
import Figure from '../../src/components/Figure.astro';
import Headline from '../../src/components/Headline.astro';
import JsonLd from '../../src/components/JsonLd.astro';
import LanguageSwitch from '../../src/components/LanguageSwitch.astro';
import Standfirst from '../../src/components/Standfirst.astro';
import StoryBody from '../../src/components/StoryBody.astro';
import StoryCard from '../../src/components/StoryCard.astro';
import Tags from '../../src/components/Tags.astro';
import Search from '../../src/layouts/Search.astro';
import { toBodyHtml } from '../../src/site/story-body.ts';
import { image, photo, staff, useContent } from '../helpers/mock-content.ts';

vi.mock('astro:content', () => import('../helpers/mock-content.ts').then((m) => m.astroContent()));
vi.mock('astro:assets', () => import('../helpers/mock-content.ts').then((m) => m.astroAssets()));

const SCRIPT = '<script>alert(1)</script>';
useContent({ ...staff, photos: [photo('kiln', { photographer: 'cheng-jing', caption: { zh: `窑炉${SCRIPT}`, en: 'A kiln' } })] });

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

async function render(component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>, locals: Record<string, unknown> = {}) {
  const html = await container.renderToString(component, { props, locals });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { html, document, body: document.body };
}
const text = (node: { textContent: string | null } | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('Caption and Credit', () => {
  it('shows the caption with its credit in a figcaption', async () => {
    const { body } = await render(Caption, { text: '太重集团生产车间', credit: '记者 曹伟 摄' });
    const caption = body.querySelector('figcaption');
    expect(text(caption)).toContain('太重集团生产车间');
    expect(text(caption)).toContain('记者 曹伟 摄');
    // Caption and credit are read as two phrases, not one run-together word.
    expect(text(caption)).not.toContain('车间记者');
  });

  it('labels a placeholder before the caption', async () => {
    const { body } = await render(Caption, { text: '玻璃器皿', credit: '新华社', placeholderLabel: '示意图' });
    const caption = text(body.querySelector('figcaption'));
    expect(caption).toContain('示意图');
    expect(caption.indexOf('示意图')).toBeLessThan(caption.indexOf('玻璃器皿'));
    expect(caption).toContain('新华社');
  });

  it('keeps markup in a caption or credit as text', async () => {
    const { body, html } = await render(Caption, { text: `说明${SCRIPT}`, credit: `<b>新华社</b>` });
    expect(body.querySelectorAll('script, b')).toHaveLength(0);
    expect(text(body.querySelector('figcaption'))).toContain(`说明${SCRIPT}`);
    expect(text(body.querySelector('figcaption'))).toContain('<b>新华社</b>');
    expect(html).not.toContain('<script>');
  });

  it('renders nothing for a blank caption and credit, and a credit alone', async () => {
    expect((await render(Caption, { text: '  ', credit: '' })).html.trim()).toBe('');
    const creditOnly = await render(Caption, { credit: 'Xinhua' });
    expect(text(creditOnly.body.querySelector('figcaption'))).toBe('Xinhua');
    expect((await render(Credit, {})).html.trim()).toBe('');
    expect(text((await render(Credit, { text: 'Photo: Cao Wei' })).body)).toBe('Photo: Cao Wei');
  });
});

describe('Byline', () => {
  const people = [
    { name: '曹伟', href: '/people/cao-wei/' },
    { name: '程婧', href: '/people/cheng-jing/' },
  ];

  it('lists the reporters in the language\'s template, each linked as the author', async () => {
    const zh = await render(Byline, { locale: 'zh', people });
    expect(text(zh.body)).toBe('记者 曹伟、程婧');
    expect([...zh.body.querySelectorAll('a[rel~="author"]')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['曹伟', '/people/cao-wei/'],
      ['程婧', '/people/cheng-jing/'],
    ]);
    const en = await render(Byline, { locale: 'en', people: [{ name: 'Cao Wei', href: '/en/people/cao-wei/' }, { name: 'Cheng Jing', href: '/en/people/cheng-jing/' }] });
    expect(text(en.body)).toBe('By Cao Wei, Cheng Jing');
  });

  it('escapes a name', async () => {
    const { body } = await render(Byline, { locale: 'en', people: [{ name: `Eve${SCRIPT}`, href: '/en/people/eve/' }] });
    expect(body.querySelectorAll('script')).toHaveLength(0);
    expect(text(body.querySelector('a'))).toBe(`Eve${SCRIPT}`);
  });
});

describe('Dateline', () => {
  it('gives the time in newsroom time, machine-readable and in the language\'s words', async () => {
    // 17:30 UTC on the 21st is 01:30 on the 22nd in Beijing.
    const zh = await render(Dateline, { locale: 'zh', published: new Date('2025-12-21T17:30:00Z') });
    const times = [...zh.body.querySelectorAll('time')];
    expect(times.map((time) => time.getAttribute('datetime'))).toEqual(['2025-12-22T01:30:00+08:00']);
    expect(text(times[0])).toContain('2025年12月22日');
    expect(text(times[0])).toContain('01:30');
    expect(text(zh.body)).toContain('发布');
  });

  it('adds the update time when there is one', async () => {
    const en = await render(Dateline, { locale: 'en', published: new Date('2025-12-22T00:00:00Z'), updated: new Date('2025-12-23T02:00:00Z') });
    const times = [...en.body.querySelectorAll('time')];
    expect(times.map((time) => time.getAttribute('datetime'))).toEqual(['2025-12-22T08:00:00+08:00', '2025-12-23T10:00:00+08:00']);
    expect(text(times[1])).toContain('23 December 2025');
    expect(text(en.body)).toMatch(/Published.*Updated/);
  });
});

describe('Corrections', () => {
  it('dates each correction and keeps its text as text', async () => {
    const { body } = await render(Corrections, {
      locale: 'zh',
      corrections: [
        { date: new Date('2025-12-23T02:00:00Z'), text: '第三段年份应为2024年。' },
        { date: new Date('2025-12-24T02:00:00Z'), text: `引语有误${SCRIPT}` },
      ],
    });
    expect(text(body.querySelector('h2'))).toBe('更正说明');
    const items = [...body.querySelectorAll('li')];
    expect(items.map((item) => item.querySelector('time')?.getAttribute('datetime'))).toEqual(['2025-12-23T10:00:00+08:00', '2025-12-24T10:00:00+08:00']);
    expect(text(items[0])).toContain('第三段年份应为2024年。');
    expect(text(items[1])).toContain(`引语有误${SCRIPT}`);
    expect(body.querySelectorAll('script')).toHaveLength(0);
  });

  it('renders nothing without corrections', async () => {
    expect((await render(Corrections, { locale: 'en', corrections: [] })).html.trim()).toBe('');
  });
});

describe('Figure', () => {
  const props = { image: image('workshop', 3000, 2000), alt: '车间内景', caption: `车间${SCRIPT}`, credit: '记者 曹伟 摄', sizes: '100vw' };

  it('shows the picture with its alt text, dimensions, caption and credit', async () => {
    const { body } = await render(Figure, props);
    const figure = body.querySelector('figure')!;
    const img = figure.querySelector('img')!;
    expect(img.getAttribute('alt')).toBe('车间内景');
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['1200', '800']);
    expect(img.getAttribute('loading')).toBe('lazy');
    expect([...figure.querySelectorAll('source')].map((source) => source.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    expect(text(figure.querySelector('figcaption'))).toContain(`车间${SCRIPT}`);
    expect(text(figure.querySelector('figcaption'))).toContain('记者 曹伟 摄');
    expect(figure.querySelectorAll('script')).toHaveLength(0);
  });

  it('loads the hero first', async () => {
    const img = (await render(Figure, { ...props, eager: true })).body.querySelector('img')!;
    expect(img.getAttribute('loading')).toBe('eager');
    expect(img.getAttribute('fetchpriority')).toBe('high');
  });
});

describe('StoryBody', () => {
  it('puts each <Photo> of the body in place, captioned in the story\'s language', async () => {
    const html = toBodyHtml('第一段。\n\n<Photo id="kiln" />\n\n写作 \\<script> 的是文字。');
    const zh = (await render(StoryBody, { html }, { gazetteLocale: 'zh' })).body;
    expect([...zh.children].map((child) => child.tagName.toLowerCase())).toEqual(['p', 'figure', 'p']);
    expect(text(zh.querySelector('figcaption'))).toContain(`窑炉${SCRIPT}`);
    expect(text(zh.querySelector('figcaption'))).toContain('记者 程婧 摄');
    expect(text(zh.lastElementChild)).toBe('写作 <script> 的是文字。');
    expect(zh.querySelectorAll('script')).toHaveLength(0);
    const en = (await render(StoryBody, { html }, { gazetteLocale: 'en' })).body;
    expect(text(en.querySelector('figcaption'))).toContain('A kiln');
    expect(text(en.querySelector('figcaption'))).toContain('Photo: Cheng Jing');
  });
});

describe('small elements', () => {
  it('gives the page one h1 and a standfirst only when there is a subtitle', async () => {
    expect(text((await render(Headline, { text: `标题${SCRIPT}` })).body.querySelector('h1'))).toBe(`标题${SCRIPT}`);
    expect(text((await render(Standfirst, { text: '——副题' })).body)).toBe('——副题');
    expect((await render(Standfirst, {})).html.trim()).toBe('');
  });

  it('links each tag as a tag, under a heading in the page\'s language', async () => {
    const { body } = await render(Tags, { locale: 'en', tags: [{ name: 'Manufacturing', href: '/en/tags/manufacturing/' }, { name: 'Towns', href: '/en/tags/towns/' }] });
    expect(text(body.querySelector('h2'))).toBe('Tags');
    expect([...body.querySelectorAll('a[rel~="tag"]')].map((a) => a.textContent)).toEqual(['Manufacturing', 'Towns']);
    expect((await render(Tags, { locale: 'en', tags: [] })).html.trim()).toBe('');
  });

  it('names each other language in that language, marked with its lang', async () => {
    const { body } = await render(LanguageSwitch, { locale: 'zh', links: [{ locale: 'en', href: '/en/2025/12/22/story/' }, { locale: 'zh-hant', href: '/zh-hant/2025/12/22/story/' }] });
    // Every language in its own script, in the site's order, the page's own unlinked.
    expect(text(body.querySelector('nav'))).toBe('简体 · 繁體 · English');
    expect(body.querySelector('span')?.getAttribute('aria-current')).toBe('page');
    const [hant, link] = [...body.querySelectorAll('a')];
    expect([link!.getAttribute('lang'), link!.getAttribute('hreflang'), link!.getAttribute('href'), link!.getAttribute('title')]).toEqual(['en', 'en', '/en/2025/12/22/story/', 'Read in English']);
    expect([hant!.getAttribute('lang'), hant!.getAttribute('href'), text(hant)]).toEqual(['zh-Hant', '/zh-hant/2025/12/22/story/', '繁體']);
    expect(body.querySelector('nav')?.getAttribute('aria-label')).toBe('语言');
    expect((await render(LanguageSwitch, { locale: 'zh', links: [] })).html.trim()).toBe('');
  });

  it('dates a story card and labels a placeholder thumbnail', async () => {
    const { body } = await render(StoryCard, {
      locale: 'en',
      href: '/en/2025/12/22/story/',
      title: 'A & B',
      summary: 'Summary',
      published: new Date('2025-12-21T17:30:00Z'),
      thumbnail: { image: image('thumb', 1600, 1000), alt: 'x', placeholderLabel: 'Placeholder' },
    });
    expect(body.querySelector('time')?.getAttribute('datetime')).toBe('2025-12-22T01:30:00+08:00');
    expect(text(body.querySelector('time'))).toBe('22 December 2025');
    expect(text(body.querySelector('h3 a'))).toBe('A & B');
    expect(text(body)).toContain('Placeholder');
  });

  it('keeps a JSON-LD block closed whatever its text says', async () => {
    const data = { '@type': 'NewsArticle', headline: `标题</script>${SCRIPT}&` };
    const { body } = await render(JsonLd, { data });
    const scripts = body.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('type')).toBe('application/ld+json');
    expect(JSON.parse(scripts[0]!.textContent ?? '')).toEqual(data);
  });
});

describe('Search page of a language with no stories', () => {
  it('says there is nothing to search yet, and neither loads a script nor says search needs one', async () => {
    const html = await container.renderToString(Search, { props: { locale: 'en' } });
    const { document } = parseHTML(html);
    expect(text(document.querySelector('main'))).toContain('No stories yet');
    expect(document.querySelectorAll('script[src]')).toHaveLength(0);
    expect(document.querySelector('noscript')).toBeNull();
    expect(document.querySelector('#search, #search-status')).toBeNull();
  });
});
