/**
 * Gazette's Astro integration: validates content before Astro reads it, so a plain
 * `astro build` is as guarded as `npm run build` (which validates first itself and
 * sets GAZETTE_VALIDATED to skip the second pass). In dev, problems are printed, shown in
 * the pages themselves (dev-errors.ts), and the preview keeps running so an editor can fix them live.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../check/check-content.ts';
import { contentStoreAtRuntime } from './content-store-plugin.ts';
import { showContentErrors } from './dev-errors.ts';
import { readPageMetaFromHtml, type PageMeta } from './sitemap-config.ts';

let outDir: string | undefined;
let root: string | undefined;

/** Metadata of a built page by its absolute URL, for the sitemap (which runs after the pages are written). */
export function readBuiltPageMeta(url: string): PageMeta | undefined {
  if (!outDir) return undefined;
  const file = join(outDir, decodeURIComponent(new URL(url).pathname), 'index.html');
  return existsSync(file) ? readPageMetaFromHtml(readFileSync(file, 'utf8')) : undefined;
}

export default function gazette(): AstroIntegration {
  return {
    name: 'gazette',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        root = fileURLToPath(config.root);
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
            define: { 'import.meta.env.GAZETTE_PREVIEW': JSON.stringify(command === 'dev'), 'import.meta.env.GAZETTE_BUILD': JSON.stringify(command === 'build') },
            plugins: [contentStoreAtRuntime(new URL('data-store/', config.cacheDir))],
          },
        });
        if (command === 'build' && process.env.GAZETTE_VALIDATED === '1') return;
        if (command !== 'build' && command !== 'dev') return;
        // Vitest loads this config as 'dev' only to compile components for unit tests, which bring
        // their own content: checking the real content/ there would cost every test run a second.
        if (process.env.VITEST) return;
        const root = fileURLToPath(config.root);
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
