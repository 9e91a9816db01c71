/**
 * The content folder read into entries: every story version, photo entry, person and
 * section, with its parsed YAML. The layout of folders and the syntax of each file (UTF-8,
 * YAML, MDX) are checked here; what the entries say is checked after.
 */
import { extname, join } from 'node:path';
import { listDir, listDirs } from '../build/files.ts';
import { localeKeys, type Locale } from '../config/locales.ts';
import { SLUG } from '../newsroom/permalinks.ts';
import { checkBodyCached, type BodyCache } from './body-cache.ts';
import { parseYaml, splitFrontmatter, type ParsedYaml } from './frontmatter.ts';
import type { Problem } from './problems.ts';
import { readText } from './source-text.ts';

export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp'];

export interface StoryFile {
  storyId: string;
  locale: Locale;
  file: string;
  yaml?: ParsedYaml;
  /** Photo ids used in the body, with their line. */
  bodyPhotos: { id: string; line?: number }[];
}

export interface PhotoFile {
  id: string;
  storyId: string;
  file: string;
  yaml?: ParsedYaml;
}

export interface LoadedContent {
  root: string;
  stories: StoryFile[];
  photos: PhotoFile[];
  people: Map<string, { file: string; yaml?: ParsedYaml }>;
  sections: Map<string, { file: string; yaml?: ParsedYaml }>;
}

/**
 * One language file of a story or a newsroom page: UTF-8, frontmatter between --- lines, its
 * YAML with line numbers, and a body in the body grammar. Returns what could be read.
 */
export function readMdxFile(file: string, problems: Problem[], bodyCache?: BodyCache): { yaml?: ParsedYaml; bodyPhotos: { id: string; line?: number }[] } {
  const source = readText(file, problems);
  if (source === undefined) return { bodyPhotos: [] };
  const parts = splitFrontmatter(source);
  if (!parts) {
    problems.push({ file, line: 1, message: 'expected frontmatter between --- lines at the top of the file', severity: 'error' });
    return { bodyPhotos: [] };
  }
  const yaml = parseYaml(parts.yaml, file, 1, problems);
  return { yaml, bodyPhotos: checkBodyCached(parts.body, file, parts.bodyLine, problems, bodyCache) };
}

/** Reads every content file. Syntax problems (YAML, MDX, layout of folders) are reported here. */
export function loadContent(root: string, problems: Problem[], bodyCache?: BodyCache): LoadedContent {
  const content: LoadedContent = { root, stories: [], photos: [], people: new Map(), sections: new Map() };
  const storiesDir = join(root, 'stories');
  for (const storyId of listDirs(storiesDir)) {
    const dir = join(storiesDir, storyId);
    if (!SLUG.test(storyId)) {
      problems.push({ file: dir, message: `story folder name "${storyId}" must be a lowercase slug such as "my-story"`, severity: 'error' });
    }
    for (const name of listDir(dir)) {
      const file = join(dir, name);
      if (name === 'photos') continue;
      const locale = name.replace(/\.mdx$/, '');
      if (!name.endsWith('.mdx') || !localeKeys.includes(locale as Locale)) {
        problems.push({ file, message: `unexpected file: a story folder holds ${localeKeys.map((l) => `${l}.mdx`).join(', ')} and photos/`, severity: 'error' });
        continue;
      }
      content.stories.push({ storyId, locale: locale as Locale, file, ...readMdxFile(file, problems, bodyCache) });
    }
    const photosDir = join(dir, 'photos');
    for (const name of listDir(photosDir)) {
      if (extname(name) !== '.yaml') {
        if (!IMAGE_EXTENSIONS.includes(extname(name).toLowerCase())) {
          problems.push({ file: join(photosDir, name), message: `unexpected file: photos/ holds <photo-id>.yaml entries and ${IMAGE_EXTENSIONS.join(', ')} images`, severity: 'error' });
        }
        continue;
      }
      const file = join(photosDir, name);
      const id = name.slice(0, -'.yaml'.length);
      if (!SLUG.test(id)) {
        problems.push({ file, message: `photo id "${id}" (the file name) must be a lowercase slug`, severity: 'error' });
      }
      const source = readText(file, problems);
      content.photos.push({ id, storyId, file, yaml: source === undefined ? undefined : parseYaml(source, file, 0, problems) });
    }
  }
  for (const [kind, target] of [['people', content.people], ['sections', content.sections]] as const) {
    for (const name of listDir(join(root, kind))) {
      const file = join(root, kind, name);
      if (extname(name) !== '.yaml') {
        problems.push({ file, message: `unexpected file: ${kind}/ holds <id>.yaml entries`, severity: 'error' });
        continue;
      }
      const id = name.slice(0, -'.yaml'.length);
      if (!SLUG.test(id)) problems.push({ file, message: `id "${id}" (the file name) must be a lowercase slug`, severity: 'error' });
      const source = readText(file, problems);
      target.set(id, { file, yaml: source === undefined ? undefined : parseYaml(source, file, 0, problems) });
    }
  }
  return content;
}
