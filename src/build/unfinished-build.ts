/**
 * What a killed build (kill -9, an out-of-memory kill, a cancelled CI job) leaves in
 * .gazette/cache, and how the next build refuses it.
 *
 * Astro writes its caches in place, with no rename: an encoded image is written straight into
 * `assets/` (a kill inside the write leaves half an image, served from then on as a cache hit),
 * and each rendered page is written into `dist/` before `incremental-build.json` records which
 * cache key it was rendered for (a kill between the two, then the edit undone, and the next build
 * restores the page of the undone edit). Neither can be told from a good entry by looking at it.
 * (Pages are written aside and renamed since the patch of decision 019, which leaves a `.tmp`
 * file at worst, discarded alike.)
 *
 * So a marker file stands in `cacheDir` from the start of a build until Astro has finished. A
 * build that finds it discards every file of those three that was written since the marker: the
 * pages and images the unfinished build made are made again, the rest of the cache is kept.
 * The content store (written aside and renamed by Astro), the share cards (likewise, by
 * src/build/share-card.ts), the file facts (likewise, and keyed by each file's identity) and the
 * check's body cache (likewise since decision 030, and read as empty when unreadable) and the
 * feed items (likewise, src/site/feed-html-memo.ts) need nothing but the removal of a killed
 * write's aside file.
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, removeAsideFiles } from './files.ts';

const MARKER = 'build-unfinished';
/** Astro's parts of the cache that it writes in place. */
const IN_PLACE = ['assets', 'dist', 'incremental-build.json'];
/** The share cards kept between builds, a folder of the cache (src/build/share-card.ts). */
export const SHARE_CARDS = 'cards';
/** The feed items kept between builds, a folder of the cache (src/site/feed-html-memo.ts). */
export const FEED_ITEMS = 'feed-html';
/** The variable through which the integration tells the feeds, in Astro's process, that folder's path. */
export const FEED_ITEMS_ENV = 'GAZETTE_FEED_ITEMS_DIR';

/** Files under `cacheDir` written at or after `since` (ms), in Astro's in-place parts of the cache. */
function writtenSince(cacheDir: string, since: number): string[] {
  const files = IN_PLACE.map((name) => join(cacheDir, name))
    .filter((path) => existsSync(path))
    .flatMap((path) => (statSync(path).isDirectory() ? listFiles(path) : [path]));
  // At or after: a file written within the clock tick of the marker may be the killed build's.
  return files.filter((file) => statSync(file).mtimeMs >= since);
}

/**
 * Called before Astro starts. Returns how many cache files an unfinished build left that were
 * discarded (0 when the last build finished), and leaves the marker for this build.
 */
export function beginBuild(cacheDir: string): number {
  const marker = join(cacheDir, MARKER);
  let discarded = 0;
  if (existsSync(marker)) {
    const suspect = writtenSince(cacheDir, statSync(marker).mtimeMs);
    for (const file of suspect) rmSync(file, { force: true });
    discarded = suspect.length;
  }
  mkdirSync(cacheDir, { recursive: true });
  // The aside files of a check killed while writing its body cache (src/check/body-cache.ts), and
  // of a build killed while writing its feed items (src/site/feed-html-memo.ts) or a share card
  // (src/build/share-card.ts).
  removeAsideFiles(cacheDir, /^checked-bodies\.json$/);
  removeAsideFiles(join(cacheDir, FEED_ITEMS), /\.json$/);
  removeAsideFiles(join(cacheDir, SHARE_CARDS), /\.png$/);
  // Rewritten, not kept: its time is this build's start.
  rmSync(marker, { force: true });
  writeFileSync(marker, `${process.pid}\n`);
  return discarded;
}

/** Called once Astro has exited successfully: its caches are whole and agree with each other. */
export function finishBuild(cacheDir: string): void {
  rmSync(join(cacheDir, MARKER), { force: true });
}
