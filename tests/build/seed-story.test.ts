/**
 * The real site: the seed story published word for word, in order, with a complete
 * English version. Builds the checked-in content/ in a temp dir.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { distHas, readPage, repoRoot, SEED_NOW, textOf, useBuiltSite } from '../helpers/project.ts';
import { checkHreflang, findBrokenLinks } from '../helpers/site-checks.ts';

const SOURCE_NAME = 'lianshang-fali-zhenxing-chanye.zh.txt';
const COPY = join(repoRoot, 'tests/fixtures/seed-source', SOURCE_NAME);
const SHARED = join(repoRoot, '../shared/stories', SOURCE_NAME);
const ZH = '/2025/12/22/lianshang-fali-zhenxing-chanye/';
const EN = '/en/2025/12/22/lianshang-fali-zhenxing-chanye/';
const ZH_HANT = '/zh-hant/2025/12/22/lianshang-fali-zhenxing-chanye/';

const sourceLines = readFileSync(COPY, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
const [title, subtitle, byline, ...rest] = sourceLines;
// Photo captions in the source end with the photographer credit "记者 … 摄".
const isCaption = (line: string) => /记者 \S+ 摄$/.test(line);
const bodyLines = rest.filter((line) => !isCaption(line));
const captionLines = rest.filter(isCaption);

/** Text blocks of a story body in reading order, leaving out figures and the story's header. */
function bodyBlocks(doc: Document): string[] {
  return [...doc.querySelectorAll('.story-body h2, .story-body p, .story-body li')]
    .filter((node) => !node.closest('figure, .story-head'))
    .map((node) => textOf(node));
}

const site = useBuiltSite(undefined, { GAZETTE_NOW: SEED_NOW });

describe('the seed story, in Chinese', () => {
  it('has a test copy identical to the source in shared/', () => {
    if (existsSync(SHARED)) expect(readFileSync(COPY, 'utf8')).toBe(readFileSync(SHARED, 'utf8'));
    expect(sourceLines.length).toBeGreaterThan(30);
  });

  it('renders headline, subtitle and byline as written', () => {
    const doc = readPage(site(), ZH);
    expect(textOf(doc.querySelector('h1'))).toBe(title);
    expect(textOf(doc.querySelector('.standfirst'))).toBe(subtitle);
    expect(textOf(doc.querySelector('.byline'))).toBe(byline);
  });

  it('renders every paragraph of the source, word for word, in order, and nothing else', () => {
    expect(bodyBlocks(readPage(site(), ZH))).toEqual(bodyLines);
  });

  it('keeps each photo’s real caption and credit, in source order, hero first', () => {
    const doc = readPage(site(), ZH);
    const captions = [...doc.querySelectorAll('figure figcaption')].map((node) =>
      textOf(node).replace(/^示意图/, '').trim(),
    );
    expect(captions).toEqual(captionLines);
    expect(doc.querySelectorAll('.placeholder-label')).toHaveLength(3);
  });
});

describe('the seed story, in English', () => {
  it('is complete: every block of the Chinese has its English counterpart', () => {
    const zh = bodyBlocks(readPage(site(), ZH));
    const doc = readPage(site(), EN);
    const en = bodyBlocks(doc);
    expect(en).toHaveLength(zh.length);
    for (const block of en) {
      expect(block.length).toBeGreaterThan(10);
      expect(block).not.toMatch(/[\u3400-\u9fff]/);
    }
    const structure = (d: Document) => [...d.querySelectorAll('.story-body > *')].map((n) => n.tagName + (n.className ? `.${n.className}` : ''));
    expect(structure(doc)).toEqual(structure(readPage(site(), ZH)));
    expect(textOf(doc.querySelector('.byline'))).toBe('By Yan Shujuan');
    expect([...doc.querySelectorAll('figcaption .credit')].map(textOf)).toEqual(['Photo: Cao Wei', 'Photo: Cheng Jing', 'Photo: Cheng Jing']);
  });
});

describe('the site around it', () => {
  it('links the three versions with reciprocal hreflang', () => {
    const zh = readPage(site(), ZH);
    const en = readPage(site(), EN);
    const hant = readPage(site(), ZH_HANT);
    const alt = (doc: Document, lang: string) => doc.querySelector(`link[rel=alternate][hreflang="${lang}"]`)?.getAttribute('href');
    expect(alt(zh, 'en')).toBe(en.querySelector('link[rel=canonical]')?.getAttribute('href'));
    expect(alt(en, 'zh-Hans')).toBe(zh.querySelector('link[rel=canonical]')?.getAttribute('href'));
    expect(alt(zh, 'zh-Hant')).toBe(hant.querySelector('link[rel=canonical]')?.getAttribute('href'));
    expect(alt(zh, 'x-default')).toBe(alt(en, 'x-default'));
    expect(alt(hant, 'x-default')).toBe(alt(en, 'x-default'));
  });

  it('has both front pages leading with the story', () => {
    expect(distHas(site(), '/')).toBe(true);
    expect(distHas(site(), '/en/')).toBe(true);
    expect(readPage(site(), '/').querySelector('.story-card-lead a')?.getAttribute('href')).toBe(ZH);
    expect(readPage(site(), '/en/').querySelector('.story-card-lead a')?.getAttribute('href')).toBe(EN);
  });

  it('fits HTML and CSS of each story page in the first round trip (14 KB gzipped)', () => {
    for (const path of [ZH, ZH_HANT, EN]) {
      const html = readFileSync(join(site(), 'dist', path, 'index.html'));
      // CSS is inlined, so the page's HTML is all of its HTML and CSS.
      expect(html.toString()).not.toMatch(/<link[^>]+rel="stylesheet"/);
      expect(gzipSync(html, { level: 9 }).length).toBeLessThanOrEqual(14 * 1024);
    }
  });

  it('has no broken internal link or asset URL, and reciprocal hreflang everywhere', () => {
    expect(findBrokenLinks(join(site(), 'dist'), 'https://news.example.org')).toEqual([]);
    const { problems, checked } = checkHreflang(join(site(), 'dist'));
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it('describes both versions to crawlers: JSON-LD, sitemap, news sitemap window, feeds', () => {
    for (const [path, lang] of [[ZH, 'zh-Hans'], [ZH_HANT, 'zh-Hant'], [EN, 'en']] as const) {
      const [article] = [...readPage(site(), path).querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? ''));
      expect(article).toMatchObject({ '@type': 'NewsArticle', inLanguage: lang, datePublished: '2025-12-22T08:00:00+08:00' });
      expect(article.image).toHaveLength(3);
    }
    const sitemap = readFileSync(join(site(), 'dist/sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>https://news.example.org${ZH}</loc>`);
    expect(sitemap).toContain(`<loc>https://news.example.org${EN}</loc>`);
    // GAZETTE_NOW is 2026-01-01 here, ten days after publication: outside the 48-hour window.
    expect(readFileSync(join(site(), 'dist/news-sitemap.xml'), 'utf8')).not.toContain('<url>');
    expect(readFileSync(join(site(), 'dist/rss.xml'), 'utf8')).toContain('征程万里，步履不停。');
    expect(readFileSync(join(site(), 'dist/en/atom.xml'), 'utf8')).toContain(`https://news.example.org${EN}`);
  });

  it('never ships an original full-size photo', () => {
    const doc = readPage(site(), ZH);
    for (const img of doc.querySelectorAll('img')) {
      expect(Number(img.getAttribute('width'))).toBeLessThanOrEqual(1200);
    }
  });
});
