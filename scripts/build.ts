/**
 * `npm run build`: validate, build into a staging folder, then swap it in.
 * Newsroom rule: a failed build never touches dist/, so the last good site stays
 * deployable. The same validator as `npm run check` runs first, so an editor's error
 * stops the build in about a second, before Astro starts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { localeKeys, locales } from '../src/config/locales.ts';
import { pruneUnreferencedAssets } from '../src/lib/prune-assets.ts';
import { writeSearchIndex } from '../src/lib/search-index.ts';

const root = process.cwd();
const dist = join(root, 'dist');
const work = join(root, '.gazette');
const next = join(work, 'dist-next');
const previous = join(work, 'dist-previous');

// The same check as `npm run check`, in its own process: the MDX trees and YAML documents it
// builds are freed when it exits, instead of sitting in this process while Astro runs.
const check = spawnSync(process.execPath, [join(import.meta.dirname, 'check.ts'), '--content-only'], { stdio: 'inherit' });
if (check.status !== 0) {
  console.error('\nBuild stopped by the content errors above. dist/ was left as it was.');
  process.exit(1);
}

mkdirSync(work, { recursive: true });
rmSync(next, { recursive: true, force: true });
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', next, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', GAZETTE_VALIDATED: '1' },
});
if (result.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  console.error('\nBuild failed: dist/ was left as it was.');
  process.exit(result.status ?? 1);
}

// Static hosts serve the 404.html nearest to the missing path: give each language its own.
for (const locale of localeKeys) {
  const prefix = locales[locale].prefix;
  const page = join(next, prefix, '404', 'index.html');
  if (prefix && existsSync(page)) {
    renameSync(page, join(next, prefix, '404.html'));
    rmSync(dirname(page), { recursive: true, force: true });
  }
}

const pruned = pruneUnreferencedAssets(next);
if (pruned.length > 0) console.log(`pruned ${pruned.length} unreferenced asset(s): originals and photos no published page shows`);

// After pruning: Pagefind's compressed fragments name images the pruner cannot read.
try {
  const { pages } = await writeSearchIndex(next);
  console.log(`search index: ${pages} page(s)`);
} catch (error) {
  rmSync(next, { recursive: true, force: true });
  console.error(`${(error as Error).message}\nBuild failed: dist/ was left as it was.`);
  process.exit(1);
}

// Swap: two renames on one filesystem, so dist/ is never half-written.
rmSync(previous, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, previous);
renameSync(next, dist);
rmSync(previous, { recursive: true, force: true });
console.log('dist/ updated.');
