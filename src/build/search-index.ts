/**
 * The search index, built by Pagefind over the finished HTML (after `astro build`, before
 * dist/ is swapped in), in shards: one Pagefind bundle per language, at /pagefind/<locale>/
 * (src/newsroom/search-shards.ts, decision 016), each made by a Pagefind process of its own.
 *
 * Each shard is cached in .gazette/cache/search/ under a hash of its pages' bytes, so a rebuild
 * touches only the languages whose pages changed, and then has Pagefind index only the changed
 * pages, merged into the last shard (search-merge.ts, decision 020). Pagefind holds a whole index
 * in memory, so languages are indexed side by side only while their estimate fits
 * site.searchIndexMemoryMb, and a language larger than that is indexed in runs that each fit it
 * (search-bundle.ts, decision 024).
 * Only story pages carrying data-pagefind-body (headline and body) are indexed: front pages,
 * archives, redirects of old addresses, navigation and footers never match. Drafts are never
 * built, so never indexed.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { localeKeys, locales, type Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { toSearchBundlePath } from '../newsroom/search-shards.ts';
import { getSourceHash, sha256 } from './hash.ts';
import { runWithinBudget } from './memory-budget.ts';
import { MergeUnsupported } from './pagefind-files.ts';
import { getPagefindIdentity, stopPagefind } from './pagefind-cli.ts';
import { indexWhole, mergeShard, type PreviousBundle } from './search-bundle.ts';
import { findPrevious, isCacheFile, isWhole, linkTree, sealShard } from './search-cache.ts';
import { type BundlePage, planMerge } from './search-merge.ts';
import { readShards } from './search-pages.ts';

/** The modules that decide what a shard holds: a change to any of them makes every shard again. */
const SEARCH_MODULES = ['./search-index.ts', './search-bundle.ts', './search-pages.ts', './search-cache.ts', './search-merge.ts', './search-words.ts', './pagefind-files.ts'];

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
 * Writes every language's bundle into `siteDir`, from the cache in `cacheDir` where it can.
 * `memoryMb` is what Pagefind may take at once (site.searchIndexMemoryMb unless given).
 */
export async function writeSearchIndex(siteDir: string, cacheDir: string, { memoryMb = site.searchIndexMemoryMb as number } = {}): Promise<SearchIndexReport> {
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

  // Never more than half the machine's memory, whatever the setting says. A language with more
  // pages than the budget holds is indexed in runs that each fit it (search-bundle.ts).
  const budget = Math.min(memoryMb, totalmem() / 2 ** 20 / 2);
  const perRun = Math.max(1, Math.floor(budget / MB_PER_PAGE));

  const abort = new AbortController();
  const context = { cwd: cache, signal: abort.signal };

  /** One language's work: merged from the last bundle, or indexed whole in runs of `perRun` pages. */
  interface Job {
    entry: (typeof entries)[number];
    merge?: { previous: PreviousBundle; indexed: BundlePage[] };
    perRun: number;
  }
  /** Makes one language's shard; else the job to try next: whole after a merge, one run after runs. */
  const makeShard = async ({ entry, merge, perRun }: Job): Promise<Job | undefined> => {
    const { shard, name, cached } = entry;
    rmSync(cached, { recursive: true, force: true });
    // Written aside and renamed: a build killed while indexing leaves no entry under this name.
    const aside = join(cache, `unfinished-${process.pid}-${name}`);
    rmSync(aside, { recursive: true, force: true });
    let pages: BundlePage[] | undefined;
    try {
      if (merge) {
        pages = await mergeShard(siteDir, shard, merge.previous, merge.indexed, aside, context);
        report.merged += 1;
      } else {
        pages = await indexWhole(siteDir, shard, aside, context, perRun);
      }
    } catch (error) {
      if (error instanceof MergeUnsupported) {
        console.log(`search index: ${shard.locale} ${error.message}`);
        rmSync(aside, { recursive: true, force: true });
        return merge ? { entry, perRun } : { entry, perRun: Infinity };
      }
      // The other languages are stopped rather than waited for: the build has failed.
      abort.abort();
      stopPagefind();
      rmSync(aside, { recursive: true, force: true });
      throw error;
    }
    sealShard(aside, cached, pages && { identity: version, pages });
    return undefined;
  };

  // Languages whose pages changed are indexed side by side while their estimated memory fits
  // the newsroom's budget, one at a time on a large archive: Pagefind alone leaves a core idle
  // for much of its run. A job costs what one Pagefind run of it holds: an edit's changed pages,
  // or a run's. Each round retries what the last could not do (a merge, then runs) the next way.
  let jobs: Job[] = stale.map((entry) => {
    const previous = findPrevious(cache, entry.shard.locale, version);
    const indexed = previous && planMerge(previous.pages, entry.shard.files);
    // Past half the pages, indexing them all costs about the same as merging; past one run's
    // pages, Pagefind would hold more than the budget.
    const merge = previous && indexed && indexed.length <= Math.min(entry.shard.files.length / 2, perRun) ? { previous, indexed } : undefined;
    return { entry, merge, perRun };
  });
  while (jobs.length > 0) {
    const next: Job[] = [];
    await runWithinBudget(
      jobs.map((job) => ({
        cost: Math.min((job.merge?.indexed ?? job.entry.shard.files).length, job.perRun) * MB_PER_PAGE,
        run: async () => {
          const retry = await makeShard(job);
          if (retry) next.push(retry);
        },
      })),
      budget,
    );
    jobs = next;
  }
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
