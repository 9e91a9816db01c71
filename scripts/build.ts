/**
 * `npm run build`: validate, build into a staging folder, then swap it in.
 * Newsroom rule: a failed build never touches dist/, so the last good site stays
 * deployable. The same validator as `npm run check` runs beside Astro and decides first, so an
 * editor's error stops the build, reported by the check alone: about a second after an edit; in a
 * cold build of a large archive once its bodies are parsed (decision 030).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { localeKeys, locales } from '../src/config/locales.ts';
import { getNow } from '../src/newsroom/now.ts';
import { listPageFolders, makeFolders, removeEmptyFolders } from '../src/build/page-folders.ts';
import { pruneUnreferencedAssets } from '../src/build/prune-assets.ts';
import { stopPagefind } from '../src/build/pagefind-cli.ts';
import { writeSearchIndex } from '../src/build/search-index.ts';
import { beginBuild, finishBuild } from '../src/build/unfinished-build.ts';

const root = process.cwd();
const dist = join(root, 'dist');
const work = join(root, '.gazette');
const next = join(work, 'dist-next');
const previous = join(work, 'dist-previous');
/** Astro's cacheDir (astro.config.mjs). */
const cacheDir = join(work, 'cache');
/**
 * GAZETTE_TIMINGS=1 (set by `npm run bench`) ends the output with one line of how long each step
 * took, ms since this process started, so the benchmark can say where a rebuild's time goes
 * outside Astro's own log. Editors never see it.
 */
const steps: [string, number][] = [];
const step = (name: string) => steps.push([name, Math.round(performance.now())]);

/** A child process whose output is held back until `release()`, then streamed. */
function held(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  // detached: its own process group, so a stop reaches Astro's workers too.
  const child: ChildProcess = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const chunks: [NodeJS.WriteStream, Buffer][] = [];
  let live = false;
  let outOfMemory = false;
  for (const [stream, out] of [[child.stdout!, process.stdout], [child.stderr!, process.stderr]] as const) {
    stream.on('data', (chunk: Buffer) => {
      if (chunk.includes('JavaScript heap out of memory')) outOfMemory = true;
      if (live) out.write(chunk);
      else chunks.push([out, chunk]);
    });
  }
  const exited = new Promise<number>((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return {
    exited,
    pid: child.pid,
    /** V8 gave up for lack of heap: worth a sentence an editor can act on after its stack dump. */
    get outOfMemory() {
      return outOfMemory;
    },
    release() {
      for (const [out, chunk] of chunks.splice(0)) out.write(chunk);
      live = true;
    },
    stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
    },
  };
}

// A build killed between the swap's two renames left no dist/, the last good site in
// dist-previous and its own in dist-next (a dist/ deleted by hand leaves no dist-next, and then
// dist-previous is an older site, not to be put back). The last good site goes back first, so
// whatever this build does, it is there.
if (!existsSync(dist) && existsSync(previous) && existsSync(next)) {
  renameSync(previous, dist);
  console.log('dist/: the last good site was put back (a build was stopped while swapping it).');
}

// A mistyped GAZETTE_NOW would otherwise surface inside Astro as a stack trace.
try {
  getNow();
} catch (error) {
  console.error(`${(error as Error).message}\nBuild stopped: dist/ was left as it was.`);
  process.exit(1);
}

mkdirSync(work, { recursive: true });
rmSync(next, { recursive: true, force: true });
// The site the last build replaced is kept until now and deleted in the background while this
// build runs: deleting a few thousand files is time no one should wait for.
if (existsSync(previous)) renameSync(previous, join(work, `dist-stale-${process.pid}`));
const cleanup = Promise.all(
  readdirSync(work).filter((name) => name.startsWith('dist-stale-')).map((name) => rm(join(work, name), { recursive: true, force: true })),
);
// The stories loader's verdicts on the bodies it parses, for the check (decision 030). A killed
// build's few files are deleted first, so this build's check reads only its own.
const verdicts = join(work, `body-verdicts-${process.pid}`);
for (const name of readdirSync(work)) if (name.startsWith('body-verdicts-')) rmSync(join(work, name), { recursive: true, force: true });
mkdirSync(verdicts);
const dropVerdicts = () => rmSync(verdicts, { recursive: true, force: true });
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const discarded = beginBuild(cacheDir);
if (discarded > 0) console.log(`cache: the last build did not finish; ${discarded} file(s) it may have half written are made again.`);

// The content check (the same as `npm run check`) and `astro build` start together: on two
// cores the check overlaps Astro's start-up instead of delaying it, and when many bodies are new
// the check takes the verdicts of the stories loader, which parses them anyway (decision 030),
// instead of parsing them a second time. Astro's output is
// held until the check has passed, so an editor's error is reported by the check alone, with
// file and line, and Astro is stopped. Either way the build goes to a staging folder: a failed
// build never touches dist/, so the last good site stays deployable.
step('start');
// Astro holds every story's HTML in memory while it builds, so V8's default heap limit is what a
// large archive outgrows first (docs/scaling.md): the check and Astro may use three quarters of
// the machine's memory, unless NODE_OPTIONS already says otherwise (a later flag wins).
const heap = `--max-old-space-size=${Math.floor((totalmem() / 2 ** 20) * 0.75)}`;
const nodeOptions = { NODE_OPTIONS: `${heap} ${process.env.NODE_OPTIONS ?? ''}`.trim() };
const outOfMemory = `\nThe build ran out of memory (${heap}): the archive needs a machine with more memory, or a build split by year (docs/scaling.md).`;
const astro = held(process.execPath, [astroBin, 'build', '--outDir', next, ...process.argv.slice(2)], {
  ...process.env,
  ...nodeOptions,
  NODE_ENV: 'production',
  GAZETTE_VALIDATED: '1',
  // Each body is parsed once: the loader hands the check its verdicts (src/check/body-handoff.ts).
  GAZETTE_BODY_VERDICTS: verdicts,
  // The staging folder is new and holds only the page folders made ahead below, which Astro must
  // not empty (astro.config.mjs).
  GAZETTE_FRESH_OUTDIR: '1',
  // Gazette's patch to Astro (decision 021) encodes images on the cores page rendering leaves idle.
  // Set to 0 by the incremental build test, which holds the site to one built without it.
  GAZETTE_IMAGES_WHILE_RENDERING: process.env.GAZETTE_IMAGES_WHILE_RENDERING ?? '1',
});
const check = held(process.execPath, [join(import.meta.dirname, 'check.ts'), '--content-only'], {
  ...process.env,
  ...nodeOptions,
  GAZETTE_BODY_VERDICTS: verdicts,
  GAZETTE_BODY_VERDICTS_FROM: String(astro.pid),
});
// The last good site's page folders, made in the staging folder while Astro starts (decision 031).
const foldersAhead = existsSync(dist)
  ? listPageFolders(dist).then(async (folders) => (await makeFolders(next, folders), folders)).catch(() => [] as string[])
  : Promise.resolve([] as string[]);
// The children have their own process groups, so a Ctrl-C in the terminal must be passed on.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    check.stop();
    astro.stop();
    stopPagefind();
    rmSync(next, { recursive: true, force: true });
    dropVerdicts();
    process.exit(130);
  });
}
check.release();
const checkStatus = await check.exited;
step('check');
if (checkStatus !== 0) {
  astro.stop();
  await astro.exited;
  dropVerdicts();
  await foldersAhead;
  rmSync(next, { recursive: true, force: true });
  if (check.outOfMemory) console.error(`${outOfMemory}\nBuild failed: dist/ was left as it was.`);
  else console.error('\nBuild stopped by the content errors above. dist/ was left as it was.');
  process.exit(1);
}
astro.release();
const astroStatus = await astro.exited;
dropVerdicts();
const foldersMade = await foldersAhead;
step('astro');
if (astroStatus !== 0) {
  rmSync(next, { recursive: true, force: true });
  if (astro.outOfMemory) console.error(outOfMemory);
  console.error('\nBuild failed: dist/ was left as it was.');
  process.exit(astroStatus);
}
finishBuild(cacheDir);
// Folders made ahead that this build wrote nothing into (a withdrawn story's, say), as a build into
// an empty folder would have it.
const emptied = removeEmptyFolders(next, foldersMade);
if (process.env.GAZETTE_TIMINGS === '1' && emptied > 0) console.log(`page folders: ${emptied} made ahead and left empty, removed`);

// Static hosts serve the 404.html nearest to the missing path: give each language its own.
for (const locale of localeKeys) {
  const prefix = locales[locale].prefix;
  const page = join(next, prefix, '404', 'index.html');
  if (prefix && existsSync(page)) {
    renameSync(page, join(next, prefix, '404.html'));
    rmSync(dirname(page), { recursive: true, force: true });
  }
}

const pruned = pruneUnreferencedAssets(next, '_astro', join(cacheDir, 'file-facts', 'assets.json'));
step('prune');
if (pruned.length > 0) console.log(`pruned ${pruned.length} unreferenced asset(s): originals and photos no published page shows`);

// After pruning: Pagefind's compressed fragments name images the pruner cannot read.
try {
  const { pages, shards, reused, merged } = await writeSearchIndex(next, cacheDir);
  console.log(
    `search index: ${Object.entries(pages).map(([lang, count]) => `${count} ${lang}`).join(', ')} page(s); ${shards - reused} language(s) indexed${merged > 0 ? ` (${merged} updated from the last index)` : ''}, ${reused} unchanged`,
  );
  step('search');
} catch (error) {
  rmSync(next, { recursive: true, force: true });
  console.error(`${(error as Error).message}\nBuild failed: dist/ was left as it was.`);
  process.exit(1);
}

// Swap: two renames on one filesystem, so dist/ is never half-written.
await cleanup;
if (existsSync(dist)) renameSync(dist, previous);
renameSync(next, dist);
step('swap');
console.log('dist/ updated.');
if (process.env.GAZETTE_TIMINGS === '1') console.log(`timings: ${steps.map(([name, ms]) => `${name} ${ms}`).join(', ')}`);
