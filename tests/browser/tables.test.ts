/**
 * Story tables in a real browser. The seed story has none (its text is the source's), so this
 * builds the fixture site with a five-column table added to both language versions, the
 * widest a newsroom table tends to be, and checks it on the narrowest phone, on a laptop and
 * on paper. The Chinese "产业" column is narrower than its cells' words (特钢材料), the case
 * where a cell would break a word.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatViolations, newContext, runAxe, screenshot, type Viewport } from '../helpers/browser.ts';
import { useBrowserSite } from '../helpers/browser-site.ts';
import { fixtureContent, makeProject } from '../helpers/project.ts';

const ZH = '/2025/12/22/bilingual-story/';
const EN = '/en/2025/12/22/bilingual-story/';
const STORY = 'content/stories/bilingual-story';

const ZH_TABLE = `
| 专业镇 | 产业 | 企业数量 | 年产值（亿元） | 从业人员 |
| --- | --- | ---: | ---: | ---: |
| 祁县 | 玻璃器皿 | 50 | 60 | 30000 |
| 太谷 | 特钢材料 | 12 | 45 | 8000 |
| 榆次 | 纺织机械 | 38 | 120 | 15000 |
`;
const EN_TABLE = `
| Specialised town | Leading industry | Enterprises | Annual output (100m yuan) | Employees |
| --- | --- | ---: | ---: | ---: |
| Qixian | Glassware | 50 | 60 | 30000 |
| Taigu | Special steel materials | 12 | 45 | 8000 |
| Yuci | Textile machinery | 38 | 120 | 15000 |
`;

const NARROW: Viewport = { name: 'narrow', width: 320, height: 640, deviceScaleFactor: 2, isMobile: true };
const DESKTOP: Viewport = { name: 'desktop', width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false };

const site = useBrowserSite(() => {
  const dir = makeProject(fixtureContent('basic'));
  appendFileSync(join(dir, STORY, 'zh.mdx'), ZH_TABLE);
  appendFileSync(join(dir, STORY, 'en.mdx'), EN_TABLE);
  return dir;
});

async function open(viewport: Viewport, path: string): Promise<Page> {
  const context = await newContext(site.browser, viewport);
  site.contexts.push(context);
  const page = await context.newPage();
  await page.goto(site.server.url + path, { waitUntil: 'load' });
  return page;
}

/** The last table of the story (the added one), its scroll region, and the page. */
function measure(page: Page) {
  return page.evaluate(() => {
    const region = [...document.querySelectorAll('.story-body .table-scroll')].at(-1) as HTMLElement;
    const table = region.querySelector('table')!;
    const lineHeight = (cell: Element) => parseFloat(getComputedStyle(cell).lineHeight);
    // A cell on one line is no taller than one line of its text (plus padding).
    const cellLines = [...table.querySelectorAll('th, td')].map((cell) => {
      const style = getComputedStyle(cell);
      const content = cell.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - 1;
      return { text: cell.textContent ?? '', lines: Math.round(content / lineHeight(cell)) };
    });
    return {
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      regionWidth: region.clientWidth,
      tableWidth: table.getBoundingClientRect().width,
      scrollable: region.scrollWidth > region.clientWidth,
      // A named <section> is a region landmark (src/site/story-body.ts).
      tag: region.tagName,
      label: region.getAttribute('aria-label'),
      cellLines,
    };
  });
}

describe('a five-column table', () => {
  it.each([
    ['zh', ZH],
    ['en', EN],
  ])('%s: on a 320 px phone it scrolls inside its own region, not the page', async (lang, path) => {
    const page = await open(NARROW, path);
    const m = await measure(page);
    await screenshot(page, `table-narrow-${lang}`);
    expect(m.pageOverflow, 'the page itself scrolls sideways').toBeLessThanOrEqual(0);
    expect(m.scrollable).toBe(true);
    expect(m.tag).toBe('SECTION');
    expect(m.label).toBe(lang === 'zh' ? '专业镇、产业、企业数量、年产值（亿元）、从业人员' : 'Specialised town, Leading industry, Enterprises, Annual output (100m yuan), Employees');
    if (lang === 'zh') {
      // Chinese words stay whole: no 特钢材/料, no header stacked one character a line.
      const broken = m.cellLines.filter((cell) => cell.lines > 1);
      expect(broken, JSON.stringify(broken)).toEqual([]);
    }
    // Reached and scrolled from the keyboard (WCAG 2.1.1).
    await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.story-body .table-scroll')].at(-1)!.focus());
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // Keyboard scrolling is animated: wait for it rather than read it at once.
    const scrolled = await page
      .waitForFunction(() => [...document.querySelectorAll('.story-body .table-scroll')].at(-1)!.scrollLeft > 0, undefined, { timeout: 3000 })
      .then(() => true, () => false);
    expect(scrolled, 'arrow keys scroll the focused table').toBe(true);
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('en: fits the column on a laptop, its headers wrapping', async () => {
    const page = await open(DESKTOP, EN);
    const m = await measure(page);
    expect(m.tableWidth).toBeLessThanOrEqual(m.regionWidth + 1);
  });

  it.each([
    ['zh', ZH],
    ['en', EN],
  ])('%s: prints whole, nothing cut at the column edge', async (_lang, path) => {
    const page = await open(DESKTOP, path);
    await page.emulateMedia({ media: 'print' });
    // A4 portrait less margins, about 718 CSS px.
    await page.setViewportSize({ width: 718, height: 1000 });
    const m = await measure(page);
    expect(m.tableWidth).toBeLessThanOrEqual(m.regionWidth + 1);
  });
});
