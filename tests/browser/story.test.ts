/**
 * The real site in a real browser, on a phone and on a laptop: the seed story in all three
 * editions (简体, 繁體, English), both authored languages' front pages, a section archive and a photographer's page. Builds content/ once in a temp dir, serves its dist/
 * on 127.0.0.1 and drives Debian's Chromium. Full-page screenshots go to
 * tests/artifacts/screenshots/<viewport>-<page>[-dark].png.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  formatViolations,
  imageSizeProblems,
  inspectImages,
  luminance,
  newContext,
  recordForeignRequests,
  runAxe,
  screenshot,
  scrollThrough,
  VIEWPORTS,
  type Viewport,
} from '../helpers/browser.ts';
import { useBrowserSite } from '../helpers/browser-site.ts';
import { makeProject, SEED_NOW } from '../helpers/project.ts';

const ZH = '/2025/12/22/lianshang-fali-zhenxing-chanye/';
const EN = '/en/2025/12/22/lianshang-fali-zhenxing-chanye/';
const ZH_HANT = '/zh-hant/2025/12/22/lianshang-fali-zhenxing-chanye/';

interface SitePage {
  name: string;
  path: string;
  lang: string;
  /** Where the language switch leads, and that page's <html lang>. */
  translation: { path: string; lang: string };
}

const PAGES: SitePage[] = [
  { name: 'story-zh', path: ZH, lang: 'zh-Hans', translation: { path: EN, lang: 'en' } },
  { name: 'story-en', path: EN, lang: 'en', translation: { path: ZH, lang: 'zh-Hans' } },
  // Generated at build time from the Simplified files: the same checks, no script of its own.
  { name: 'story-zh-hant', path: ZH_HANT, lang: 'zh-Hant', translation: { path: ZH, lang: 'zh-Hans' } },
  { name: 'front-zh', path: '/', lang: 'zh-Hans', translation: { path: '/zh-hant/', lang: 'zh-Hant' } },
  { name: 'front-en', path: '/en/', lang: 'en', translation: { path: '/', lang: 'zh-Hans' } },
  // An archive: its story headlines sit one level under its h1 (axe's heading-order).
  { name: 'section-zh', path: '/sections/economy/', lang: 'zh-Hans', translation: { path: '/en/sections/economy/', lang: 'en' } },
  // A photographer's page: the photo grid's `sizes`.
  { name: 'person-en', path: '/en/people/cao-wei/', lang: 'en', translation: { path: '/people/cao-wei/', lang: 'zh-Hans' } },
];

const site = useBrowserSite(() => makeProject(), { GAZETTE_NOW: SEED_NOW });

interface Visit {
  page: Page;
  context: BrowserContext;
  /** Requests to any origin but the local server's, from the moment the context opened. */
  foreign: string[];
}

/** Opens `path` in a fresh context (its own cache) at `viewport`. */
async function visit(viewport: Viewport, path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Visit> {
  const context = await newContext(site.browser, viewport, colorScheme);
  site.contexts.push(context);
  const foreign = recordForeignRequests(context, site.server.url);
  const page = await context.newPage();
  const response = await page.goto(site.server.url + path, { waitUntil: 'load' });
  expect(response?.status(), `${path} status`).toBe(200);
  return { page, context, foreign };
}

async function done({ context }: Visit): Promise<void> {
  await context.close();
}

/** Page width against the screen, naming the outermost elements that stick out on the right. */
function measureOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .filter((el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 0.5))
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });
}

describe.each(VIEWPORTS)('at $width×$height ($name)', (viewport) => {
  describe.each(PAGES)('$name ($path)', (sitePage) => {
    const shot = `${viewport.name}-${sitePage.name}`;

    it('fits the screen: no horizontal scrolling', async () => {
      const v = await visit(viewport, sitePage.path);
      await scrollThrough(v.page);
      const layout = await measureOverflow(v.page);
      await screenshot(v.page, shot);
      expect(layout.scrollWidth, `wider than the ${layout.clientWidth}px screen: ${layout.culprits.join(', ')}`).toBeLessThanOrEqual(layout.clientWidth);
      await done(v);
    });

    it('loads every image, each at a size that suits its slot', async () => {
      const v = await visit(viewport, sitePage.path);
      await scrollThrough(v.page);
      const images = await inspectImages(v.page);
      expect(images.length, 'images on the page').toBeGreaterThan(0);
      const problems = images.flatMap(imageSizeProblems);
      expect(problems, problems.join('\n')).toEqual([]);
      await done(v);
    });

    it('switches to the translated page with the language switch', async () => {
      const v = await visit(viewport, sitePage.path);
      expect(await v.page.evaluate(() => document.documentElement.lang)).toBe(sitePage.lang);
      // The other two editions are links, each named in its own script.
      expect(await v.page.locator('.language-switch a').count()).toBe(2);
      expect((await v.page.locator('.language-switch').innerText()).replace(/\s+/g, ' ')).toBe('简体 · 繁體 · English');
      const link = v.page.locator(`.language-switch a[hreflang="${sitePage.translation.lang}"]`);
      await Promise.all([v.page.waitForURL(site.server.url + sitePage.translation.path), link.click()]);
      expect(new URL(v.page.url()).pathname).toBe(sitePage.translation.path);
      expect(await v.page.evaluate(() => document.documentElement.lang)).toBe(sitePage.translation.lang);
      await done(v);
    });

    it.each(['light', 'dark'] as const)('has no axe violations (WCAG 2.2 AA + best practices) in %s mode', async (scheme) => {
      const v = await visit(viewport, sitePage.path, scheme);
      await scrollThrough(v.page);
      const violations = await runAxe(v.page);
      expect(violations, `axe violations on ${sitePage.path} (${viewport.name}, ${scheme}):\n${formatViolations(violations)}`).toEqual([]);
      await done(v);
    });

    it('turns dark when the reader’s system is dark', async () => {
      const v = await visit(viewport, sitePage.path);
      const colours = () =>
        v.page.evaluate(() => {
          const style = getComputedStyle(document.body);
          return { background: style.backgroundColor, text: style.color };
        });
      const light = await colours();
      expect(luminance(light.background), `light background ${light.background}`).toBeGreaterThan(0.8);
      await v.page.emulateMedia({ colorScheme: 'dark' });
      const dark = await colours();
      expect(luminance(dark.background), `dark background ${dark.background}`).toBeLessThan(0.2);
      expect(luminance(dark.text), `dark-mode text ${dark.text}`).toBeGreaterThan(0.5);
      await scrollThrough(v.page);
      await screenshot(v.page, `${shot}-dark`);
      await done(v);
    });

    it('requests nothing from any other origin', async () => {
      const v = await visit(viewport, sitePage.path);
      await scrollThrough(v.page);
      await v.page.emulateMedia({ colorScheme: 'dark' });
      await scrollThrough(v.page);
      expect(v.foreign, v.foreign.join('\n')).toEqual([]);
      await done(v);
    });
  });
});

describe('keyboard', () => {
  const desktop = VIEWPORTS.find((v) => v.name === 'desktop')!;

  it.each(PAGES)('$name: the first Tab focuses a visible skip link that moves focus to #content', async ({ path }) => {
    const v = await visit(desktop, path);
    await v.page.keyboard.press('Tab');
    const focused = await v.page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null;
      const box = el?.getBoundingClientRect();
      return {
        className: el?.className ?? '',
        href: el?.getAttribute('href') ?? '',
        visible: Boolean(box && box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0),
        targetExists: Boolean(document.querySelector('#content')),
      };
    });
    expect(focused.className).toContain('skip-link');
    expect(focused.href).toBe('#content');
    expect(focused.targetExists).toBe(true);
    expect(focused.visible, 'the focused skip link is on screen').toBe(true);
    await v.page.keyboard.press('Enter');
    expect(await v.page.evaluate(() => document.activeElement?.id)).toBe('content');
    await done(v);
  });
});

describe('between phone and laptop', () => {
  // The photo grid's two- and three-column `sizes` entries hold only between the two main viewports.
  it.each([{ name: 'tablet', width: 768, height: 1024, deviceScaleFactor: 2, isMobile: true }, { name: 'small-laptop', width: 900, height: 700, deviceScaleFactor: 1, isMobile: false }])(
    'states each image’s drawn width in its sizes at $width px',
    async (viewport: Viewport) => {
      for (const path of ['/en/people/cao-wei/', PAGES[0]!.path, PAGES[1]!.path]) {
        const v = await visit(viewport, path);
        await scrollThrough(v.page);
        const problems = (await inspectImages(v.page)).flatMap(imageSizeProblems);
        expect(problems, `${path}: ${problems.join('\n')}`).toEqual([]);
        await done(v);
      }
    },
  );
});

describe('at 320 px, the narrowest phones', () => {
  const narrow: Viewport = { name: 'narrow', width: 320, height: 640, deviceScaleFactor: 2, isMobile: true };
  it.each(PAGES)('$name stays readable without horizontal scrolling', async ({ name, path }) => {
    const v = await visit(narrow, path);
    await scrollThrough(v.page);
    const layout = await measureOverflow(v.page);
    await screenshot(v.page, `narrow-${name}`);
    expect(layout.scrollWidth, `wider than 320px: ${layout.culprits.join(', ')}`).toBeLessThanOrEqual(layout.clientWidth);
    const fontSize = await v.page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.story-body > p') ?? document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    await done(v);
  });
});

describe('Chinese type', () => {
  // A machine with no CJK font draws every Chinese character as the same box: the test fails
  // then, it never passes on boxes. The fontconfig file from tests/helpers/browser-setup.ts shows
  // Chromium the npm font, so this holds on a fresh machine.
  it.each([
    { name: 'zh', path: ZH, characters: ['链', '镇', '产', '业'] },
    { name: 'zh-hant', path: ZH_HANT, characters: ['鏈', '鎮', '產', '業'] },
  ])('draws $name headlines and body text with real glyphs, each character its own shape', async ({ name, path, characters }) => {
    const v = await visit(VIEWPORTS[0]!, path);
    const session = await v.context.newCDPSession(v.page);
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument');
    const fonts: string[] = [];
    for (const selector of ['h1', '.story-body > p']) {
      const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts: used } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
      fonts.push(...used.map((font) => `${selector}: ${font.familyName} (${font.glyphCount} glyphs)`));
    }
    const shapes = await v.page.evaluate((story) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      const font = getComputedStyle(document.querySelector('.story-body > p')!).font;
      // Four characters of the story, and a private-use code point no font draws (a box).
      return [...story, '\u{10FFFD}'].map((character) => {
        ctx.clearRect(0, 0, 64, 64);
        ctx.font = font.replace(/\d+(\.\d+)?px/, '48px');
        ctx.fillText(character, 4, 52);
        return Array.from(ctx.getImageData(0, 0, 64, 64).data.filter((_, i) => i % 4 === 3)).join(',');
      });
    }, characters);
    const box = shapes.pop();
    expect(new Set(shapes).size, `Chinese characters drawn as boxes; fonts used: ${fonts.join('; ')}`).toBe(shapes.length);
    for (const shape of shapes) expect(shape, `a Chinese character drawn as the missing-glyph box; fonts used: ${fonts.join('; ')}`).not.toBe(box);
    await screenshot(v.page, `glyphs-story-${name}`);
    await done(v);
  });
});
