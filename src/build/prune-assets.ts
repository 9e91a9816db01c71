/**
 * Removes files under dist/_astro/ that no page, feed or stylesheet refers to.
 * Why: Astro emits every image a content entry imports, including the full-size
 * original and the photos of drafts and embargoed stories. Neither may ship: the
 * original costs readers bytes, and an unpublished story's photo is a leak.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, relativePath } from './files.ts';

const TEXT_EXTENSIONS = /\.(html|xml|json|css|js|txt|webmanifest)$/;

/** Deletes unreferenced assets in `<dist>/<assetsDir>`; returns the site paths removed. */
export function pruneUnreferencedAssets(dist: string, assetsDir = '_astro'): string[] {
  const assetsRoot = join(dist, assetsDir);
  let assets: string[];
  try {
    assets = listFiles(assetsRoot);
  } catch {
    return [];
  }
  const texts = listFiles(dist).filter((file) => TEXT_EXTENSIONS.test(file) && !file.startsWith(assetsRoot));
  const referenced = new Set<string>();
  const pattern = new RegExp(`/${assetsDir}/[^"'\\s),?#]+`, 'g');
  for (const file of [...texts, ...assets.filter((a) => TEXT_EXTENSIONS.test(a))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) referenced.add(decodeURI(match[0]));
  }
  const removed: string[] = [];
  for (const asset of assets) {
    const sitePath = `/${relativePath(dist, asset)}`;
    if (!referenced.has(sitePath)) {
      rmSync(asset);
      removed.push(sitePath);
    }
  }
  return removed;
}
