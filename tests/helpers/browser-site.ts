/**
 * One built site per browser test file: built once, its dist/ served on 127.0.0.1 and Chromium
 * opened before the file's tests; contexts, browser, server and project all gone after them.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, requireChromium } from './browser.ts';
import { removeProject, runBuild } from './project.ts';
import { serveDir, type StaticServer } from './serve.ts';

export interface BrowserSite {
  server: StaticServer;
  browser: Browser;
  /** Contexts the tests opened, closed with the browser. */
  contexts: BrowserContext[];
  /** What the build printed. */
  output: string;
}

/**
 * `makeSite` returns the project folder to build (it may change its content first); `serve`
 * passes options to the static server (gzip, where bytes on the wire are measured).
 */
export function useBrowserSite(makeSite: () => string, env: Record<string, string> = {}, serve: Parameters<typeof serveDir>[1] = {}): BrowserSite {
  const site = { contexts: [] as BrowserContext[] } as BrowserSite;
  let dir: string | undefined;
  beforeAll(async () => {
    // Before the (slow) build: no browser is a failure with a clear message, never a skip.
    requireChromium();
    dir = makeSite();
    const result = runBuild(dir, env);
    expect(result.status, result.output).toBe(0);
    site.output = result.output;
    site.server = await serveDir(join(dir, 'dist'), serve);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.allSettled(site.contexts.map((context) => context.close()));
    await site.browser?.close();
    await site.server?.close();
    if (dir) removeProject(dir);
  });
  return site;
}
