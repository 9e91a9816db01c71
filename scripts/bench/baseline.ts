/**
 * The baselines of `npm run bench`: bare Astro 7 + MDX projects, written to a temp dir at run
 * time, that build the same story files as Gazette: one page per story file, a minimal layout,
 * no archives, no feeds. `<LeadLines>` and `<KeyFigures>` are plain wrappers, so the MDX text
 * compiles and renders exactly as in Gazette.
 *
 * - `unified`: Gazette's own processor (unified + remark-gfm, SmartyPants off), text only:
 *   `<Photo>` renders nothing.
 * - `satteri`: Astro 7's default native processor, smart punctuation off too so both emit the
 *   same text; text only.
 * - `like`: `unified` plus the same photos as Gazette, each hero and `<Photo>` through
 *   `astro:assets` `<Picture>` in AVIF and WebP at Figure.astro's widths with a JPEG fallback, and
 *   Gazette's own encoder settings: what a developer would build with bare Astro for the same
 *   stories and photos, so that images cost both sides alike.
 */
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listDir, listDirs } from '../../src/build/files.ts';

export type Baseline = 'unified' | 'satteri' | 'like';
type Processor = 'unified' | 'satteri';

/** The widths of Gazette's `<Figure>` (src/components/Figure.astro), which every story photo goes through. */
export const FIGURE_WIDTHS = [360, 540, 720, 1080, 1440, 2160] as const;

/**
 * node_modules for a temp project: one symlink per package of the checkout's node_modules,
 * rather than one symlink to the whole folder, so that Vite's and Astro's caches
 * (node_modules/.vite, node_modules/.astro) are written in the temp project, never in the checkout.
 */
export function linkNodeModules(projectDir: string, repoNodeModules: string): void {
  const target = join(projectDir, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const name of listDir(repoNodeModules)) {
    if (name === '.vite' || name === '.astro' || name === '.cache') continue;
    symlinkSync(join(repoNodeModules, name), join(target, name));
  }
}

const PROCESSOR_CONFIG: Record<Processor, { imports: string; processor: string }> = {
  unified: {
    imports: "import { unified } from '@astrojs/markdown-remark';\nimport remarkGfm from 'remark-gfm';",
    processor: 'unified({ remarkPlugins: [remarkGfm], smartypants: false })',
  },
  satteri: {
    imports: "import { satteri } from '@astrojs/markdown-satteri';",
    processor: 'satteri({ features: { smartPunctuation: false } })',
  },
};

const processorOf = (baseline: Baseline): Processor => (baseline === 'satteri' ? 'satteri' : 'unified');

/**
 * The files of one baseline project. `imageService` is Gazette's `image.service` from its
 * astro.config.mjs, passed in as data so the like-for-like baseline encodes with exactly its
 * settings, whatever they become.
 */
const files = (baseline: Baseline, imageService: unknown): Record<string, string> => ({
  'package.json': `${JSON.stringify({ name: `gazette-bench-baseline-${baseline}`, private: true, type: 'module' }, null, 2)}\n`,
  'astro.config.mjs': `// @ts-check
import mdx from '@astrojs/mdx';
${PROCESSOR_CONFIG[processorOf(baseline)].imports}
import { defineConfig } from 'astro/config';

export default defineConfig({
  // Caches stay in this temp project.
  cacheDir: './.cache',
  markdown: { processor: ${PROCESSOR_CONFIG[processorOf(baseline)].processor} },${baseline === 'like' ? `\n  image: { service: ${JSON.stringify(imageService)} },` : ''}
  integrations: [mdx()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX module carries Astro's "use astro:head-inject" directive and the bundler warns
        // about each: thousands of identical lines that would hide a real one. Gazette's own build
        // compiles no MDX modules (decision 007), so only this baseline needs the filter.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
`,
  'src/content.config.ts': baseline === 'like' ? LIKE_CONTENT_CONFIG : TEXT_CONTENT_CONFIG,
  'src/layouts/Layout.astro': `---
interface Props { title: string; lang: string }
const { title, lang } = Astro.props;
---
<!doctype html>
<html lang={lang}>
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title></head>
  <body><main><slot /></main></body>
</html>
`,
  'src/components/Photo.astro': baseline === 'like' ? LIKE_PHOTO : `---
interface Props { id: string }
---
`,
  'src/components/LeadLines.astro': `<div class="lead-lines"><slot /></div>\n`,
  'src/components/KeyFigures.astro': `<div class="key-figures"><slot /></div>\n`,
  'src/pages/[...slug].astro': `---
import { getCollection, render } from 'astro:content';
import KeyFigures from '../components/KeyFigures.astro';
import LeadLines from '../components/LeadLines.astro';
import Photo from '../components/Photo.astro';
import Layout from '../layouts/Layout.astro';

export async function getStaticPaths() {
  const stories = await getCollection('stories');
  return stories.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const lang = entry.id.endsWith('/en') ? 'en' : 'zh-CN';
---
<Layout title={String(entry.data.title)} lang={lang}>
  <article>
    <h1>{String(entry.data.title)}</h1>
${baseline === 'like' ? '    {entry.data.hero && <Photo id={String(entry.data.hero)} hero />}\n' : ''}    <Content components={{ Photo, LeadLines, KeyFigures }} />
  </article>
</Layout>
`,
});

const TEXT_CONTENT_CONFIG = `import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';

export const collections = {
  stories: defineCollection({ loader: glob({ base: './content/stories', pattern: '*/{zh,en}.mdx' }) }),
};
`;

/** Photo entries as a bare Astro site would keep them: a collection with image() (one id per file name, as in Gazette). */
const LIKE_CONTENT_CONFIG = `import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  stories: defineCollection({ loader: glob({ base: './content/stories', pattern: '*/{zh,en}.mdx' }) }),
  photos: defineCollection({
    loader: glob({ base: './content/stories', pattern: '*/photos/*.yaml', generateId: ({ entry }) => entry.split('/').pop().replace(/\\.yaml$/, '') }),
    schema: ({ image }) => z.object({ image: image(), alt: z.object({ zh: z.string(), en: z.string() }), caption: z.object({ zh: z.string(), en: z.string() }) }),
  }),
};
`;

/** A photo with its caption: Astro's <Picture> at Gazette's formats and widths, JPEG fallback. */
const LIKE_PHOTO = `---
import { Picture } from 'astro:assets';
import { getEntry } from 'astro:content';
interface Props { id: string; hero?: boolean }
const { id, hero = false } = Astro.props;
const photo = await getEntry('photos', id);
if (!photo) throw new Error(\`no photo \${id}\`);
const lang = Astro.url.pathname.includes('/en/') ? 'en' : 'zh';
---
<figure>
  <Picture src={photo.data.image} alt={photo.data.alt[lang]} formats={['avif', 'webp']} fallbackFormat="jpg" widths={${JSON.stringify(FIGURE_WIDTHS)}} sizes={hero ? '(min-width: 60rem) 58rem, calc(100vw - 2rem)' : '(min-width: 42rem) 40rem, calc(100vw - 2rem)'} loading={hero ? 'eager' : 'lazy'} />
  <figcaption>{photo.data.caption[lang]}</figcaption>
</figure>
`;

/**
 * Writes a baseline project into `dir`, with the story files (zh.mdx, en.mdx) of `storiesDir`
 * and, for `like`, their photos/ folders too.
 */
export function writeBaselineProject(dir: string, baseline: Baseline, storiesDir: string, repoNodeModules: string, imageService?: unknown): void {
  for (const [path, text] of Object.entries(files(baseline, imageService))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const id of listDirs(storiesDir)) {
    for (const name of ['zh.mdx', 'en.mdx']) {
      const source = join(storiesDir, id, name);
      if (!existsSync(source)) continue;
      mkdirSync(join(dir, 'content/stories', id), { recursive: true });
      cpSync(source, join(dir, 'content/stories', id, name));
    }
    if (baseline === 'like' && existsSync(join(storiesDir, id, 'photos'))) {
      cpSync(join(storiesDir, id, 'photos'), join(dir, 'content/stories', id, 'photos'), { recursive: true });
    }
  }
  linkNodeModules(dir, repoNodeModules);
}
