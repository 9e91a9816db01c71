/**
 * The end of a story page: related stories (deterministic, same language, published only) and
 * the share section (a QR code that scans to the story's address, share links that carry it,
 * no script), and the share card of a story with no hero. Builds the basic fixture twice, in two
 * fresh projects.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fixtureContent, readPage, textOf, useBuiltSite } from '../helpers/project.ts';

const ZH = '/2025/12/22/bilingual-story/';
const EN = '/en/2025/12/22/bilingual-story/';
const ZH_ONLY = '/2025/12/10/zh-only-story/';
const STORIES = [ZH, EN, ZH_ONLY];

const first = useBuiltSite(fixtureContent('basic'));
const second = useBuiltSite(fixtureContent('basic'));

const html = (dir: string, path: string) => readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8');
const canonical = (doc: Document) => doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? '';
const meta = (doc: Document, property: string) => doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content');
const articleOf = (doc: Document) =>
  [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? '') as { '@type': string; image?: { url: string; width: number; height: number }[] }).find((d) => d['@type'] === 'NewsArticle');
const relatedHrefs = (doc: Document) => [...doc.querySelectorAll('.related a')].map((a) => a.getAttribute('href'));

/** The page's inline QR code, as the browser draws it: rendered to pixels, then read back. */
async function decodeQr(page: string): Promise<string | undefined> {
  const svg = page.match(/<svg class="share-qr"[\s\S]*?<\/svg>/)?.[0];
  expect(svg, 'no QR code on the page').toBeDefined();
  // An inline SVG is in the SVG namespace implicitly; as a file of its own it needs saying.
  const file = svg!.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ');
  const { data, info } = await sharp(Buffer.from(file)).resize(400).flatten({ background: '#fff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data;
}

describe('related stories', () => {
  it('are the same on every build of the same content', () => {
    for (const path of STORIES) expect(html(second(), path)).toBe(html(first(), path));
  });

  it('link published stories of the page’s language only, never the story itself', () => {
    expect(relatedHrefs(readPage(first(), ZH))).toEqual([ZH_ONLY]);
    expect(relatedHrefs(readPage(first(), ZH_ONLY))).toEqual([ZH]);
    // The only other English story is its own translation: nothing to list, no empty heading.
    expect(readPage(first(), EN).querySelector('.related')).toBeNull();
    for (const path of STORIES) {
      const links = relatedHrefs(readPage(first(), path)).join(' ');
      expect(links).not.toMatch(/draft-story|scheduled-story/);
      if (!path.startsWith('/en/')) expect(links).not.toMatch(/^\/en\/| \/en\//);
    }
  });

  it('show each headline and date under a heading in the page’s language', () => {
    const doc = readPage(first(), ZH_ONLY);
    const related = doc.querySelector('.related');
    expect(textOf(related?.querySelector('h2'))).toBe('相关报道');
    const item = related?.querySelector('li');
    expect(textOf(item?.querySelector('a'))).toBe('双语测试稿件');
    expect(item?.querySelector('time')?.getAttribute('datetime')).toBe('2025-12-22T01:30:00+08:00');
  });
});

describe('the share section', () => {
  it('has a QR code that scans to the story’s permalink, captioned for sighted readers and silent for screen readers', async () => {
    for (const path of STORIES) {
      const doc = readPage(first(), path);
      expect(await decodeQr(html(first(), path))).toBe(canonical(doc));
      const qr = doc.querySelector('.share-qr');
      expect(qr?.getAttribute('aria-hidden')).toBe('true');
      expect(textOf(doc.querySelector('.share-text p'))).toBe(path.startsWith('/en/') ? 'Scan with WeChat to read this story' : '微信扫码阅读本文');
    }
  });

  it('shows the permalink as text and carries it, encoded, in the email and network links', () => {
    for (const path of STORIES) {
      const doc = readPage(first(), path);
      const url = canonical(doc);
      const title = textOf(doc.querySelector('h1'));
      expect(url).toMatch(/^https:\/\/news\.example\.org\//);
      expect(textOf(doc.querySelector('.share .share-url'))).toBe(url);
      const hrefs = [...doc.querySelectorAll('.share a')].map((a) => a.getAttribute('href') ?? '');
      const mail = new URL(hrefs[0]!);
      expect(mail.protocol).toBe('mailto:');
      expect(new URLSearchParams(mail.search).get('subject')).toBe(title);
      expect(new URLSearchParams(mail.search).get('body')).toBe(url);
      const networks = hrefs.slice(1).map((href) => new URL(href));
      expect(networks.map((network) => network.hostname)).toEqual(path.startsWith('/en/') ? ['x.com', 'www.linkedin.com'] : ['service.weibo.com']);
      for (const network of networks) expect(network.searchParams.get('url')).toBe(url);
      for (const href of hrefs) expect(href).toContain(encodeURIComponent(url));
    }
  });

  it('adds no script: the page runs none, its only script elements are JSON-LD data', () => {
    for (const path of STORIES) {
      const doc = readPage(first(), path);
      const types = [...doc.querySelectorAll('script')].map((s) => s.getAttribute('type'));
      expect(types.filter((type) => type !== 'application/ld+json')).toEqual([]);
      expect(html(first(), path)).not.toMatch(/\son[a-z]+=/i);
    }
  });
});

describe('the share card of a story with no hero', () => {
  const CARD = '/cards/zh-only-story.png';

  it('is a 1200x630 PNG in dist/, named by og:image, twitter:image and the JSON-LD image', async () => {
    const doc = readPage(first(), ZH_ONLY);
    const url = meta(doc, 'og:image');
    // The card's address, with a version that changes when the card does.
    expect(url).toMatch(new RegExp(`^https://news\\.example\\.org${CARD}\\?v=[0-9a-f]{8}$`));
    expect([meta(doc, 'og:image:width'), meta(doc, 'og:image:height')]).toEqual(['1200', '630']);
    expect(meta(doc, 'og:image:alt')).toBe(textOf(doc.querySelector('h1')));
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    expect(meta(doc, 'twitter:image')).toBe(url);
    expect(articleOf(doc)?.image).toEqual([{ '@type': 'ImageObject', url, width: 1200, height: 630 }]);
    const png = await sharp(readFileSync(join(first(), 'dist', CARD))).metadata();
    expect([png.format, png.width, png.height]).toEqual(['png', 1200, 630]);
  });

  it('is drawn only for stories without a hero: one with a hero shares its photo’s crop', () => {
    for (const path of [ZH, EN]) {
      const doc = readPage(first(), path);
      expect(meta(doc, 'og:image')).toMatch(/\/_astro\/.+\.jpg$/);
      expect(articleOf(doc)?.image?.map((image) => image.url).join(' ')).not.toContain('/cards/');
    }
    expect(readdirSync(join(first(), 'dist/cards'))).toEqual(['zh-only-story.png']);
    expect(existsSync(join(first(), 'dist/en/cards'))).toBe(false);
  });

  it('is the same bytes on every build of the same content', () => {
    expect(readFileSync(join(second(), 'dist', CARD)).equals(readFileSync(join(first(), 'dist', CARD)))).toBe(true);
  });
});
