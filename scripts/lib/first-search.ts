/**
 * What a reader's first search costs: from opening a search page in a fresh browser context (empty
 * cache) to the first results, the bytes that crossed the wire and the number of requests. Every
 * response counts, whatever its URL or type (page, Pagefind's code, its index however it is split,
 * result fragments, images): the figure must not depend on how the index is laid out. Bytes are
 * as received, headers included, so serve the site gzipped (serveDir's `gzip: true`) as a real
 * host would. Used by the browser search test (with its budget) and by `npm run bench`.
 */
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium } from './chromium.ts';
import { writeFontConfig } from './cjk-font.ts';

export interface FirstSearch {
  /** Encoded bytes received: response bodies plus response headers. */
  bytes: number;
  requests: number;
  /** Paths of the pages the results show, in order, each once; [] when none appeared in time. */
  results: string[];
  /** Every URL requested, for checking where they went. */
  urls: string[];
}

export interface FirstSearchOptions {
  /** The search page, `/search/` (Simplified Chinese) unless given. */
  path?: string;
  /** How long to wait for the first result link. Pagefind answers in a second on a quiet machine. */
  timeoutMs?: number;
  /** The reader's device; a mid-range phone unless given. */
  device?: BrowserContextOptions;
}

/** The browser tests' mobile viewport (tests/helpers/browser.ts), the reader most searches come from. */
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, reducedMotion: 'reduce' };

/**
 * Opens `path` on `baseUrl` in a new context of `browser`, types `query` into Pagefind's box and
 * waits for the results and then for the network to go quiet (the fragments of the results shown).
 */
export async function measureFirstSearch(browser: Browser, baseUrl: string, query: string, options: FirstSearchOptions = {}): Promise<FirstSearch> {
  const context = await browser.newContext(options.device ?? PHONE);
  try {
    const transfers: Promise<number>[] = [];
    const urls: string[] = [];
    // On the context, not the page: requests a worker makes count too.
    context.on('request', (request) => urls.push(request.url()));
    context.on('requestfinished', (request) => {
      transfers.push(request.sizes().then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize));
    });
    // A request that failed (aborted, refused) was still made; what it received is not known, so 0.
    context.on('requestfailed', () => transfers.push(Promise.resolve(0)));
    const page = await context.newPage();
    await page.goto(`${baseUrl}${options.path ?? '/search/'}`);
    // Key by key, as a reader types; faster than Pagefind's debounce, so it searches once.
    await page.locator('.pagefind-ui__search-input').pressSequentially(query, { delay: 20 });
    let results: string[] = [];
    try {
      await page.waitForSelector('.pagefind-ui__result-link', { timeout: options.timeoutMs ?? 60_000 });
      await page.waitForLoadState('networkidle');
      // Sub-results (a page's headings) link to the same page: each page once.
      const links = await page.$$eval('.pagefind-ui__result-link', (anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      results = [...new Set(links)];
    } catch {
      // No results in time: the caller says what that means; the bytes so far are still reported.
    }
    const sizes = await Promise.all(transfers);
    return { bytes: sizes.reduce((sum, bytes) => sum + bytes, 0), requests: sizes.length, results, urls };
  } finally {
    await context.close();
  }
}

/** Starts Chromium as the browser tests do (the npm-shipped build, the npm CJK font), for scripts. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await resolveChromium();
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, env: writeFontConfig() });
}

/** measureFirstSearch in a Chromium of its own, started and closed around it. */
export async function firstSearch(baseUrl: string, query: string, options: FirstSearchOptions = {}): Promise<FirstSearch> {
  const browser = await launchChromium();
  try {
    return await measureFirstSearch(browser, baseUrl, query, options);
  } finally {
    await browser.close();
  }
}
