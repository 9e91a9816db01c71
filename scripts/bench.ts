/**
 * `npm run bench -- --stories N [--json] [--keep] [--runs R] [--gazette-only | --cold-only]`: how Gazette's
 * build scales, against bare Astro 7 + MDX baselines building the same stories.
 *
 * In a temp dir (never in this checkout's content/ or dist/) it
 *   1. writes a synthetic corpus of N bilingual stories (scripts/bench/corpus.ts) into a copy of
 *      the project, with photos from a pool of 20 made once under os.tmpdir();
 *   2. builds it cold with the real configuration (`npm run build`'s command), then serves that
 *      dist/ gzipped and measures a reader's first search in Chromium (scripts/lib/first-search.ts);
 *   3. appends a sentence to one story's zh.mdx and builds again (warm, body edit: caches in place);
 *   4. changes that story's Chinese headline and builds again (warm, headline edit: the archives,
 *      front page and feeds that list the story change too);
 *   5. builds a fresh copy of the project with only the encoded images carried over, as a CI
 *      job that restores its image cache would (every text cache cold);
 *   6. builds the same story files with the bare baselines: text only on unified + remark-gfm,
 *      text only on Satteri, and like for like (unified, plus the same photos through
 *      `<Picture>` at Gazette's formats, widths and encoder settings);
 *   7. builds Gazette cold in a fresh copy and the like-for-like baseline again, alternated, until
 *      each has R cold runs (3 unless --runs says otherwise); the ratio is of their median runs.
 * --gazette-only stops after 4, --cold-only after 2: at tens of thousands of stories the full run
 * takes hours. The table and the JSON then leave the skipped builds out.
 * Each build runs under /usr/bin/time -v while /proc is sampled for the whole tree's RSS
 * (scripts/bench/measure.ts says what each figure means). Progress goes to stderr; stdout is the
 * table, then, with --json, one JSON line last.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { copyProjectFiles, npmScriptArgs, PROJECT_FILES } from '../src/build/project-files.ts';
import { listFiles } from '../src/build/files.ts';
import { formatTable, type Align } from '../src/build/table.ts';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseBenchArgs, stepsOf, USAGE } from './bench/args.ts';
import { linkNodeModules, writeBaselineProject, type Baseline } from './bench/baseline.ts';
import { ensurePhotoPool, POOL_SIZE, writeCorpus } from './bench/corpus.ts';
import { medianRun, processTree, runMeasured, TIME_BIN, type Measured } from './bench/measure.ts';
import { phasesOf, type Phases } from './bench/phases.ts';
import { makeRng, zhSentence } from './bench/text.ts';
import { resolveChromium } from './lib/chromium.ts';
import { writeFontConfig } from './lib/cjk-font.ts';
import { firstSearch, type FirstSearch } from './lib/first-search.ts';
import { serveDir } from './lib/serve.ts';

const parsed = parseBenchArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`bench: ${parsed.error}\n${USAGE}`);
  process.exit(2);
}
const { stories, json, keep, mode, runs } = parsed.options;
const steps = stepsOf(mode);

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoNodeModules = join(repoRoot, 'node_modules');
const astroBin = join(repoNodeModules, 'astro/bin/astro.mjs');
/** The benchmark's fixed "now": every story is published before it. */
const NOW = '2026-01-01T00:00:00+08:00';
const IMAGE_FILE = /\.(avif|webp|jpe?g|png|gif)$/i;

const log = (line: string) => console.error(`[bench] ${line}`);
// GAZETTE_TIMINGS: scripts/build.ts says how long its steps outside Astro took (scripts/bench/phases.ts).
const env = { ...process.env, GAZETTE_NOW: NOW, SITE_URL: 'https://bench.example.org', ASTRO_TELEMETRY_DISABLED: '1', GAZETTE_TIMINGS: '1' };

const work = mkdtempSync(join(tmpdir(), 'gazette-bench-'));
let currentChild: number | undefined;
const cleanUp = () => {
  if (!keep) rmSync(work, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  // The build under /usr/bin/time and everything it started, by pid, descendants first.
  for (const pid of currentChild === undefined ? [] : processTree(currentChild).reverse()) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  cleanUp();
  process.exit(130);
});

interface Output {
  pages: number;
  bytes: number;
  images: number;
}

function outputOf(dist: string): Output {
  const all = existsSync(dist) ? listFiles(dist) : [];
  return {
    pages: all.filter((file) => file.endsWith('.html')).length,
    bytes: all.reduce((sum, file) => sum + statSync(file).size, 0),
    images: all.filter((file) => IMAGE_FILE.test(file)).length,
  };
}

type Build = Measured & { phases: Phases };

async function build(label: string, cwd: string, args: string[]): Promise<Build> {
  const slug = label.replace(/\W+/g, '-');
  const logFile = join(work, `${slug}.log`);
  log(`${label}: building in ${cwd} (log: ${keep ? logFile : 'kept only with --keep'})`);
  const result = await runMeasured({
    command: process.execPath,
    args,
    cwd,
    env,
    logFile,
    timeFile: join(work, `${slug}.time`),
    onSpawn: (pid) => (currentChild = pid),
  });
  currentChild = undefined;
  if (result.status !== 0) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    console.error(`${tail}\n\nbench: ${label} failed (exit ${result.status}); temp projects left in ${work}`);
    process.exit(1);
  }
  log(`${label}: ${(result.wallMs / 1000).toFixed(1)} s, tree peak ${(result.treePeakRssKb / 1024).toFixed(0)} MB`);
  return { ...result, phases: phasesOf(logFile) };
}

/**
 * The reader's first search: a word in nearly every story of the corpus (text.ts draws its clauses
 * from the seed story, and several of them hold it), so the search finds results at any size and
 * fetches result fragments, as a real first search does.
 */
const SEARCH_QUERY = '产业链';

/**
 * Serves dist/ gzipped, as a host would, and measures the first search on the Chinese search page.
 * A browser that fails here is reported, not thrown: the builds before and after it may have taken
 * an hour, and their figures still stand (the run then exits 1 after the report).
 */
async function measureSearch(dist: string): Promise<FirstSearch | Error> {
  log(`first search: "${SEARCH_QUERY}" on /search/ in Chromium`);
  const server = await serveDir(dist, { gzip: true });
  try {
    const result = await firstSearch(server.url, SEARCH_QUERY);
    log(`first search: ${result.bytes} bytes in ${result.requests} requests, ${result.results.length} page(s) shown`);
    if (result.results.length === 0) log(`WARNING: "${SEARCH_QUERY}" found nothing: the first-search figure is the bytes of a search that showed no results`);
    return result;
  } catch (error) {
    log(`first search failed: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    await server.close();
  }
}

/** Which code was measured: the commit, and the files of the copied project that differ from it. */
function provenance(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'not a git checkout';
  const dirty = git('status', '--porcelain', '--', ...PROJECT_FILES).stdout.split('\n').filter(Boolean).map((line) => line.slice(3));
  return `${head.stdout.trim()}${dirty.length > 0 ? ` + uncommitted: ${dirty.join(', ')}` : ''}`;
}
const code = provenance();
/** Other work on the machine skews every figure: the 1-minute load average before and after says how much. */
const loadBefore = loadavg()[0]!;

/** A copy of the project (no content yet) with node_modules linked package by package. */
function copyProject(dir: string): void {
  mkdirSync(dir);
  copyProjectFiles(repoRoot, dir);
  linkNodeModules(dir, repoNodeModules);
}

// Before anything is written: a machine with no browser learns it in seconds, not after the cold build.
try {
  await resolveChromium();
  writeFontConfig();
} catch (error) {
  console.error(`bench: the first-search figure needs Chromium: ${error instanceof Error ? error.message : String(error)}`);
  cleanUp();
  process.exit(1);
}

// 1. The corpus, in a copy of the project.
const pool = await ensurePhotoPool(join(tmpdir(), 'gazette-bench-pool'), log);
const site = join(work, 'site');
copyProject(site);
log(`writing ${stories} stories (${stories * 2} story files) into ${site}/content`);
const corpus = writeCorpus(join(site, 'content'), stories, pool, new Date(NOW));

// 2. Gazette, cold, then a reader's first search on what it built.
const cold = await build('gazette cold', site, npmScriptArgs(site, 'build'));
const out = outputOf(join(site, 'dist'));
const search = await measureSearch(join(site, 'dist'));

// 3-4. Gazette warm: a body edit, then a headline edit (caches in place).
let warm: Build | undefined;
let warmMeta: Build | undefined;
if (steps.warm) {
  appendFileSync(corpus.editTarget, `\n${zhSentence(makeRng(99))}\n`);
  warm = await build('gazette warm', site, npmScriptArgs(site, 'build'));
  const edited = readFileSync(corpus.editTarget, 'utf8');
  writeFileSync(corpus.editTarget, edited.replace(/^title: "/m, 'title: "更正：'));
  warmMeta = await build('gazette warm headline', site, npmScriptArgs(site, 'build'));
}

/** Gazette in a fresh copy of the project holding the site's (edited) content; caches cold unless `images` restores the encoded ones. */
async function buildFreshCopy(label: string, name: string, images: boolean): Promise<Build> {
  const dir = join(work, name);
  copyProject(dir);
  cpSync(join(site, 'content'), join(dir, 'content'), { recursive: true });
  if (images) cpSync(join(site, '.gazette/cache/assets'), join(dir, '.gazette/cache/assets'), { recursive: true });
  return await build(label, dir, npmScriptArgs(dir, 'build'));
}

// 5. A fresh copy with the same (edited) content and only Astro's encoded-image cache restored.
const imagesCached = steps.imagesCached ? await buildFreshCopy('gazette images cached', 'site-images-cached', true) : undefined;

/**
 * A bare baseline on the site's story files (and, like for like, the same photos), encoding with
 * Gazette's own image settings, read from its config rather than copied.
 */
async function buildBaseline(baseline: Baseline, label: string, name: string): Promise<Build & Output> {
  const { default: gazetteConfig } = (await import(pathToFileURL(join(repoRoot, 'astro.config.mjs')).href)) as { default: { image?: { service?: object } } };
  // Gazette's service is Astro's sharp service plus an option only its crawler crops use
  // (src/site/image-service.ts), in a file the baseline does not have: the stock one, Gazette's settings.
  const service = { ...gazetteConfig.image?.service, entrypoint: 'astro/assets/services/sharp' };
  const dir = join(work, name);
  writeBaselineProject(dir, baseline, join(site, 'content/stories'), repoNodeModules, service);
  const result = await build(label, dir, [astroBin, 'build']);
  return { ...result, ...outputOf(join(dir, 'dist')) };
}

// 6. The baselines.
let baselines: Record<Baseline, Build & Output> | undefined;
if (steps.baselines) {
  baselines = {} as Record<Baseline, Build & Output>;
  for (const baseline of ['unified', 'satteri', 'like'] as const) baselines[baseline] = await buildBaseline(baseline, `baseline ${baseline}`, `baseline-${baseline}`);
}

// 7. More cold pairs, alternated so that the machine's slow spells fall on both sides alike (the
// first pair is not: Gazette's run 1 is step 2, the session's first build). The projects go once
// built: at thousands of stories each holds gigabytes.
const colds: Build[] = [cold];
const likes: (Build & Output)[] = baselines ? [baselines.like] : [];
for (let run = 2; baselines && run <= runs; run++) {
  colds.push(await buildFreshCopy(`gazette cold ${run}/${runs}`, `site-cold-${run}`, false));
  likes.push(await buildBaseline('like', `baseline like ${run}/${runs}`, `baseline-like-${run}`));
  if (!keep) for (const name of [`site-cold-${run}`, `baseline-like-${run}`]) rmSync(join(work, name), { recursive: true, force: true });
}
/** The cold build and the like-for-like baseline the report shows: each side's median run. */
const coldMedian = medianRun(colds);
const likeMedian = likes.length > 0 ? medianRun(likes) : undefined;

// Report: only the builds that ran.
const loadAfter = loadavg()[0]!;
const mb = (kb: number | undefined) => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** A row's name, saying when its figures are the median of several runs. */
const medianOf = (name: string, runs: readonly unknown[]) => (runs.length > 1 ? `${name} (median of ${runs.length})` : name);
const rows: [string, Build, number][] = [[medianOf('gazette cold', colds), coldMedian, out.pages]];
if (warm && warmMeta) rows.push(['gazette warm (1 body)', warm, out.pages], ['gazette warm (1 headline)', warmMeta, out.pages]);
if (imagesCached) rows.push(['gazette images cached', imagesCached, out.pages]);
if (baselines && likeMedian) {
  rows.push(
    [medianOf('baseline like for like', likes), likeMedian, likeMedian.pages],
    ['baseline unified (text)', baselines.unified, baselines.unified.pages],
    ['baseline satteri (text)', baselines.satteri, baselines.satteri.pages],
  );
}
const cpu = (m: Measured) => (m.cpuMs === undefined ? 'n/a' : `${secs(m.cpuMs)} (${(m.cpuMs / m.wallMs).toFixed(2)})`);
const header = ['build', 'wall', 'ms/page', 'pages', 'CPU (cores busy)', 'peak RSS (tree)', 'max 1 process'];
const lines = [header, ...rows.map(([name, m, pages]) => [name, secs(m.wallMs), (m.wallMs / pages).toFixed(1), String(pages), cpu(m), mb(m.treePeakRssKb), mb(m.maxProcessRssKb)])];
const modeNote = mode === 'full' ? '' : ` (${mode}: ${mode === 'cold-only' ? 'no warm builds, ' : ''}no images-cached build, no baselines)`;
console.log(`Gazette bench: ${stories} stories (${stories * 2} story files), ${POOL_SIZE}-photo pool at 3000x2000; ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, node ${process.version}${modeNote}`);
console.log(`code: ${code}; 1-min load average ${loadBefore.toFixed(1)} at start, ${loadAfter.toFixed(1)} at end`);
// Names left, numbers right.
const align = (header: string[]): Align[] => header.map((_, c) => (c === 0 ? 'left' : 'right'));
console.log(formatTable(lines, { align: align(header) }));
// Where the time goes: Astro's own phases; for Gazette, what `astro build` spends before its timer
// starts (start-up, config, content sync) and the search index; the rest is node start-ups, the
// prune and the swap (the content check runs beside Astro's start-up and, cold, its content sync).
const phaseHeader = ['phases', 'vite (MDX)', 'pages', 'images', 'of which cached', 'astro', 'outside astro', 'of which astro start-up', 'search index'];
const fmt = (ms: number | undefined) => (ms === undefined ? '?' : secs(ms));
const minus = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);
const phaseLines = [
  phaseHeader,
  ...rows.map(([name, m]) => {
    const p = m.phases;
    const early = p.imagesEarly ? `${p.imagesEarly.cached}/${p.imagesEarly.total}` : '–';
    return [name, fmt(p.vite), fmt(p.pages), fmt(p.images), early, fmt(p.astro), fmt(minus(m.wallMs, p.astro)), p.astroProcess === undefined ? '–' : fmt(minus(p.astroProcess, p.astro)), p.search === undefined ? '–' : fmt(p.search)];
  }),
];
console.log(formatTable(phaseLines, { align: align(phaseHeader) }));
const searchWhere = `“${SEARCH_QUERY}” on /search/, gzip, empty cache, phone viewport`;
console.log(
  search instanceof Error
    ? `first search (${searchWhere}): failed, ${search.message.split('\n')[0]}`
    : `first search (${searchWhere}): ${(search.bytes / 1024).toFixed(1)} KB (${search.bytes} bytes) over the wire in ${search.requests} requests, ${search.results.length} page(s) shown in the results`,
);
const warmRatios = warm && warmMeta ? `warm/cold ${((warm.wallMs / coldMedian.wallMs) * 100).toFixed(0)}% body edit, ${((warmMeta.wallMs / coldMedian.wallMs) * 100).toFixed(0)}% headline edit` : '';
if (baselines && imagesCached && likeMedian) {
  const ratio = coldMedian.wallMs / baselines.unified.wallMs;
  console.log(`ratio gazette/like-for-like ${(coldMedian.wallMs / likeMedian.wallMs).toFixed(2)} cold (baseline: ${likeMedian.images} image files); ${warmRatios}`);
  if (colds.length > 1) console.log(`cold runs, alternated: gazette ${colds.map((run) => secs(run.wallMs)).join(', ')}; like for like ${likes.map((run) => secs(run.wallMs)).join(', ')} (medians above)`);
  console.log(
    `ratio gazette/unified ${ratio.toFixed(2)} cold, ${(imagesCached.wallMs / baselines.unified.wallMs).toFixed(2)} with images cached; satteri/unified ${(baselines.satteri.wallMs / baselines.unified.wallMs).toFixed(2)}; ` +
      `peak RSS gazette/unified ${(coldMedian.treePeakRssKb / baselines.unified.treePeakRssKb).toFixed(2)}`,
  );
} else if (warmRatios) console.log(warmRatios);
console.log(`dist ${(out.bytes / 2 ** 20).toFixed(1)} MB, ${out.images} image files`);
console.log(
  `peak RSS (tree): summed VmRSS of the build's whole process tree, sampled every 200 ms; max 1 process: ${existsSync(TIME_BIN) ? `${TIME_BIN} -v, the largest single process` : `${TIME_BIN} missing`}.`,
);
if (json) console.log(JSON.stringify(figures()));
if (keep) log(`temp projects kept in ${work}`);
cleanUp();
if (search instanceof Error) process.exit(1);

/** The JSON line: the figures of the builds that ran, and no key at all for a build that did not. */
function figures(): Record<string, string | number | number[]> {
  const result: Record<string, string | number | number[]> = {
    mode,
    stories,
    pages: out.pages,
    wallMs: Math.round(coldMedian.wallMs),
    msPerPage: Number((coldMedian.wallMs / out.pages).toFixed(1)),
    peakRssMb: Math.round(coldMedian.treePeakRssKb / 1024),
    distMb: Number((out.bytes / 2 ** 20).toFixed(1)),
    images: out.images,
  };
  // Images of the cold build encoded while its pages rendered (decisions 021 and 029).
  if (coldMedian.phases.imagesEarly) result.imagesEncodedEarly = coldMedian.phases.imagesEarly.cached;
  if (!(search instanceof Error)) {
    Object.assign(result, { firstSearchBytes: search.bytes, firstSearchRequests: search.requests, firstSearchResults: search.results.length });
  }
  if (warm && warmMeta) {
    Object.assign(result, {
      warmWallMs: Math.round(warm.wallMs),
      warmPeakRssMb: Math.round(warm.treePeakRssKb / 1024),
      warmMetaWallMs: Math.round(warmMeta.wallMs),
    });
  }
  if (baselines && imagesCached && likeMedian) {
    const ratio = coldMedian.wallMs / baselines.unified.wallMs;
    Object.assign(result, {
      baselineWallMs: Math.round(baselines.unified.wallMs),
      baselinePeakRssMb: Math.round(baselines.unified.treePeakRssKb / 1024),
      satteriWallMs: Math.round(baselines.satteri.wallMs),
      ratio: Number(ratio.toFixed(2)),
      imagesCachedWallMs: Math.round(imagesCached.wallMs),
      ratioImagesCached: Number((imagesCached.wallMs / baselines.unified.wallMs).toFixed(2)),
      likeBaselineWallMs: Math.round(likeMedian.wallMs),
      likeBaselinePeakRssMb: Math.round(likeMedian.treePeakRssKb / 1024),
      likeBaselineImages: likeMedian.images,
      ratioLike: Number((coldMedian.wallMs / likeMedian.wallMs).toFixed(2)),
      // Every cold pair, in the order built: wallMs and likeBaselineWallMs are their median runs.
      runs: colds.length,
      coldRunsWallMs: colds.map((run) => Math.round(run.wallMs)),
      likeBaselineRunsWallMs: likes.map((run) => Math.round(run.wallMs)),
    });
  }
  result.loadStart = Number(loadBefore.toFixed(2));
  result.loadEnd = Number(loadAfter.toFixed(2));
  return result;
}
