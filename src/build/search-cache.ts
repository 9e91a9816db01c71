/**
 * The search index's cache, .gazette/cache/search/: one folder per language and content, written
 * aside and renamed, with a manifest of every file's size written last and the record of its
 * pages the next edit's merge starts from. Its files are never written in place, so dist/ links
 * them rather than copying.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Locale } from '../config/locales.ts';
import { linkFile, listFiles, relativePath } from './files.ts';
import type { BundlePage } from './search-merge.ts';

/** Written last into a cached shard: every file with its size. A shard without it, or not matching it, is made again. */
const MANIFEST = 'gazette-shard.json';
/** Written into a shard: its pages in Pagefind's page order with their hashes and sort values, and what made it, for the next edit's merge. */
const PAGES = 'gazette-pages.json';

/** Files of a shard that are Gazette's, not Pagefind's: never linked into the site. */
export const isCacheFile = (name: string) => name === MANIFEST || name === PAGES;

/** The files of a folder with their sizes, as the manifest records them. */
function listSizes(dir: string): Record<string, number> {
  return Object.fromEntries(
    listFiles(dir)
      .map((file) => [relativePath(dir, file), statSync(file).size] as const)
      .filter(([name]) => name !== MANIFEST),
  );
}

/**
 * A cached shard is used only if its manifest is there and every file is, at its size: a
 * partial one (a full disk, a file deleted by hand) is made again. Sizes, not hashes: a killed
 * build cannot leave a same-size file, since shards are written aside and renamed whole.
 */
export function isWhole(dir: string): boolean {
  const manifest = join(dir, MANIFEST);
  if (!existsSync(manifest)) return false;
  try {
    const recorded = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, number>;
    const actual = listSizes(dir);
    return Object.keys(recorded).length === Object.keys(actual).length && Object.entries(recorded).every(([name, size]) => actual[name] === size);
  } catch {
    return false;
  }
}

/** The last shard of a language made by this code and this Pagefind, with its pages: what an edit's shard is merged from. */
export function findPrevious(cache: string, locale: Locale, identity: string): { dir: string; pages: BundlePage[] } | undefined {
  const candidates = readdirSync(cache)
    .filter((name) => new RegExp(`^${locale}-[0-9a-f]{20}$`).test(name))
    .map((name) => join(cache, name))
    .filter((dir) => existsSync(join(dir, PAGES)) && isWhole(dir))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const dir of candidates) {
    try {
      const recorded = JSON.parse(readFileSync(join(dir, PAGES), 'utf8')) as { identity: string; pages: BundlePage[] };
      if (recorded.identity === identity) return { dir, pages: recorded.pages };
    } catch {
      // A damaged record: that shard is not merged from.
    }
  }
  return undefined;
}

/** Seals a shard written aside: its page record (if known), then its manifest, then the rename that makes it an entry. */
export function sealShard(aside: string, cached: string, record?: { identity: string; pages: BundlePage[] }): void {
  if (record) writeFileSync(join(aside, PAGES), JSON.stringify(record));
  writeFileSync(join(aside, MANIFEST), JSON.stringify(listSizes(aside)));
  renameSync(aside, cached);
}

/**
 * Links, not copies: a cached shard is never written in place (it is written aside and renamed),
 * so dist/ and the cache can share its files, and a rebuild does not copy the whole index.
 */
export function linkTree(from: string, to: string, skip: (name: string) => boolean): void {
  for (const file of listFiles(from)) {
    const name = relative(from, file);
    if (skip(name)) continue;
    mkdirSync(dirname(join(to, name)), { recursive: true });
    linkFile(file, join(to, name));
  }
}
