/**
 * The folders of the last good site's pages, made in the build's staging folder while Astro starts
 * (docs/decisions/031-page-folders-made-ahead.md). Every page is a folder with an index.html, and
 * making a folder costs this filesystem many times what the hard link of a restored page costs:
 * after a one-story edit, most of the time Astro spent restoring pages went on making folders, one
 * at a time on its one thread. Made ahead, while Astro loads and syncs content, they are found made.
 *
 * A folder the new build writes nothing into (a story withdrawn, an old path gone) is removed
 * after Astro, so the staging folder holds what a build into an empty folder holds, and the name
 * of a withdrawn story stays unpublished.
 */
import { readdir, mkdir } from 'node:fs/promises';
import { existsSync, rmdirSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** The folders of `site` (relative to it) that hold an index.html: a page each. */
export async function listPageFolders(site: string): Promise<string[]> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name === 'index.html').map((entry) => dirname(join(entry.parentPath, entry.name)).slice(site.length + 1)).filter(Boolean);
}

/** Makes each folder under `root`, all at once on libuv's threads. A folder it cannot make is left to the build. */
export async function makeFolders(root: string, folders: readonly string[]): Promise<void> {
  await Promise.all(folders.map((folder) => mkdir(join(root, folder), { recursive: true }).catch(() => undefined)));
}

/**
 * Removes those of `folders` under `root` that are empty, deepest first, so that a parent left
 * empty by its children goes too. Returns how many it removed.
 */
export function removeEmptyFolders(root: string, folders: readonly string[]): number {
  // Only a folder whose page this build did not write can be empty, and only its parents can be
  // left empty by its removal: in an edit of a large archive that is a few of tens of thousands,
  // and a look for index.html costs a quarter of a refused rmdir.
  const candidates = new Set<string>();
  for (const folder of folders) {
    if (existsSync(join(root, folder, 'index.html'))) continue;
    // The parents were made ahead too, where the last site had them and this one may not.
    for (let path = folder; path && path !== '.'; path = dirname(path)) candidates.add(path);
  }
  const deepestFirst = [...candidates].sort((a, b) => b.split(sep).length - a.split(sep).length);
  let removed = 0;
  for (const folder of deepestFirst) {
    try {
      rmdirSync(join(root, folder));
      removed += 1;
    } catch {
      // Not empty (another page is there), or already gone: either way, as a fresh build has it.
    }
  }
  return removed;
}
