/**
 * Astro's content store, read at build time from its files instead of bundled. Astro makes each
 * chunk of the chunked store (astro.config.mjs) a module holding the chunk as one string literal,
 * which Vite bundles and Node then compiles, every build, in proportion to the archive. A static
 * build runs its pages on this machine, right after the sync that wrote those files, so the
 * module can read the file instead (docs/decisions/018-content-store-read-at-runtime.md).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Astro's id for a chunk module (astro/dist/content/consts.js), and its chunk file names. */
const CHUNK_ID = /^\0astro:data-layer-content-chunk:([a-f0-9]{16}\.txt)\.mjs$/;

/** `storeDir`: Astro's store folder in a build, `data-store/` under its cacheDir. */
export function contentStoreAtRuntime(storeDir: URL): Plugin {
  return {
    name: 'gazette:content-store-at-runtime',
    apply: 'build',
    // Pages prerendered on this machine only: a server bundle (an on-demand route, an adapter)
    // would run elsewhere, without these files.
    applyToEnvironment: (environment) => environment.name === 'prerender',
    load: {
      // Before Astro's own loader for these ids, which would inline the file.
      order: 'pre',
      filter: { id: CHUNK_ID },
      handler(id) {
        const fileName = CHUNK_ID.exec(id)?.[1];
        if (!fileName) return null;
        const file = fileURLToPath(new URL(fileName, storeDir));
        // A missing chunk fails the build here, with its name, rather than in a page.
        if (!existsSync(file)) {
          throw new Error(`content store: ${file} is missing (another Astro command may have rewritten the store during this build). Build again; if it happens again, delete .gazette/cache first.`);
        }
        return { code: `import { readFileSync } from 'node:fs';\nexport default readFileSync(${JSON.stringify(file)}, 'utf8');\n`, map: { mappings: '' } };
      },
    },
  };
}
