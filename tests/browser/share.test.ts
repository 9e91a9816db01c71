/**
 * The end of a story page on a phone: the share section (QR code, address, links) and the
 * related stories fit a 360 px screen, pass axe in both colour schemes, and the share section
 * leaves the printed page. Builds the basic fixture, whose Chinese stories list each other.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatViolations, newContext, runAxe, screenshot, scrollThrough, VIEWPORTS } from '../helpers/browser.ts';
import { useBrowserSite } from '../helpers/browser-site.ts';
import { fixtureContent, FIXTURE_NOW, makeProject } from '../helpers/project.ts';

const PAGES = [
  { name: 'zh', path: '/2025/12/22/bilingual-story/' },
  { name: 'en', path: '/en/2025/12/22/bilingual-story/' },
  { name: 'zh-only', path: '/2025/12/10/zh-only-story/' },
];
const phone = VIEWPORTS.find((viewport) => viewport.width === 360)!;

const site = useBrowserSite(() => makeProject(fixtureContent('basic')), { GAZETTE_NOW: FIXTURE_NOW });

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await newContext(site.browser, phone, colorScheme);
  site.contexts.push(context);
  const page = await context.newPage();
  const response = await page.goto(site.server.url + path, { waitUntil: 'load' });
  expect(response?.status(), `${path} status`).toBe(200);
  return page;
}

describe.each(PAGES)('the end of the $name story at 360 px', ({ name, path }) => {
  it('shows the share section, QR code included, with no horizontal scrolling', async () => {
    const page = await open(path);
    const share = page.locator('.share');
    await share.scrollIntoViewIfNeeded();
    await screenshot(page, `share-${name}`);
    const layout = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().toJSON() as DOMRect | undefined;
      return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, share: box('.share'), qr: box('.share-qr'), url: box('.share-url') };
    });
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    for (const part of [layout.share, layout.qr, layout.url]) {
      expect(part?.width).toBeGreaterThan(0);
      expect(part!.left).toBeGreaterThanOrEqual(0);
      expect(part!.right).toBeLessThanOrEqual(layout.clientWidth);
    }
    // Big enough for a phone camera across a desk: at least 96 CSS px a side, square.
    expect(layout.qr!.width).toBeGreaterThanOrEqual(96);
    expect(layout.qr!.height).toBeCloseTo(layout.qr!.width, 0);
    await page.emulateMedia({ media: 'print' });
    expect(await share.isVisible()).toBe(false);
  });

  it.each(['light', 'dark'] as const)('has no axe violations in %s mode', async (scheme) => {
    const page = await open(path, scheme);
    await scrollThrough(page);
    const violations = await runAxe(page);
    expect(violations, `axe violations on ${path} (${scheme}):\n${formatViolations(violations)}`).toEqual([]);
  });
});
