/**
 * The search index, built by Pagefind over the finished HTML (after `astro build`, before
 * dist/ is swapped in), in shards: one Pagefind bundle per language, at /pagefind/<locale>/
 * (src/newsroom/search-shards.ts, decision 016), each made by a Pagefind process of its own.
 *
 * Each shard is cached in .gazette/cache/search/ under a hash of its pages' bytes, so a rebuild
 * touches only the languages whose pages changed, and then has Pagefind index only the changed
 * pages, merged into the last shard (search-merge.ts, decision 020). Pagefind holds a whole index
 * in memory, so languages are indexed side by side only while their estimate fits
 * site.searchIndexMemoryMb.
 * Only story pages carrying data-pagefind-body (headline and body) are indexed: front pages,
 * archives, redirects of old addresses, navigation and footers never match. Drafts are never
 * built, so never indexed.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { localeKeys, locales, type Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { toSearchBundlePath } from '../newsroom/search-shards.ts';
import { linkFile } from './files.ts';
import { getSourceHash, sha256 } from './hash.ts';
import { runWithinBudget } from './memory-budget.ts';
import { MergeUnsupported } from './pagefind-files.ts';
import { getPagefindIdentity, runPagefind, stopPagefind } from './pagefind-cli.ts';
import { findPrevious, isCacheFile, isWhole, linkTree, sealShard } from './search-cache.ts';
import { type BundlePage, listBundlePages, mergeBundle, planMerge } from './search-merge.ts';
import { readShards, type ShardInput } from './search-pages.ts';

/** The modules that decide what a shard holds: a change to any of them makes every shard again. */
const SEARCH_MODULES = ['./search-index.ts', './search-pages.ts', './search-cache.ts', './search-merge.ts', './search-words.ts', './pagefind-files.ts'];

/** Pages indexed per language, and how many shards were written, how many came from the cache and how many were updated from the last one. */
export interface SearchIndexReport {
  pages: Record<Locale, number>;
  shards: number;
  reused: number;
  merged: number;
}

/** Pagefind's UI, loaded by the search page from /pagefind/ whichever shards exist. */
const UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css'];
/** Pagefind writes these into every bundle; Gazette's pages load none of them. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;
const hash = (data: string | Buffer) => sha256(data, 'hex');

/**
 * Pagefind's memory while it indexes, per page: what the budget (site.searchIndexMemoryMb)
 * counts. Measured on Chinese story pages, the most costly (docs/performance.md, "Ninth session").
 */
const MB_PER_PAGE = 1.1;

/** One shard, indexed by its own Pagefind process. */
function indexShard(siteDir: string, shard: ShardInput, outputPath: string, cwd: string): Promise<void> {
  const prefix = locales[shard.locale].prefix;
  // The few redirect pages of old addresses the glob also matches carry no data-pagefind-body
  // and are skipped by Pagefind.
  const glob = `${prefix ? `${prefix}/` : ''}[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html`;
  return runPagefind({ siteDir, glob, outputPath, cwd, name: shard.locale });
}

/** The bundle each language's search page names (data-bundle), which must be exactly the shards written. */
function checkSearchPages(siteDir: string, written: Set<string>): void {
  const named = new Set<string>();
  for (const locale of localeKeys) {
    const page = join(siteDir, locales[locale].prefix, 'search', 'index.html');
    const bundle = existsSync(page) ? /\sdata-bundle="([^"]*)"/.exec(readFileSync(page, 'utf8'))?.[1] : undefined;
    if (bundle) named.add(bundle);
  }
  const missing = [...named].filter((path) => !written.has(path));
  const unnamed = [...written].filter((path) => !named.has(path));
  if (missing.length > 0 || unnamed.length > 0) {
    throw new Error(
      `search index: the search pages and the index disagree (no index for ${missing.join(', ') || 'none'}; not named by any search page: ${unnamed.join(', ') || 'none'}). ` +
        'This is a fault in Gazette, not in the content: delete .gazette/cache/search and build again, and report it if it happens again.',
    );
  }
}

/**
 * An edit's shard, from the last one (search-merge.ts): Pagefind indexes only the changed and new
 * pages, linked into a folder of their own. Undefined, with the shard's folder removed, when the
 * merge does not apply or the last shard cannot be read: the caller indexes the language whole,
 * which is always right, only slower. A failing Pagefind fails the build, as it does then.
 */
async function mergeShard(siteDir: string, shard: ShardInput, previous: { dir: string; pages: BundlePage[] }, indexed: BundlePage[], aside: string, cwd: string): Promise<BundlePage[] | undefined> {
  const pagesDir = `${aside}-pages`;
  const editedDir = `${aside}-edited`;
  // Left by a build killed while merging, under the same process id.
  for (const dir of [pagesDir, editedDir]) rmSync(dir, { recursive: true, force: true });
  try {
    if (indexed.length > 0) {
      for (const page of indexed) {
        mkdirSync(dirname(join(pagesDir, page.path)), { recursive: true });
        linkFile(join(siteDir, page.path), join(pagesDir, page.path));
      }
      await indexShard(pagesDir, shard, editedDir, cwd);
    }
    try {
      return await mergeBundle({ previous, delta: indexed.length > 0 ? editedDir : undefined, current: shard.files, outputDir: aside });
    } catch (error) {
      if (!(error instanceof MergeUnsupported)) throw error;
      console.log(`search index: ${shard.locale} indexed whole, not merged: ${error.message}`);
      rmSync(aside, { recursive: true, force: true });
      return undefined;
    }
  } finally {
    rmSync(pagesDir, { recursive: true, force: true });
    rmSync(editedDir, { recursive: true, force: true });
  }
}

export async function writeSearchIndex(siteDir: string, cacheDir: string): Promise<SearchIndexReport> {
  const cache = join(cacheDir, 'search');
  mkdirSync(cache, { recursive: true });
  // Pagefind itself (version, binary, options) and this code (what it indexes, how it merges) are in every key.
  const version = `${getPagefindIdentity()}\0${getSourceHash(...SEARCH_MODULES.map((name) => new URL(name, import.meta.url).href))}`;
  const shards = readShards(siteDir, join(cacheDir, 'file-facts', 'search.json'));
  const report: SearchIndexReport = { pages: Object.fromEntries(localeKeys.map((locale) => [locale, 0])) as Record<Locale, number>, shards: shards.length, reused: 0, merged: 0 };
  const written = new Set<string>();
  const entries = shards.map((shard) => {
    const key = hash([version, shard.locale, ...shard.files.flatMap((file) => [file.path, file.digest])].join('\0')).slice(0, 20);
    const name = `${shard.locale}-${key}`;
    return { shard, name, cached: join(cache, name) };
  });
  const stale = entries.filter(({ cached }) => !isWhole(cached));
  report.reused = entries.length - stale.length;

  /** Makes one language's shard, merged from `previous` when given; false when the merge did not apply. */
  const makeShard = async ({ shard, name, cached }: (typeof entries)[number], merge?: { previous: { dir: string; pages: BundlePage[] }; indexed: BundlePage[] }): Promise<boolean> => {
    rmSync(cached, { recursive: true, force: true });
    // Written aside and renamed: a build killed while indexing leaves no entry under this name.
    const aside = join(cache, `unfinished-${process.pid}-${name}`);
    rmSync(aside, { recursive: true, force: true });
    let pages: BundlePage[] | undefined;
    try {
      if (merge) {
        pages = await mergeShard(siteDir, shard, merge.previous, merge.indexed, aside, cache);
        if (!pages) return false;
        report.merged += 1;
      } else {
        await indexShard(siteDir, shard, aside, cache);
        try {
          pages = listBundlePages(aside, shard.files);
        } catch (error) {
          // Then the next edit indexes this language whole again.
          if (!(error instanceof MergeUnsupported)) throw error;
        }
      }
    } catch (error) {
      // The other languages are stopped rather than waited for: the build has failed.
      stopPagefind();
      rmSync(aside, { recursive: true, force: true });
      throw error;
    }
    sealShard(aside, cached, pages && { identity: version, pages });
    return true;
  };

  // Languages whose pages changed are indexed side by side while their estimated memory fits
  // the newsroom's budget, one at a time on a large archive: Pagefind alone leaves a core idle
  // for much of its run. An edit's language costs what Pagefind indexes of it: its changed pages.
  // Never more than half the machine's memory, whatever the setting says.
  const budget = Math.min(site.searchIndexMemoryMb, totalmem() / 2 ** 20 / 2);
  const whole: typeof stale = [];
  await runWithinBudget(
    stale.map((entry) => {
      const previous = findPrevious(cache, entry.shard.locale, version);
      const indexed = previous && planMerge(previous.pages, entry.shard.files);
      // Past half the pages, indexing them all costs about the same as merging.
      const merge = previous && indexed && indexed.length <= entry.shard.files.length / 2 ? { previous, indexed } : undefined;
      return {
        cost: (merge?.indexed ?? entry.shard.files).length * MB_PER_PAGE,
        run: async () => {
          if (!(await makeShard(entry, merge))) whole.push(entry);
        },
      };
    }),
    budget,
  );
  // Languages whose merge did not apply, indexed whole, at what that costs.
  await runWithinBudget(
    whole.map((entry) => ({ cost: entry.shard.files.length * MB_PER_PAGE, run: async () => void (await makeShard(entry)) })),
    budget,
  );
  for (const { shard, cached } of entries) {
    const target = join(siteDir, toSearchBundlePath(shard.locale));
    linkTree(cached, target, (name) => UNUSED.test(name) || isCacheFile(name));
    // The UI is the same file in every shard of one Pagefind version.
    for (const file of UI_FILES) if (!existsSync(join(siteDir, 'pagefind', file))) copyFileSync(join(cached, file), join(siteDir, 'pagefind', file));
    written.add(toSearchBundlePath(shard.locale));
    const entry = JSON.parse(readFileSync(join(target, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    report.pages[shard.locale] += Object.values(entry.languages).reduce((sum, { page_count }) => sum + page_count, 0);
  }
  // Shards of edits since replaced, and whatever a killed build left aside.
  const used = new Set(entries.map(({ name }) => name));
  for (const name of readdirSync(cache)) if (!used.has(name)) rmSync(join(cache, name), { recursive: true, force: true });
  checkSearchPages(siteDir, written);
  return report;
}
