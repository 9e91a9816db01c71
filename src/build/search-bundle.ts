/**
 * One language's search bundle, written into a folder of its own: indexed whole, or merged from
 * the last bundle (search-merge.ts, decision 020). Pagefind holds a whole index in memory while it
 * runs, so a language with more pages than one run may take is indexed in runs of pages, each
 * merged into the bundle of the runs before (decision 024): Pagefind's memory is bounded by a
 * run's pages, not by the archive. Either way the bundle holds what one Pagefind run over every
 * page writes, its pages numbered in another order.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { locales } from '../config/locales.ts';
import { linkFile } from './files.ts';
import { MergeUnsupported } from './pagefind-files.ts';
import { runPagefind } from './pagefind-cli.ts';
import { type BundlePage, listBundlePages, mergeBundle } from './search-merge.ts';
import type { ShardInput } from './search-pages.ts';

/** The last bundle of a language and its pages in its page order. */
export type PreviousBundle = { dir: string; pages: BundlePage[] };

/** Where Pagefind runs (a folder Gazette owns), and the signal that the search index has failed. */
export interface RunContext {
  cwd: string;
  signal: AbortSignal;
}

/** Pagefind over the story pages of `shard`'s language found in `siteDir`, into `outputPath`. */
function runOver(siteDir: string, shard: ShardInput, outputPath: string, { cwd, signal }: RunContext): Promise<void> {
  const prefix = locales[shard.locale].prefix;
  // The few redirect pages of old addresses the glob also matches carry no data-pagefind-body
  // and are skipped by Pagefind.
  const glob = `${prefix ? `${prefix}/` : ''}[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html`;
  return runPagefind({ siteDir, glob, outputPath, cwd, name: shard.locale, signal });
}

/**
 * `pages` merged into `previous` (undefined: none yet) as the bundle of `current`, in `outputDir`.
 * Pagefind indexes only `pages`, linked into a folder of their own. Throws MergeUnsupported when
 * the merge does not apply.
 */
async function indexAndMerge(siteDir: string, shard: ShardInput, previous: PreviousBundle | undefined, pages: readonly BundlePage[], current: readonly BundlePage[], outputDir: string, context: RunContext): Promise<BundlePage[]> {
  const pagesDir = `${outputDir}-pages`;
  const indexedDir = previous ? `${outputDir}-edited` : outputDir;
  // Left by a build killed while indexing, under the same process id.
  for (const dir of [pagesDir, indexedDir]) rmSync(dir, { recursive: true, force: true });
  try {
    if (pages.length > 0) {
      for (const page of pages) {
        mkdirSync(dirname(join(pagesDir, page.path)), { recursive: true });
        linkFile(join(siteDir, page.path), join(pagesDir, page.path));
      }
      await runOver(pagesDir, shard, indexedDir, context);
    }
    if (!previous) return listBundlePages(outputDir, current);
    return await mergeBundle({ previous, delta: pages.length > 0 ? indexedDir : undefined, current, outputDir });
  } finally {
    rmSync(pagesDir, { recursive: true, force: true });
    if (previous) rmSync(indexedDir, { recursive: true, force: true });
  }
}

/**
 * An edit's bundle: Pagefind indexes only `indexed` (the changed and new pages), merged into
 * `previous`. Throws MergeUnsupported when the merge does not apply: the caller indexes the
 * language whole, which is always right, only slower. A failing Pagefind fails the build, as it
 * does then.
 */
export async function mergeShard(siteDir: string, shard: ShardInput, previous: PreviousBundle, indexed: BundlePage[], outputDir: string, context: RunContext): Promise<BundlePage[]> {
  try {
    return await indexAndMerge(siteDir, shard, previous, indexed, shard.files, outputDir, context);
  } catch (error) {
    if (error instanceof MergeUnsupported) throw new MergeUnsupported(`indexed whole, not merged: ${error.message}`);
    throw error;
  }
}

/** `pages` cut into the fewest runs of at most `perRun`, in their order, sizes differing by one at most. */
export function toRuns<T>(pages: readonly T[], perRun: number): T[][] {
  const count = Math.max(1, Math.ceil(pages.length / Math.max(1, perRun)));
  const start = (run: number) => Math.floor((run * pages.length) / count);
  return Array.from({ length: count }, (_, run) => pages.slice(start(run), start(run + 1)));
}

/**
 * A language's bundle from all its pages: one Pagefind run when they fit `perRun` (Infinity: one
 * run whatever their number), otherwise one run per slice of `perRun` pages or fewer, each merged
 * into the bundle of those before. Returns the bundle's pages in its page order, or undefined when
 * one run's bundle cannot be listed (then the next edit indexes this language whole again).
 * Throws MergeUnsupported, with nothing left in `outputDir`, when the runs cannot be merged (a
 * later run brings a metadata field the first lacked): the caller then indexes in one run.
 */
export async function indexWhole(siteDir: string, shard: ShardInput, outputDir: string, context: RunContext, perRun: number): Promise<BundlePage[] | undefined> {
  const runs = toRuns(shard.files, perRun);
  if (runs.length === 1) {
    await runOver(siteDir, shard, outputDir, context);
    try {
      return listBundlePages(outputDir, shard.files);
    } catch (error) {
      if (!(error instanceof MergeUnsupported)) throw error;
      return undefined;
    }
  }
  let previous: PreviousBundle | undefined;
  let dir = '';
  let indexed = 0;
  try {
    for (const [number, run] of runs.entries()) {
      dir = `${outputDir}-run${number}`;
      indexed += run.length;
      const pages = await indexAndMerge(siteDir, shard, previous, run, shard.files.slice(0, indexed), dir, context);
      if (previous) rmSync(previous.dir, { recursive: true, force: true });
      previous = { dir, pages };
    }
  } catch (error) {
    for (const left of [previous?.dir, dir]) if (left) rmSync(left, { recursive: true, force: true });
    if (error instanceof MergeUnsupported) throw new MergeUnsupported(`indexed in one run, not in ${runs.length}: ${error.message}`);
    throw error;
  }
  renameSync(dir, outputDir);
  console.log(`search index: ${shard.locale} indexed in ${runs.length} runs of up to ${Math.max(...runs.map((run) => run.length))} pages`);
  return previous!.pages;
}
