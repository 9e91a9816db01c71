/**
 * An edit's search bundles are merged from the last build's (src/build/search-merge.ts, decision
 * 020), not made by Pagefind alone: Pagefind's own code in the reader's browser must read them.
 * A story's Chinese body is edited after a first build; the second build merges, and its search
 * pages must find the story by a word only the edit added, in both Chinese editions, and no
 * longer by a word the edit took out.
 */
import type { Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newContext, searchPage, VIEWPORTS } from '../helpers/browser.ts';
import { useBrowserSite } from '../helpers/browser-site.ts';
import { fixtureContent, FIXTURE_NOW, makeProject, runBuild } from '../helpers/project.ts';

const ZH = '/2025/12/22/bilingual-story/';
const ZH_HANT = '/zh-hant/2025/12/22/bilingual-story/';
const env = { GAZETTE_NOW: FIXTURE_NOW };

const site = useBrowserSite(() => {
  const dir = makeProject(fixtureContent('basic'));
  const first = runBuild(dir, env);
  expect(first.status, first.output).toBe(0);
  const file = join(dir, 'content/stories/bilingual-story/zh.mdx');
  writeFileSync(file, readFileSync(file, 'utf8').replace('第二段正文。', '第二段正文提到景泰蓝工艺。').replace('与English混排', '与英文混排'));
  return dir;
}, env);

/** The result links for `query` on the search page at `path` (searchPage). */
const search = (page: Page, path: string, query: string) => searchPage(page, `${site.server.url}${path}`, query);

describe('search after an edit, from merged bundles', () => {
  it('was built by merging the two Chinese bundles', () => {
    expect(site.output).toMatch(/^search index: .*; 2 language\(s\) indexed \(2 updated from the last index\), 1 unchanged$/m);
  });

  it('finds the edited story by the word the edit added, in both Chinese editions, and not by the word it took out', async () => {
    const context = await newContext(site.browser, VIEWPORTS[0]!);
    site.contexts.push(context);
    const page = await context.newPage();
    expect(await search(page, '/search/', '景泰蓝')).toContain(ZH);
    expect(await page.textContent('.pagefind-ui__results')).toContain('景泰蓝');
    expect(await search(page, '/zh-hant/search/', '景泰藍')).toContain(ZH_HANT);
    // Still found by what the edit kept, and no longer by what it removed.
    expect(await search(page, '/search/', '第一节')).toContain(ZH);
    expect(await search(page, '/search/', 'English')).not.toContain(ZH);
    await page.close();
  });
});
