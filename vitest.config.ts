import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

/**
 * Three projects, one per kind of test: `npm run test:unit` is the seconds-long loop,
 * `npm test` runs all three.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    // Transformed modules are cached on disk (node_modules/.experimental-vitest-cache), so a
    // second run of the unit loop skips Vite's transforms of Astro and its dependencies.
    experimental: { fsModuleCache: true },
    projects: [
      // Astro's Vite config, so components render through the container API and
      // `astro:content` can be mocked; no build runs.
      getViteConfig({
        test: {
          name: 'unit',
          pool: 'threads',
          include: ['tests/unit/**/*.test.ts'],
          // Settles WebCrypto jobs before a file's thread is terminated: decision 023.
          setupFiles: ['tests/helpers/settle-crypto.ts'],
          server: { deps: { external: [/\/node_modules\/astro\//] } },
        },
      }),
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          // Real Astro builds in temp dirs: minutes, not milliseconds, on 2 cores.
          testTimeout: 240_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // Unpacks the npm-shipped Chromium and writes the fontconfig file once, before any worker starts.
          globalSetup: ['tests/helpers/browser-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
