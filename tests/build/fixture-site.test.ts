/**
 * Builds the `basic` fixture (a bilingual story, a Chinese-only story, a draft and an
 * embargoed story) in a temp dir and checks what a reader and a crawler get.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distHas, fixtureContent, makeProject, readPage, removeProject, runBuild, textOf } from '../helpers/project.ts';
import { listDist } from '../helpers/site-checks.ts';
import { countIndexed, readSearchShards } from '../helpers/search-index.ts';

let dir: string;
let output: string;

beforeAll(() => {
  dir = makeProject(fixtureContent('basic'));
  const result = runBuild(dir);
  output = result.output;
  expect(result.status, output).toBe(0);
});
afterAll(() => removeProject(dir));

const ZH = '/2025/12/22/bilingual-story/';
const EN = '/en/2025/12/22/bilingual-story/';
const ZH_HANT = '/zh-hant/2025/12/22/bilingual-story/';

describe('story pages', () => {
  it('dates the permalink by the newsroom calendar (17:30 UTC on the 21st is the 22nd in Beijing)', () => {
    expect(distHas(dir, ZH)).toBe(true);
    expect(distHas(dir, EN)).toBe(true);
    expect(distHas(dir, '/2025/12/21/bilingual-story/')).toBe(false);
  });

  it('renders headline, subtitle, linked byline, dateline, section, hero, body and tags', () => {
    const doc = readPage(dir, ZH);
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-Hans');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(textOf(doc.querySelector('h1.headline'))).toBe('双语测试稿件');
    expect(textOf(doc.querySelector('.standfirst'))).toBe('——副题在此');
    const author = doc.querySelector('.byline a');
    expect(textOf(author)).toBe('王明');
    expect(author?.getAttribute('href')).toBe('/people/wang-ming/');
    expect(textOf(doc.querySelector('.byline'))).toBe('记者 王明');
    const times = [...doc.querySelectorAll('.dateline time')];
    expect(times.map((time) => time.getAttribute('datetime'))).toEqual(['2025-12-22T01:30:00+08:00', '2025-12-22T10:00:00+08:00']);
    expect(textOf(times[0])).toBe('2025年12月22日 01:30');
    expect(textOf(doc.querySelector('.kicker a'))).toBe('要闻');
    expect(doc.querySelector('.kicker a')?.getAttribute('href')).toBe('/sections/news/');
    expect([...doc.querySelectorAll('.tags li')].map(textOf)).toEqual(['测试', '制造业']);
    expect([...doc.querySelectorAll('.story-body h2')].map(textOf)).toEqual(['第一节']);
    expect(doc.querySelector('.story-body table td')?.textContent).toBe('祁县');
    expect([...doc.querySelectorAll('.story-body > p.lead-line')].map(textOf)).toEqual(['第一行导语；', '第二行导语……']);
    expect([...doc.querySelectorAll('.story-body > ul.key-figures > li')].map(textOf)).toEqual(['要点一；', '要点二。']);
  });

  it('puts caption and credit in every figcaption, and labels placeholders', () => {
    const zh = readPage(dir, ZH);
    const hero = zh.querySelector('.main-media');
    expect(textOf(hero?.querySelector('figcaption'))).toBe('示意图 测试头图 记者 李华 摄');
    expect(hero?.querySelector('img')?.getAttribute('alt')).toBe('一张灰色的测试图片');
    expect(hero?.querySelector('img')?.getAttribute('fetchpriority')).toBe('high');
    const inline = zh.querySelector('.story-body figure:not(.main-media)');
    expect(textOf(inline?.querySelector('figcaption'))).toBe('正文图片 新华社');
    expect(inline?.querySelector('img')?.getAttribute('loading')).toBe('lazy');
    const en = readPage(dir, EN);
    expect(textOf(en.querySelector('.main-media figcaption'))).toBe('Placeholder Test hero Photo: Li Hua');
    expect(textOf(en.querySelector('.story-body figure:not(.main-media) figcaption'))).toBe('Inline picture Xinhua');
    for (const img of [...zh.querySelectorAll('img'), ...en.querySelectorAll('img')]) {
      expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
      expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
    }
  });

  it('links translations every way, with absolute hreflang URLs and a visible switch', () => {
    const zh = readPage(dir, ZH);
    const en = readPage(dir, EN);
    const hant = readPage(dir, ZH_HANT);
    const hreflangs = (doc: Document) =>
      Object.fromEntries([...doc.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
    const expected = {
      'zh-Hans': 'https://news.example.org/2025/12/22/bilingual-story/',
      'zh-Hant': 'https://news.example.org/zh-hant/2025/12/22/bilingual-story/',
      en: 'https://news.example.org/en/2025/12/22/bilingual-story/',
      'x-default': 'https://news.example.org/2025/12/22/bilingual-story/',
    };
    expect(hreflangs(zh)).toEqual(expected);
    expect(hreflangs(en)).toEqual(expected);
    expect(hreflangs(hant)).toEqual(expected);
    expect(zh.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(expected['zh-Hans']);
    expect(en.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(expected.en);
    expect(hant.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(expected['zh-Hant']);
    // Each language in its own script, in the site's order, the page's own not linked.
    for (const doc of [zh, en, hant]) expect(textOf(doc.querySelector('.language-switch'))).toBe('简体 · 繁體 · English');
    const links = (doc: Document) => [...doc.querySelectorAll('.language-switch a')].map((a) => [a.getAttribute('href'), a.getAttribute('lang')]);
    expect(links(zh)).toEqual([[ZH_HANT, 'zh-Hant'], [EN, 'en']]);
    expect(links(en)).toEqual([[ZH, 'zh-Hans'], [ZH_HANT, 'zh-Hant']]);
    expect(links(hant)).toEqual([[ZH, 'zh-Hans'], [EN, 'en']]);
    expect(zh.querySelector('.language-switch [aria-current=page]')?.getAttribute('lang')).toBe('zh-Hans');
  });

  it('gives a story without English no English page, and links only its two Chinese editions', () => {
    expect(distHas(dir, '/2025/12/10/zh-only-story/')).toBe(true);
    expect(distHas(dir, '/en/2025/12/10/zh-only-story/')).toBe(false);
    const doc = readPage(dir, '/2025/12/10/zh-only-story/');
    expect([...doc.querySelectorAll('link[hreflang]')].map((l) => l.getAttribute('hreflang'))).toEqual(['zh-Hans', 'zh-Hant', 'x-default']);
    expect(textOf(doc.querySelector('.language-switch'))).toBe('简体 · 繁體');
    expect(textOf(doc.querySelector('.byline'))).toBe('记者 王明、李华');
  });

  it('ships no JavaScript', () => {
    for (const path of [ZH, EN, '/', '/en/']) {
      const doc = readPage(dir, path);
      expect([...doc.querySelectorAll('script')].filter((s) => s.getAttribute('type') !== 'application/ld+json')).toHaveLength(0);
    }
  });
});

describe('front pages', () => {
  it('leads with the newest story and its hero, then lists the rest with section, date and summary', () => {
    const zh = readPage(dir, '/');
    expect(zh.documentElement.getAttribute('lang')).toBe('zh-Hans');
    expect(textOf(zh.querySelector('.masthead-name'))).toContain('Gazette');
    const lead = zh.querySelector('.story-card-lead');
    expect(lead?.querySelector('.story-card-title a')?.getAttribute('href')).toBe(ZH);
    expect(lead?.querySelector('picture img')).not.toBeNull();
    const cards = [...zh.querySelectorAll('.story-list .story-card')];
    expect(cards.map((card) => card.querySelector('.story-card-title a')?.getAttribute('href'))).toEqual(['/2025/12/10/zh-only-story/']);
    expect(textOf(cards[0]?.querySelector('.story-card-summary'))).toBe('这篇稿件没有英文版。');
    expect(textOf(cards[0]?.querySelector('.kicker'))).toBe('要闻');
    expect(textOf(cards[0]?.querySelector('time'))).toBe('2025年12月10日');
    const en = readPage(dir, '/en/');
    expect(en.documentElement.getAttribute('lang')).toBe('en');
    expect(en.querySelector('.story-card-lead .story-card-title a')?.getAttribute('href')).toBe(EN);
    // The lead's hero is a placeholder: labelled on the card too, in the page's language.
    expect(textOf(zh.querySelector('.story-card-lead .story-card-media .placeholder-label'))).toBe('示意图');
    expect(textOf(en.querySelector('.story-card-lead .story-card-media .placeholder-label'))).toBe('Placeholder');
    expect(en.querySelectorAll('.story-list .story-card')).toHaveLength(0);
  });
});

describe('drafts and embargoes', () => {
  it('leaves them out of every page and drops the photos only they show', () => {
    const html = readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' });
    expect(html.some((file) => file.includes('draft-story') || file.includes('scheduled-story'))).toBe(false);
    for (const path of ['/', '/en/', '/sections/news/', '/people/wang-ming/']) {
      const text = readPage(dir, path).documentElement.outerHTML;
      expect(text).not.toContain('草稿稿件');
      expect(text).not.toContain('定时稿件');
    }
    expect(html.some((file) => file.includes('draft-only-photo'))).toBe(false);
    // A person credited only on a draft gets no page yet: it would name the draft's byline.
    expect(html.some((file) => file.includes('unpublished-writer'))).toBe(false);
    expect(distHas(dir, '/people/wang-ming/')).toBe(true);
  });
});

describe('search index', () => {
  it('holds every page marked for search, once per language, and nothing else', () => {
    // Counted from the HTML, not from the permalink shape Pagefind is told to read: a story
    // page the glob missed would be marked for search but absent from the index.
    const marked: Record<string, number> = {};
    for (const file of listDist(join(dir, 'dist')).filter((file) => file.endsWith('.html'))) {
      const doc = readPage(dir, `/${file}`);
      if (!doc.querySelector('[data-pagefind-body]')) continue;
      const lang = doc.documentElement.getAttribute('lang')!.toLowerCase();
      marked[lang] = (marked[lang] ?? 0) + 1;
    }
    expect(marked).toEqual({ 'zh-hans': 2, 'zh-hant': 2, en: 1 });
    const shards = readSearchShards(join(dir, 'dist'));
    expect(countIndexed(shards)).toEqual(marked);
    // One language a bundle: Pagefind would answer a search with another language's index when
    // a bundle lacks the page's own. Every bundle is named by its language's search page.
    expect(shards.map((shard) => [shard.path, Object.keys(shard.languages)])).toEqual([
      ['/pagefind/en/', ['en']],
      ['/pagefind/zh/', ['zh-hans']],
      ['/pagefind/zh-hant/', ['zh-hant']],
    ]);
    for (const [page, bundle] of [['/search/', '/pagefind/zh/'], ['/en/search/', '/pagefind/en/'], ['/zh-hant/search/', '/pagefind/zh-hant/']] as const) {
      expect(readPage(dir, page).querySelector('#search')!.getAttribute('data-bundle'), page).toBe(bundle);
    }
    expect(output).toMatch(/^search index: (?=.*\b1 en\b)(?=.*\b2 zh\b)(?=.*\b2 zh-hant\b).*page\(s\); 3 language\(s\) indexed, 0 unchanged$/m);
  });

  it('files each story under its section and month, with its thumbnail, in the page language', () => {
    const shards = readSearchShards(join(dir, 'dist'));
    const fragments = shards.flatMap((shard) => shard.fragments);
    const zh = fragments.find((fragment) => fragment.url === ZH)!;
    const en = fragments.find((fragment) => fragment.url === EN)!;
    expect(zh.filters).toEqual({ 栏目: ['要闻'], 月份: ['2025-12'] });
    expect(en.filters).toEqual({ Section: ['News'], Month: ['2025-12'] });
    expect(zh.meta).toMatchObject({ title: '双语测试稿件', image_alt: '一张灰色的测试图片' });
    expect(zh.meta.image).toMatch(/^\/_astro\/.+\.jpg$/);
    // The date sort is listed in each language's metadata file (binary; its key is plain text).
    for (const meta of shards.flatMap((shard) => shard.metas)) expect(meta).toContain('date');
  });
});

describe('drafts and embargoes, whatever the environment says', () => {
  it('leaks nothing when a stray NODE_ENV=development is set for a production build', () => {
    const other = makeProject(fixtureContent('basic'));
    try {
      const result = runBuild(other, { NODE_ENV: 'development', DEV: 'true' });
      expect(result.status, result.output).toBe(0);
      expect(distHas(other, '/2025/12/01/draft-story/')).toBe(false);
      expect(distHas(other, '/2030/01/01/scheduled-story/')).toBe(false);
      expect(readPage(other, '/').documentElement.outerHTML).not.toContain('草稿稿件');
    } finally {
      removeProject(other);
    }
  });
});

describe('archive pages', () => {
  it('lists a person’s and a section’s stories in each language', () => {
    const person = readPage(dir, '/people/li-hua/');
    expect(textOf(person.querySelector('h1'))).toBe('李华的报道');
    expect([...person.querySelectorAll('.story-card-title a')].map((a) => a.getAttribute('href'))).toEqual(['/2025/12/10/zh-only-story/']);
    const section = readPage(dir, '/en/sections/news/');
    expect([...section.querySelectorAll('.story-card-title a')].map((a) => a.getAttribute('href'))).toEqual([EN]);
  });
});
