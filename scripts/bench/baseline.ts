/**
 * The baseline of `npm run bench`: a bare Astro 7 + MDX project, written to a temp dir at run
 * time, that builds the same story files as Gazette: one page per story file, a minimal layout,
 * no images, no archives, no feeds. `<Photo>` renders nothing; `<LeadLines>` and `<KeyFigures>`
 * are plain wrappers, so the MDX text compiles and renders exactly as in Gazette.
 *
 * Two processors: `unified` is Gazette's own (unified + remark-gfm, SmartyPants off); `satteri`
 * is Astro 7's default native processor, with smart punctuation off too so both emit the same text.
 */
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listDir, listDirs } from '../../src/build/files.ts';

export type Processor = 'unified' | 'satteri';

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

const files = (processor: Processor): Record<string, string> => ({
  'package.json': `${JSON.stringify({ name: `gazette-bench-baseline-${processor}`, private: true, type: 'module' }, null, 2)}\n`,
  'astro.config.mjs': `// @ts-check
import mdx from '@astrojs/mdx';
${PROCESSOR_CONFIG[processor].imports}
import { defineConfig } from 'astro/config';

export default defineConfig({
  // Caches stay in this temp project.
  cacheDir: './.cache',
  markdown: { processor: ${PROCESSOR_CONFIG[processor].processor} },
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
  'src/content.config.ts': `import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';

export const collections = {
  stories: defineCollection({ loader: glob({ base: './content/stories', pattern: '*/{zh,en}.mdx' }) }),
};
`,
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
  'src/components/Photo.astro': `---
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
    <Content components={{ Photo, LeadLines, KeyFigures }} />
  </article>
</Layout>
`,
});

/** Writes the baseline project into `dir`, with the story files (zh.mdx, en.mdx only) of `storiesDir`. */
export function writeBaselineProject(dir: string, processor: Processor, storiesDir: string, repoNodeModules: string): void {
  for (const [path, text] of Object.entries(files(processor))) {
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
  }
  linkNodeModules(dir, repoNodeModules);
}
