/**
 * The search index, built by Pagefind over the finished HTML (after `astro build`, before
 * dist/ is swapped in). Pagefind splits it by <html lang>, so Chinese and English each
 * get their own index; its extended binary segments Chinese words. Only elements marked
 * data-pagefind-body (the story: headline and body) are indexed, so front pages,
 * archives, navigation and footers never match. Drafts are never built, so never indexed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { STORY_PAGE_GLOB } from '../newsroom/permalinks.ts';

/** Pages indexed, by Pagefind's language key (zh-cn, en), as its entry file records them. */
export type IndexedPages = Record<string, number>;

export async function writeSearchIndex(siteDir: string): Promise<IndexedPages> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    // Only story pages carry data-pagefind-body; reading the archives and front pages too cost
    // Pagefind time on every build for nothing (docs/bench-results.md has the figures).
    const added = await index.addDirectory({ path: siteDir, glob: STORY_PAGE_GLOB });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const outputPath = join(siteDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    // added.page_count counts every file read, alias redirects included; the entry file counts
    // what was indexed.
    const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count]));
  } finally {
    await pagefind.close();
  }
}
