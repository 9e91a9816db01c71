/**
 * Gazette's Astro integration: validates content before Astro reads it, so a plain
 * `astro build` is as guarded as `npm run build` (which validates first itself and
 * sets GAZETTE_VALIDATED to skip the second pass). In dev, problems are printed, shown in
 * the pages themselves (dev-errors.ts), and the preview keeps running so an editor can fix them live.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileFacts } from '../build/file-facts.ts';
import { getLockHash, getSourceHash } from '../build/hash.ts';
import { FEED_ITEMS, FEED_ITEMS_ENV } from '../build/unfinished-build.ts';
import { contentStoreAtRuntime } from './content-store-plugin.ts';
import { showContentErrors } from './dev-errors.ts';
import { readPageMetaFromHtml, type PageMeta } from './sitemap-config.ts';

let outDir: string | undefined;
let root: string | undefined;
let cacheDir: string | undefined;
let pageMeta: FileFacts | undefined;

/** Metadata of a built page by its absolute URL, for the sitemap (which runs after the pages are written). */
export function readBuiltPageMeta(url: string): PageMeta | undefined {
  if (!outDir) return undefined;
  const file = join(outDir, decodeURIComponent(new URL(url).pathname), 'index.html');
  if (!existsSync(file)) return undefined;
  if (!pageMeta) {
    // Pages unchanged since the last build are not read again (file-facts.ts). Saved at exit: the
    // sitemap's hook, which reads them, runs after every hook of this integration.
    const facts = new FileFacts(cacheDir && join(cacheDir, 'file-facts', 'sitemap.json'), outDir, getSourceHash(import.meta.url, new URL('./sitemap-config.ts', import.meta.url).href));
    process.once('exit', () => facts.save());
    pageMeta = facts;
  }
  const [modified, robots] = pageMeta.read(
    file,
    (bytes) => {
      const meta = readPageMetaFromHtml(bytes.toString('utf8'));
      return [meta.modified ?? '', meta.noindex ? 'noindex' : 'index'];
    },
    (facts) => facts.length === 2,
  );
  return { modified: modified || undefined, noindex: robots === 'noindex' };
}

export default function gazette(): AstroIntegration {
  return {
    name: 'gazette',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:server:setup': ({ server }) => {
        // The check's own words in the preview, where Vite would show a stack trace.
        if (!process.env.VITEST && root) showContentErrors(server, root);
      },
      'astro:config:setup': async ({ config, command, logger, updateConfig }) => {
        // Drafts show only in `astro dev`. Decided by the command, never by NODE_ENV or
        // import.meta.env.DEV, which a stray NODE_ENV=development would flip in production.
        updateConfig({
          vite: {
            define: {
              'import.meta.env.GAZETTE_PREVIEW': JSON.stringify(command === 'dev'),
              'import.meta.env.GAZETTE_BUILD': JSON.stringify(command === 'build'),
              'import.meta.env.GAZETTE_LOCK_HASH': JSON.stringify(getLockHash(fileURLToPath(config.root))),
            },
            plugins: [contentStoreAtRuntime(new URL('data-store/', config.cacheDir))],
          },
        });
        // Where a build keeps its feed items for the next (src/site/feeds.ts). In the process's
        // environment, not in `define`: Astro's page cache keys on `define`, and an absolute path
        // there would throw the whole cache away whenever the project moves to another folder.
        if (command === 'build') process.env[FEED_ITEMS_ENV] = join(fileURLToPath(config.cacheDir), FEED_ITEMS);
        if (command === 'build' && process.env.GAZETTE_VALIDATED === '1') return;
        if (command !== 'build' && command !== 'dev') return;
        // Vitest loads this config as 'dev' only to compile components for unit tests, which bring
        // their own content: checking the real content/ there would cost every test run a second.
        if (process.env.VITEST) return;
        const root = fileURLToPath(config.root);
        // Loaded only where the check runs: `npm run build` has checked already, and need not pay
        // for loading the check's modules again in its Astro process.
        const { checkContent } = await import('../check/check-content.ts');
        const report = await checkContent(root);
        for (const line of report.warnings) logger.warn(line);
        if (report.ok) return;
        const { errors } = report;
        if (command === 'dev') {
          for (const line of errors) logger.error(line);
          return;
        }
        throw new Error(`content has ${errors.length} error(s):\n${errors.join('\n')}`);
      },
    },
  };
}
