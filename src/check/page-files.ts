/**
 * The newsroom pages, content/pages/<page-id>/<lang>.mdx: about, standards, corrections
 * policy, contact. Each is checked as a story is, by the same frontmatter reader, schema
 * messages and body grammar, so a page can never say what a story may not.
 */
import { join } from 'node:path';
import { listDir, listDirs } from '../build/files.ts';
import { localeKeys, type Locale } from '../config/locales.ts';
import { NEWSROOM_PAGE_IDS } from '../newsroom/permalinks.ts';
import type { BodyCache } from './body-cache.ts';
import { readMdxFile } from './content-files.ts';
import type { ParsedYaml } from './frontmatter.ts';
import type { Problem } from './problems.ts';
import { checkSchema, type ContentSchemas } from './schema-messages.ts';

export interface PageFile {
  pageId: string;
  locale: Locale;
  file: string;
  yaml?: ParsedYaml | undefined;
}

const KNOWN = NEWSROOM_PAGE_IDS as readonly string[];

/** Reads and checks every newsroom page under `root` (the content folder). */
export function checkPages(root: string, schemas: ContentSchemas, problems: Problem[], bodyCache?: BodyCache): PageFile[] {
  const pages: PageFile[] = [];
  const pagesDir = join(root, 'pages');
  const folders = new Set(listDirs(pagesDir));
  for (const name of listDir(pagesDir)) {
    if (!folders.has(name) || !KNOWN.includes(name)) {
      problems.push({ file: join(pagesDir, name), message: `unexpected "${name}": pages/ holds one folder per newsroom page, named ${KNOWN.join(', ')}`, severity: 'error' });
      continue;
    }
    const dir = join(pagesDir, name);
    for (const fileName of listDir(dir)) {
      const file = join(dir, fileName);
      const locale = fileName.replace(/\.mdx$/, '') as Locale;
      if (!fileName.endsWith('.mdx') || !localeKeys.includes(locale)) {
        problems.push({ file, message: `unexpected file: a page folder holds ${localeKeys.map((l) => `${l}.mdx`).join(', ')}`, severity: 'error' });
        continue;
      }
      pages.push(checkPage({ pageId: name, locale, file }, schemas, problems, bodyCache));
    }
  }
  return pages;
}

function checkPage(page: PageFile, schemas: ContentSchemas, problems: Problem[], bodyCache?: BodyCache): PageFile {
  const { yaml, bodyPhotos } = readMdxFile(page.file, problems, bodyCache);
  // A page has no photo entries of its own, and a story's photo would need its text in this language.
  for (const photo of bodyPhotos) {
    problems.push({ file: page.file, line: photo.line, field: 'Photo', message: 'a newsroom page shows no photos: remove the <Photo> element', severity: 'error' });
  }
  if (yaml) checkSchema(schemas.page, yaml, page.file, problems);
  return { ...page, yaml };
}
