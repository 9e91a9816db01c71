/**
 * Removes files under dist/_astro/ that no page, feed or stylesheet refers to.
 * Why: Astro emits every image a content entry imports, including the full-size
 * original and the photos of drafts and embargoed stories. Neither may ship: the
 * original costs readers bytes, and an unpublished story's photo is a leak.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { FileFacts } from './file-facts.ts';
import { listFiles, relativePath } from './files.ts';
import { getSourceHash } from './hash.ts';

const TEXT_EXTENSIONS = /\.(html|xml|json|css|js|txt|webmanifest)$/;

/** A malformed escape (text that only looks like an asset path) is kept as written: it names no asset. */
function decoded(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/**
 * Deletes unreferenced assets in `<dist>/<assetsDir>`; returns the site paths removed. With
 * `factsStore`, the references of files unchanged since the last build are not read again.
 */
export function pruneUnreferencedAssets(dist: string, assetsDir = '_astro', factsStore?: string): string[] {
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
  const facts = new FileFacts(factsStore, dist, `${getSourceHash(import.meta.url)}:${assetsDir}`);
  const references = (bytes: Buffer) => [...new Set(Array.from(bytes.toString('utf8').matchAll(pattern), (match) => decoded(match[0])))];
  for (const file of [...texts, ...assets.filter((a) => TEXT_EXTENSIONS.test(a))]) {
    for (const path of facts.read(file, references)) referenced.add(path);
  }
  facts.save();
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
