/**
 * `npm run new -- <story-id> [--lang zh|en]`: starts a story as a draft that already
 * passes `npm run check`, so an editor begins from a valid file rather than a blank one.
 * Adding a language to an existing story copies published, authors, section and hero
 * from the version already there, so the translation starts consistent with it.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { listDir } from '../src/build/files.ts';
import { authoredLocales, defaultLocale, isLocale, locales, type AuthoredLocale } from '../src/config/locales.ts';
import { site } from '../src/config/site.ts';
import { hasOffset, toW3C } from '../src/newsroom/dates.ts';
import { getNow } from '../src/newsroom/now.ts';
import { SLUG } from '../src/newsroom/permalinks.ts';
import { splitFrontmatter } from '../src/check/frontmatter.ts';

const USAGE = `usage: npm run new -- <story-id> [--lang ${authoredLocales.join('|')}]   (story id: a lowercase slug such as my-story; default language ${defaultLocale})`;

/** Placeholder text per language: non-empty, so the draft validates, and obviously unfinished. */
const PLACEHOLDER = {
  zh: { title: '待定标题', summary: '待定摘要：一两句话，用于首页、订阅源和搜索结果。', body: '正文从这里开始。' },
  en: { title: 'Headline to come', summary: 'Summary to come: one or two sentences for front pages, feeds and search results.', body: 'The story starts here.' },
} satisfies Record<AuthoredLocale, { title: string; summary: string; body: string }>;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Ids of the <id>.yaml files in a content folder, sorted. */
function idsIn(dir: string): string[] {
  return listDir(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .filter((id) => SLUG.test(id));
}

/** Raw frontmatter of an existing version, or undefined when it cannot be read. */
function readFrontmatter(file: string): Record<string, unknown> | undefined {
  const parts = splitFrontmatter(readFileSync(file, 'utf8'));
  if (!parts) return undefined;
  try {
    // The core schema keeps timestamps as text, so the offset is copied as written.
    const data: unknown = parse(parts.yaml, { schema: 'core' });
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const readArgs = () => parseArgs({ options: { lang: { type: 'string', default: defaultLocale } }, allowPositionals: true });
let parsed: ReturnType<typeof readArgs>;
try {
  parsed = readArgs();
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const [id, ...extra] = parsed.positionals;
const lang = parsed.values.lang;
if (!id || extra.length > 0) fail(USAGE);
if (!SLUG.test(id)) fail(`Story id "${id}" is not a lowercase slug: expected lowercase letters, digits and single hyphens, such as "my-story".`);
if (isLocale(lang) && locales[lang].derivedFrom) {
  fail(`${lang} is generated from ${locales[lang].derivedFrom}.mdx at build time: to write it by hand, copy content/stories/${id}/${locales[lang].derivedFrom}.mdx to ${lang}.mdx and edit it.`);
}
if (!isLocale(lang) || !authoredLocales.includes(lang)) fail(`Language "${lang}" is not one of the site's languages: expected --lang ${authoredLocales.join(' or ')}.`);

const root = process.cwd();
const storyDir = join(root, 'content', 'stories', id);
const shownDir = `content/stories/${id}`;
const target = join(storyDir, `${lang}.mdx`);
if (existsSync(storyDir) && !statSync(storyDir).isDirectory()) fail(`${shownDir} exists and is not a folder: choose another story id.`);
if (existsSync(target)) {
  const free = authoredLocales.filter((locale) => !existsSync(join(storyDir, `${locale}.mdx`)));
  fail(
    `Story "${id}" already has ${shownDir}/${lang}.mdx: expected a new story id` +
      (free.length > 0 ? `, or --lang ${free.join('|')} to add a missing language.` : '; it exists in every language.'),
  );
}

let now: Date;
try {
  now = getNow();
} catch (error) {
  fail((error as Error).message);
}

// The version to copy shared fields from: the source language first, as translations are made from it.
const sibling = [defaultLocale, ...authoredLocales.filter((locale) => locale !== defaultLocale)].find(
  (locale) => locale !== lang && existsSync(join(storyDir, `${locale}.mdx`)),
);
const from = sibling ? readFrontmatter(join(storyDir, `${sibling}.mdx`)) ?? {} : {};
const isSlugList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && SLUG.test(item));
const isSlug = (value: unknown): value is string => typeof value === 'string' && SLUG.test(value);

// Copied values are checked, so a broken sibling never makes this file invalid too.
const published = typeof from.published === 'string' && hasOffset(from.published) ? from.published : toW3C(now, site.timezone);
let authors: string[];
let section: string;
let comment: string;
if (isSlugList(from.authors) && isSlug(from.section)) {
  authors = from.authors;
  section = from.section;
  comment = `# Copied from ${sibling}.mdx: keep the language versions consistent.`;
} else {
  const person = idsIn(join(root, 'content', 'people'))[0];
  const firstSection = idsIn(join(root, 'content', 'sections'))[0];
  if (!person) fail(`No people in content/people/: add the reporter as content/people/<person-id>.yaml, then run this again for "${id}".`);
  if (!firstSection) fail(`No sections in content/sections/: add content/sections/<section-id>.yaml, then run this again for "${id}".`);
  authors = [person];
  section = firstSection;
  comment = '# Change these: authors are person ids (content/people/), section is a section id (content/sections/).';
}
const hero = isSlug(from.hero) ? from.hero : undefined;

const text = PLACEHOLDER[lang as AuthoredLocale];
const source = [
  '---',
  // JSON strings are valid YAML double-quoted strings, whatever punctuation the text holds.
  `title: ${JSON.stringify(text.title)}`,
  `summary: ${JSON.stringify(text.summary)}`,
  `published: ${published}`,
  comment,
  `authors: [${authors.join(', ')}]`,
  `section: ${section}`,
  ...(hero ? [`hero: ${hero}`] : []),
  '# To publish: set `published` to the release time (it dates the permalink and the feeds), then remove this line.',
  'draft: true',
  '---',
  '',
  text.body,
  '',
].join('\n');

mkdirSync(storyDir, { recursive: true });
// 'wx' so a file that appeared since the check above is never overwritten.
writeFileSync(target, source, { flag: 'wx' });
const copied = [
  published === from.published && 'published',
  authors === from.authors && 'authors',
  section === from.section && 'section',
  hero && 'hero',
].filter(Boolean);
console.log(`Created ${shownDir}/${lang}.mdx${copied.length > 0 ? ` (${copied.join(', ')} copied from ${sibling}.mdx)` : ''}`);
