/**
 * Browser tests drive the Chromium that npm installed (@sparticuz/chromium), or CHROMIUM_PATH,
 * through playwright-core. tests/helpers/browser-setup.ts finds it once; where there is none, or
 * it does not start, every test of the file fails with one line saying why: never a skip.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from '../../scripts/lib/chromium.ts';
import { repoRoot } from './project.ts';

export const SCREENSHOT_DIR = join(repoRoot, 'tests/artifacts/screenshots');

export const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** WCAG 2.0/2.1 A and AA, 2.2 AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Throws (so every test of the file fails) when the global setup found no Chromium. */
export function requireChromium(): string {
  const { path, error } = inject('chromium');
  if (error || !path) throw new Error(`Browser tests cannot run: ${error || 'no Chromium was set up'}`);
  return path;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = requireChromium();
  const { fontConfigFile } = inject('chromium');
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, env: { ...process.env, FONTCONFIG_FILE: fontConfigFile } as Record<string, string> });
  } catch (error) {
    const why = String(error instanceof Error ? error.message : error).split('\n').find((line) => line.trim()) ?? 'unknown error';
    throw new Error(`Browser tests cannot run: Chromium at ${executablePath} did not start (${why.trim()}); set CHROMIUM_PATH to a working Chromium or Chrome binary.`);
  }
}

export interface Viewport {
  name: string;
  width: number;
  height: number;
  deviceScaleFactor: number;
  isMobile: boolean;
}

/** A mid-range Android phone and a laptop. */
export const VIEWPORTS: Viewport[] = [
  { name: 'mobile', width: 360, height: 780, deviceScaleFactor: 2, isMobile: true },
  { name: 'desktop', width: 1280, height: 800, deviceScaleFactor: 1, isMobile: false },
];

export async function newContext(browser: Browser, viewport: Viewport, colorScheme: 'light' | 'dark' = 'light'): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: viewport.deviceScaleFactor,
    isMobile: viewport.isMobile,
    hasTouch: viewport.isMobile,
    colorScheme,
    reducedMotion: 'reduce',
  });
}

/** Every request the context makes whose origin is not `origin` (the local server). */
export function recordForeignRequests(context: BrowserContext, origin: string): string[] {
  const foreign: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return;
    let requestOrigin: string;
    try {
      requestOrigin = new URL(url).origin;
    } catch {
      requestOrigin = url;
    }
    if (requestOrigin !== origin) foreign.push(`${request.method()} ${url} (${request.resourceType()})`);
  });
  return foreign;
}

/**
 * Opens the search page at `url` afresh (no results of an earlier query left on it), types the
 * query into Pagefind's box and returns the result links once they appear; none if no result shows
 * within 15 s. Pagefind's message says "Searching for …" before the results come, so the results
 * themselves are what is waited for.
 */
export async function searchPage(page: Page, url: string, query: string): Promise<string[]> {
  await page.goto(url);
  await page.locator('.pagefind-ui__search-input').pressSequentially(query, { delay: 20 });
  try {
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 });
  } catch {
    return [];
  }
  await page.waitForLoadState('networkidle');
  return page.$$eval('.pagefind-ui__result-link', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Scrolls to the bottom a screen at a time (so lazy images start), then waits for every image. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, Math.floor(window.innerHeight * 0.8));
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
    }
    for (const img of document.images) img.scrollIntoView({ block: 'center' });
    window.scrollTo(0, document.documentElement.scrollHeight);
    await Promise.all(
      [...document.images].map((img) =>
        img.complete
          ? null
          : new Promise((resolve) => {
              img.addEventListener('load', resolve, { once: true });
              img.addEventListener('error', resolve, { once: true });
            }),
      ),
    );
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
}

export interface ImageReport {
  /** A readable name: alt text or file. */
  label: string;
  currentSrc: string;
  complete: boolean;
  /** Pixel width of the file the browser chose (not density-corrected). */
  fileWidth: number;
  /** Rendered CSS width. */
  cssWidth: number;
  dpr: number;
  /** Widest candidate in any srcset of this image. */
  largestCandidate: number;
  /** The image's `sizes` attribute, and the width it comes to in this viewport (CSS px). */
  sizes: string | null;
  sizesWidth: number | null;
}

/** What each <img> of the page loaded, and how big it is drawn. Call after scrollThrough(). */
export async function inspectImages(page: Page): Promise<ImageReport[]> {
  return page.evaluate(async () => {
    const widthsOf = (srcset: string | null) =>
      (srcset ?? '')
        .split(',')
        .map((candidate) => /\s(\d+)w\s*$/.exec(candidate.trim())?.[1])
        .filter((w): w is string => Boolean(w))
        .map(Number);
    // What a `sizes` list comes to here: the first entry whose media condition matches, its length
    // measured on a probe (sizes lengths are in rem and vw, so the probe's own font does not matter).
    const sizesWidth = (sizes: string | null) => {
      if (!sizes) return null;
      // Entries are split at top-level commas, and a media condition runs to its matching ")":
      // a length such as calc((100vw - 5rem) / 3) has brackets and commas of its own.
      const entries: string[] = [];
      let depth = 0;
      let start = 0;
      for (let i = 0; i < sizes.length; i++) {
        if (sizes[i] === '(') depth++;
        else if (sizes[i] === ')') depth--;
        else if (sizes[i] === ',' && depth === 0) {
          entries.push(sizes.slice(start, i).trim());
          start = i + 1;
        }
      }
      entries.push(sizes.slice(start).trim());
      for (const entry of entries) {
        let media = '';
        if (entry.startsWith('(')) {
          let level = 0;
          let end = 0;
          for (; end < entry.length; end++) {
            if (entry[end] === '(') level++;
            else if (entry[end] === ')' && --level === 0) break;
          }
          media = entry.slice(0, end + 1);
        }
        if (media && !window.matchMedia(media).matches) continue;
        const probe = document.createElement('div');
        probe.style.cssText = `position:absolute;visibility:hidden;width:${entry.slice(media.length).trim()}`;
        document.body.append(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width;
      }
      return null;
    };
    // In a <picture> the sources carry `sizes`; the <img> holds only the fallback file.
    const sizesOf = (img: HTMLImageElement) =>
      img.parentElement?.tagName === 'PICTURE' ? (img.parentElement.querySelector('source')?.getAttribute('sizes') ?? null) : img.getAttribute('sizes');
    const reports = [];
    for (const img of document.images) {
      const sets = [img.getAttribute('srcset'), ...[...(img.parentElement?.tagName === 'PICTURE' ? img.parentElement.querySelectorAll('source') : [])].map((s) => s.getAttribute('srcset'))];
      const candidates = sets.flatMap(widthsOf);
      // naturalWidth of a srcset image is density-corrected; load the chosen file alone to get its pixels.
      let fileWidth = 0;
      if (img.currentSrc) {
        const probe = new Image();
        probe.src = img.currentSrc;
        try {
          await probe.decode();
          fileWidth = probe.naturalWidth;
        } catch {
          fileWidth = 0;
        }
      }
      reports.push({
        label: img.alt || img.currentSrc.split('/').pop() || img.src,
        currentSrc: img.currentSrc,
        complete: img.complete && img.naturalWidth > 0,
        fileWidth,
        cssWidth: img.getBoundingClientRect().width,
        dpr: window.devicePixelRatio,
        largestCandidate: candidates.length > 0 ? Math.max(...candidates) : fileWidth,
        sizes: sizesOf(img),
        sizesWidth: sizesWidth(sizesOf(img)),
      });
    }
    return reports;
  });
}

/** Problems with the size of a loaded image, or [] when it suits its slot. */
export function imageSizeProblems(report: ImageReport): string[] {
  const needed = report.cssWidth * report.dpr;
  const problems: string[] = [];
  if (!report.complete || report.fileWidth === 0) return [`${report.label}: did not load (${report.currentSrc || 'no source chosen'})`];
  if (report.fileWidth < needed * 0.75 && report.fileWidth < report.largestCandidate) {
    problems.push(`${report.label}: ${report.fileWidth}px file for ${Math.round(needed)}px needed (${report.cssWidth}css × ${report.dpr}); ${report.largestCandidate}px was available`);
  }
  // `sizes` must state the slot the layout draws: the browser picks the file from it before layout.
  if (report.sizesWidth !== null && Math.abs(report.sizesWidth - report.cssWidth) > Math.max(4, report.cssWidth * 0.04)) {
    problems.push(`${report.label}: sizes="${report.sizes}" says ${Math.round(report.sizesWidth)}px, the layout draws it ${Math.round(report.cssWidth)}px wide`);
  }
  if (report.fileWidth > needed * 3) {
    problems.push(`${report.label}: ${report.fileWidth}px file for ${Math.round(needed)}px needed (${report.cssWidth}css × ${report.dpr}): over 3× too large`);
  }
  return problems;
}

interface AxeResultNode { target: unknown[]; failureSummary?: string }
export interface AxeViolation { id: string; impact: string | null; help: string; nodes: AxeResultNode[] }

/** Runs axe-core in the page on the WCAG A/AA and best-practice rules; returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary ?? '' })),
    }));
  }, AXE_TAGS);
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`).join('\n')}`)
    .join('\n');
}

/** WCAG relative luminance (0 black … 1 white) of a computed CSS colour: rgb()/rgba()/color(srgb …). */
export function luminance(cssColor: string): number {
  const numbers = (cssColor.match(/-?\d*\.?\d+(e-?\d+)?/gi) ?? []).map(Number);
  let [r, g, b] = numbers;
  if (r === undefined || g === undefined || b === undefined) throw new Error(`luminance: cannot read colour ${cssColor}`);
  if (cssColor.startsWith('color(')) [r, g, b] = [r * 255, g * 255, b * 255];
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
