/**
 * The editing desk, in `astro dev` only: React, Keystatic's app at /keystatic/ and Gazette's
 * own local API for it. Decided by the command, like the drafts preview (site/integration.ts),
 * so a build never loads React or Keystatic and its output is the same with the desk installed.
 */
import type { AstroIntegration } from 'astro';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default function desk(): AstroIntegration {
  return {
    name: 'gazette-desk',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, injectRoute, logger }) => {
        // Vitest loads Astro's config as 'dev' to compile components; it needs no desk.
        if (command !== 'dev' || process.env.VITEST) return;
        // The desk's packages are devDependencies: a checkout installed without them still previews.
        const react = await import('@astrojs/react').then((module) => module.default).catch(() => undefined);
        if (!react) {
          logger.warn('editing desk not installed (@astrojs/react, @keystatic/*): run `npm install`; the preview works without it');
          return;
        }
        const root = fileURLToPath(config.root);
        updateConfig({
          integrations: [react()],
          // Keystatic's app and API addresses have no trailing slash.
          trailingSlash: 'ignore',
          vite: {
            // Per checkout, beside Astro's cache: node_modules/.vite would be shared by every copy
            // that links the same node_modules (test copies), each re-bundling the others' deps.
            cacheDir: join(root, '.gazette/cache/vite'),
            define: { 'import.meta.env.GAZETTE_DESK_ROOT': JSON.stringify(root) },
            // The app's modules are served from node_modules, which a test copy links from elsewhere.
            server: { fs: { allow: [root, realpathSync(join(root, 'node_modules'))] } },
            // Bundled once at start, so the desk's first load does not make Vite reload the page.
            optimizeDeps: { include: ['@keystatic/core', '@keystatic/core/ui', '@keystatic/core/content-components', '@keystatic/astro/ui', 'react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'] },
          },
        });
        injectRoute({ pattern: '/keystatic/[...params]', entrypoint: here('./desk-page.astro'), prerender: false });
        injectRoute({ pattern: '/api/keystatic/[...params]', entrypoint: here('./desk-api.ts'), prerender: false });
        logger.info('editing desk at /keystatic/');
      },
    },
  };
}
