/**
 * The search index, built by Pagefind over the finished HTML (after `astro build`, before
 * dist/ is swapped in). Pagefind splits it by <html lang>, so Chinese and English each
 * get their own index; its extended binary segments Chinese words. Only elements marked
 * data-pagefind-body (the story: headline and body) are indexed, so front pages,
 * archives, navigation and footers never match. Drafts are never built, so never indexed.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export async function writeSearchIndex(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
