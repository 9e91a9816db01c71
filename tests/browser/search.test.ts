/**
 * Search in a real browser: each query typed into the search page of its language must
 * find the seed story. Pagefind's Chinese segmentation has regressed between versions;
 * this test is what allows an upgrade. Also measures what the first search transfers.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, newContext, recordForeignRequests, runAxe, screenshot, searchPage, VIEWPORTS } from '../helpers/browser.ts';
import { measureFirstSearch } from '../../scripts/lib/first-search.ts';
import { useBrowserSite } from '../helpers/browser-site.ts';
import { makeProject, SEED_NOW } from '../helpers/project.ts';

const ZH = '/2025/12/22/lianshang-fali-zhenxing-chanye/';
const EN = '/en/2025/12/22/lianshang-fali-zhenxing-chanye/';
const ZH_HANT = '/zh-hant/2025/12/22/lianshang-fali-zhenxing-chanye/';
/** Budget for the first search on the seed site: page, Pagefind code, index and fragments. */
const FIRST_SEARCH_BUDGET = 150 * 1024;

// gzip, as any real host serves text: the transfer budget is about bytes on the wire.
const site = useBrowserSite(() => makeProject(), { GAZETTE_NOW: SEED_NOW }, { gzip: true });
/** One context for the searches, recording requests to any other origin. */
let context: BrowserContext | undefined;
let foreign: string[] = [];

beforeAll(async () => {
  context = await newContext(site.browser, VIEWPORTS[0]!);
  site.contexts.push(context);
  foreign = recordForeignRequests(context, site.server.url);
});

/** The result links for `query` on the search page at `path` (searchPage). */
const search = (page: Page, path: string, query: string) => searchPage(page, `${site.server.url}${path}`, query);

describe('search', () => {
  it('finds the Chinese story by company, place and topic words', async () => {
    const page = await context!.newPage();
    await page.goto(`${site.server.url}/search/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    for (const query of ['经纬', '榆液', '玻璃器皿', '产业链', '专业镇', '锂电池', '祁县']) {
      expect(await search(page, '/search/', query), query).toContain(ZH);
    }
    await screenshot(page, 'search-zh');
    await page.close();
  });

  it('finds the Traditional story, and only Traditional pages, from /zh-hant/search/, by Traditional words', async () => {
    const page = await context!.newPage();
    await page.goto(`${site.server.url}/zh-hant/search/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    for (const query of ['產業鏈', '玻璃器皿', '晉中', '經緯', '鋰電池']) {
      const results = await search(page, '/zh-hant/search/', query);
      expect(results, query).toContain(ZH_HANT);
      expect(results.every((path) => path.startsWith('/zh-hant/')), query).toBe(true);
    }
    await screenshot(page, 'search-zh-hant');
    await page.close();
  });

  it('finds the English story, and only English stories, from the English search page', async () => {
    const page = await context!.newPage();
    for (const query of ['glassware', 'hydraulics', 'industrial chain']) {
      const results = await search(page, '/en/search/', query);
      expect(results, query).toContain(EN);
      expect(results.every((path) => path.startsWith('/en/')), query).toBe(true);
    }
    await page.close();
  });

  it('labels its interface in the page language and passes axe with results shown', async () => {
    const page = await context!.newPage();
    await page.goto(`${site.server.url}/en/search/?q=glassware`);
    await page.waitForSelector('.pagefind-ui__result-link');
    expect(await page.getAttribute('.pagefind-ui__search-input', 'placeholder')).toMatch(/search/i);
    expect(formatViolations(await runAxe(page))).toBe('');
    await page.goto(`${site.server.url}/search/?q=${encodeURIComponent('经纬')}`);
    await page.waitForSelector('.pagefind-ui__result-link');
    expect(await page.getAttribute('.pagefind-ui__search-input', 'placeholder')).toMatch(/搜索/);
    // Pagefind would word zh-Hant as plain zh, in Simplified: the page's own strings must win.
    await page.goto(`${site.server.url}/zh-hant/search/?q=${encodeURIComponent('產業鏈')}`);
    await page.waitForSelector('.pagefind-ui__result-link');
    expect(await page.getAttribute('.pagefind-ui__search-input', 'placeholder')).toBe('搜尋');
    const summary = await page.textContent('.pagefind-ui__message');
    expect(summary).toMatch(/^找到 \d+ 個 產業鏈 的相關結果$/);
    // The count is announced: the page's status line (a live region) says what Pagefind's message says.
    expect(await page.getAttribute('#search-status', 'role')).toBe('status');
    await page.waitForFunction(() => document.getElementById('search-status')!.textContent === document.querySelector('.pagefind-ui__message')!.textContent!.trim());
    expect(await page.textContent('#search-status')).toBe(summary!.trim());
    expect(await page.textContent('#search')).not.toMatch(/[个结关载]/);
    expect(formatViolations(await runAxe(page))).toBe('');
    await page.close();
  });

  it('transfers at most 150 KB for the first search, from this origin only', async () => {
    // The same measurement as `npm run bench`'s first-search figure, on the phone viewport.
    const first = await measureFirstSearch(site.browser, site.server.url, '玻璃器皿', { timeoutMs: 15_000 });
    expect(first.results).toContain(ZH);
    console.log(`first search (玻璃器皿) transferred ${first.bytes} bytes in ${first.requests} requests`);
    // Every request is counted, the page's own as much as Pagefind's, whatever their URLs.
    expect(first.urls).toContain(`${site.server.url}/search/`);
    expect(first.requests).toBe(first.urls.length);
    expect(first.bytes).toBeGreaterThan(0);
    expect(first.bytes).toBeLessThanOrEqual(FIRST_SEARCH_BUDGET);
    expect(first.urls.filter((url) => !/^(data|blob):/.test(url) && !url.startsWith(`${site.server.url}/`))).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('is linked from every page header', async () => {
    const page = await context!.newPage();
    for (const [path, target] of [[ZH, '/search/'], [ZH_HANT, '/zh-hant/search/'], [EN, '/en/search/'], ['/', '/search/'], ['/en/', '/en/search/']] as const) {
      await page.goto(`${site.server.url}${path}`);
      expect(await page.getAttribute('.masthead .search-link', 'href')).toBe(target);
    }
    await page.close();
  });
});
