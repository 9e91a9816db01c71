// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { defaultLocale, localeKeys } from './src/config/locales.ts';
import { getSiteUrl } from './src/config/site.ts';
import gazette from './src/integrations/gazette.ts';

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
  i18n: {
    locales: [...localeKeys],
    defaultLocale,
    routing: { prefixDefaultLocale: false },
  },
  markdown: {
    // Astro 7's default processor (Satteri) runs no remark plugins: GFM comes through unified().
    // SmartyPants stays off: it would rewrite the editors' quotation marks, and the text is sacred.
    processor: unified({ remarkPlugins: [remarkGfm], smartypants: false }),
  },
  integrations: [gazette(), mdx()],
  devToolbar: { enabled: false },
});
