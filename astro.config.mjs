// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { defaultLocale, localeKeys } from './src/config/locales.ts';
import { getSiteUrl } from './src/config/site.ts';
import gazette, { readBuiltPageMeta } from './src/site/integration.ts';
import { getSitemapConfig } from './src/site/sitemap-config.ts';
import desk from './src/desk/desk-integration.ts';

export default defineConfig({
  site: getSiteUrl(),
  trailingSlash: 'always',
  // Per-checkout cache (content store, encoded images), so test builds in temp copies never share state.
  cacheDir: './.gazette/cache',
  build: {
    format: 'directory',
    // One round trip: the page's CSS travels inside its HTML.
    inlineStylesheets: 'always',
  },
  image: {
    service: {
      // Astro's sharp service, plus a faster JPEG for the crops only crawlers fetch (decision 034).
      entrypoint: './src/site/image-service.ts',
      // Chosen by measurement (docs/performance.md, "Image encoding settings"): AVIF at a low
      // effort encodes much faster for nearly the same size; WebP only serves browsers without
      // AVIF, so it too trades a little size for speed; mozjpeg trims the JPEG fallback, the
      // card and the search thumbnail.
      config: { avif: { effort: 1, quality: 45 }, webp: { quality: 72, effort: 2 }, jpeg: { mozjpeg: true, quality: 78 } },
    },
  },
  i18n: {
    locales: [...localeKeys],
    defaultLocale,
    routing: { prefixDefaultLocale: false },
  },
  // No mdx() and no markdown.processor: no page under src/pages/ is Markdown or MDX, and story
  // bodies are rendered to HTML by src/site/story-loader.ts (docs/decisions/007-story-bodies-as-html.md).
  // desk(): the editing desk, added only under `astro dev` (src/desk/desk-integration.ts).
  integrations: [gazette(), desk(), sitemap(getSitemapConfig(readBuiltPageMeta))],
  devToolbar: { enabled: false },
  // `npm run build` builds into a new staging folder, where it has already made the last site's
  // page folders (scripts/build.ts, decision 031): Astro must not empty it. A plain `astro build`
  // still starts from an empty output folder.
  vite: { build: { emptyOutDir: process.env.GAZETTE_FRESH_OUTDIR !== '1' } },
  experimental: {
    // Pages whose cacheKey (src/site/page-cache-keys.ts), code, config and lock file are unchanged
    // are restored from .gazette/cache instead of rendered: a one-body edit re-renders one page.
    incrementalBuild: true,
    // The content store in 20 MiB files instead of one: a single file is one JavaScript string,
    // which V8 compiles whole on every build and cannot hold past ~512 MB (docs/scaling.md). Its
    // writer is patched (patches/, decision 017): unpatched, it made every content sync crawl.
    collectionStorage: 'chunked',
  },
});
