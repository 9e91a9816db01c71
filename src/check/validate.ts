/**
 * The one content validator, shared by `npm run check` and `npm run build` so they can
 * never disagree. It reads the editors' files itself (not Astro's store) because it must
 * see the raw text: line numbers for every problem, offsets on dates that YAML would
 * otherwise turn into offset-less Date objects, and MDX bodies before they compile.
 * Problems are collected, never thrown, so an editor sees every one of them at once.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import sharp from 'sharp';
import { unified } from 'unified';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ZodType } from 'zod';
import { localeKeys, type Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { BODY_COMPONENTS, BODY_HTML, BODY_HTML_ATTRIBUTES, bodySyntax, getRefusedMarkdown, type MdxNode } from '../newsroom/body-syntax.ts';
import { getSourceHash } from '../site/cache-key.ts';
import { hasOffset } from '../newsroom/dates.ts';
import { getAliasClash, SLUG, toStoryPath } from '../newsroom/permalinks.ts';

export interface Problem {
  /** Absolute path of the file at fault. */
  file: string;
  /** 1-based line, where it can be known. */
  line?: number | undefined;
  /** Dotted field path, e.g. caption.en. */
  field?: string | undefined;
  message: string;
  severity: 'error' | 'warning';
}

/** The schemas from src/content.config.ts, passed in so this module stays free of Astro. */
export interface ContentSchemas {
  story: ZodType;
  photo: ZodType;
  person: ZodType;
  section: ZodType;
}

export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp'];
/** What a photo file may really be, by its content (sharp's reading of its header), whatever its name. */
const PHOTO_FORMATS: string[] = ['jpeg', 'png', 'webp'];
const FORMAT_NAMES: Record<string, string> = {
  svg: 'an SVG drawing (which may hold scripts)',
  gif: 'a GIF image',
  heif: 'a HEIF/AVIF image',
  tiff: 'a TIFF image',
  pdf: 'a PDF document',
  jp2k: 'a JPEG 2000 image',
  jxl: 'a JPEG XL image',
};
const describeFormat = (format: string) => FORMAT_NAMES[format] ?? `a "${format}" file`;
const megapixels = (pixels: number) => Number((pixels / 1e6).toFixed(1)).toString();
/** Newsroom rule: a hero must be sharp on a 1,200 px-wide card (Google Discover, JSON-LD). */

interface ParsedYaml {
  data: Record<string, unknown>;
  doc: Document;
  lineCounter: LineCounter;
  /** Lines before the YAML text in its file (frontmatter starts after the opening ---). */
  lineOffset: number;
}

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


function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

export const NOT_UTF8_MESSAGE = 'not valid UTF-8 (saved in another encoding such as GBK/GB18030?); save the file as UTF-8';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** 1-based line of the first bytes that are not UTF-8, or undefined when the whole file is UTF-8. */
export function findNonUtf8Line(bytes: Uint8Array): number | undefined {
  try {
    strictUtf8.decode(bytes);
    return undefined;
  } catch {
    // Read leniently, the first bad sequence becomes U+FFFD: count the lines before it.
    const text = Buffer.from(bytes).toString('utf8');
    return text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length;
  }
}

/**
 * A content file's text. A file in a legacy encoding (GBK/GB18030 from an older editor) would
 * otherwise be read as U+FFFD mojibake and published without a word, so it is a problem instead.
 */
function readText(file: string, problems: Problem[]): string | undefined {
  const bytes = readFileSync(file);
  const line = findNonUtf8Line(bytes);
  if (line === undefined) return bytes.toString('utf8');
  problems.push({ file, line, message: NOT_UTF8_MESSAGE, severity: 'error' });
  return undefined;
}

/**
 * Invisible format characters (Unicode category Cf): bidirectional embeddings, overrides and
 * isolates, zero-width spaces, U+FEFF. They make a headline or a name read differently from how
 * it looks, and no editor can see them. Allowed, because text needs them and they reorder
 * nothing: the joiners U+200C/U+200D and emoji tag characters (emoji sequences, Persian), the
 * direction marks U+200E/U+200F/U+061C (an Arabic or Hebrew name inside Chinese or English),
 * and the soft hyphen U+00AD (a hyphenation hint).
 */
const INVISIBLE = /(?![\u00AD\u061C\u200C-\u200F\u{E0020}-\u{E007F}])\p{Cf}/u;
const INVISIBLE_NAMES: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** The first invisible format character in a text, as e.g. "U+202E (RIGHT-TO-LEFT OVERRIDE)". */
export function findInvisibleCharacter(text: string): string | undefined {
  const found = INVISIBLE.exec(text)?.[0];
  if (found === undefined) return undefined;
  const code = found.codePointAt(0)!;
  const name = INVISIBLE_NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

/** Every text field of a YAML file (all its strings, however deep), checked for invisible characters. */
function checkInvisible(yaml: ParsedYaml, file: string, problems: Problem[]): void {
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const character = findInvisibleCharacter(value);
      if (character) {
        problems.push({
          file,
          line: lineOf(yaml, path),
          field: path.join('.') || undefined,
          message: `contains the invisible character ${character}: delete it (invisible format characters can make text read differently from how it looks)`,
          severity: 'error',
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(yaml.data, []);
}

function parseYaml(source: string, file: string, lineOffset: number, problems: Problem[]): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  // The core (YAML 1.2) schema keeps timestamps as strings, so a missing offset stays visible.
  const doc = parseDocument(source, { lineCounter, schema: 'core', prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line;
      problems.push({
        file,
        line: line === undefined ? undefined : line + lineOffset,
        message: `malformed YAML: ${error.message.split('\n')[0]}`,
        severity: 'error',
      });
    }
    return undefined;
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, line: 1 + lineOffset, message: 'expected a YAML mapping of field: value', severity: 'error' });
    return undefined;
  }
  return { data, doc, lineCounter, lineOffset };
}

/** Line of a field in its file, falling back to the nearest parent that exists. */
export function lineOf(yaml: ParsedYaml | undefined, path: (string | number)[]): number | undefined {
  if (!yaml) return undefined;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? yaml.doc.contents : yaml.doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return yaml.lineCounter.linePos(range[0]).line + yaml.lineOffset;
    if (depth > 0) {
      // A missing key: point at its parent's key if we can.
      const parent = depth === 1 ? yaml.doc.contents : yaml.doc.getIn(path.slice(0, depth - 1), true);
      const pair = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items?.find(
        (item) => item.key?.value === path[depth - 1],
      );
      if (pair?.key?.range) return yaml.lineCounter.linePos(pair.key.range[0]).line + yaml.lineOffset;
    }
  }
  return undefined;
}

/**
 * Splits `---\nyaml\n---\nbody`. Returns undefined when there is no frontmatter block. A UTF-8
 * byte order mark before the first --- is accepted: editors on Windows add it and cannot see it.
 */
export function splitFrontmatter(source: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return undefined;
  const yaml = match[1] ?? '';
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  return { yaml, body: source.slice(match[0].length), bodyLine };
}

const mdxParser = unified().use(bodySyntax);

/** Parses an MDX body and checks it holds only text, Markdown and the newsroom components. */
export function checkBody(body: string, file: string, bodyLine: number, problems: Problem[]): { id: string; line?: number }[] {
  const photos: { id: string; line?: number }[] = [];
  let tree: MdxNode;
  try {
    tree = mdxParser.parse(body) as MdxNode;
  } catch (error) {
    const err = error as { line?: number; reason?: string; message?: string };
    const reason = err.reason ?? err.message ?? '';
    problems.push({
      file,
      line: err.line ? err.line + bodyLine : undefined,
      // MDX reads a line that starts with "import " or "export " as code; its own message names the JavaScript parser.
      message: /import\/exports/.test(reason)
        ? 'a line that starts with "import" or "export" is read as code: reword the start of the line'
        : `MDX syntax error: ${reason}. Literal < and { in text must be written \\< and \\{`,
      severity: 'error',
    });
    return photos;
  }
  const visit = (node: MdxNode) => {
    const line = node.position ? node.position.start.line + bodyLine : undefined;
    const refused = getRefusedMarkdown(node);
    if (refused) {
      problems.push({ file, line, ...refused, severity: 'error' });
    } else if (node.type === 'mdxjsEsm') {
      problems.push({ file, line, message: 'import/export is not allowed in a story: Photo, LeadLines and KeyFigures need no import', severity: 'error' });
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      problems.push({ file, line, message: 'code in {braces} is not allowed in a story: write \\{ for a literal brace', severity: 'error' });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      const attributes = node.attributes ?? [];
      if ((BODY_COMPONENTS as readonly string[]).includes(name)) {
        if (name === 'Photo') {
          const id = attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
          if (typeof id !== 'string' || !id) {
            problems.push({ file, line, field: 'Photo', message: 'expected <Photo id="photo-id" /> with the id as a quoted string', severity: 'error' });
          } else {
            photos.push({ id, line });
          }
        }
        const extra = attributes.filter((a) => !(name === 'Photo' && a.name === 'id'));
        if (extra.length > 0) {
          problems.push({ file, line, field: name, message: `unexpected attribute on <${name}>: only ${name === 'Photo' ? 'id' : 'none'} is allowed`, severity: 'error' });
        }
      } else if (BODY_HTML.has(name)) {
        const bad = attributes.filter((a) => a.type !== 'mdxJsxAttribute' || !BODY_HTML_ATTRIBUTES.has(a.name ?? ''));
        if (bad.length > 0) {
          problems.push({ file, line, field: name, message: `<${name}> may carry only title and lang attributes`, severity: 'error' });
        }
      } else {
        problems.push({
          file,
          line,
          field: name || 'fragment',
          message: `<${name}> is not allowed in a story: use Markdown, or one of ${BODY_COMPONENTS.map((c) => `<${c}>`).join(', ')}; write \\< for a literal <`,
          severity: 'error',
        });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return photos;
}

/** What checkBody found in one body, without the file name: the same body gives the same result. */
interface CheckedBody {
  photos: { id: string; line?: number }[];
  problems: Omit<Problem, 'file'>[];
}

/**
 * checkBody results by a hash of (first body line, body), for bodies unchanged since the last
 * check: parsing MDX is most of the check's time, and a rebuild after editing one story should
 * parse one file. `next` collects the entries used in this run, so the cache never keeps the
 * bodies of deleted or edited files.
 */
export interface BodyCache {
  previous: Map<string, CheckedBody>;
  next: Map<string, CheckedBody>;
}

/** Changes whenever this file or the body grammar changes, so a cached result never outlives the rules that made it. */
const VALIDATOR_VERSION = getSourceHash(import.meta.url, new URL('../newsroom/body-syntax.ts', import.meta.url).href);

/** `salt` names what else the results depend on, e.g. a hash of the installed parser versions. */
export function readBodyCache(file: string, salt = ''): BodyCache {
  const cache: BodyCache = { previous: new Map(), next: new Map() };
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; bodies?: Record<string, CheckedBody> };
    if (saved.version === VALIDATOR_VERSION + salt && saved.bodies) cache.previous = new Map(Object.entries(saved.bodies));
  } catch {
    // No cache yet, or an unreadable one: check every body.
  }
  return cache;
}

export function writeBodyCache(file: string, cache: BodyCache, salt = ''): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ version: VALIDATOR_VERSION + salt, bodies: Object.fromEntries(cache.next) }));
}

function checkBodyCached(body: string, file: string, bodyLine: number, problems: Problem[], cache: BodyCache | undefined) {
  if (!cache) return checkBody(body, file, bodyLine, problems);
  const key = createHash('sha256').update(`${bodyLine}\0${body}`).digest('base64url');
  let checked = cache.previous.get(key) ?? cache.next.get(key);
  if (!checked) {
    const own: Problem[] = [];
    const photos = checkBody(body, file, bodyLine, own);
    checked = { photos, problems: own.map(({ file: _file, ...rest }) => rest) };
  }
  cache.next.set(key, checked);
  problems.push(...checked.problems.map((problem) => ({ ...problem, file })));
  return checked.photos.map((photo) => ({ ...photo }));
}

/** Reads every content file. Syntax problems (YAML, MDX, layout of folders) are reported here. */
export function loadContent(root: string, problems: Problem[], bodyCache?: BodyCache): LoadedContent {
  const content: LoadedContent = { root, stories: [], photos: [], people: new Map(), sections: new Map() };
  const storiesDir = join(root, 'stories');
  for (const storyId of listDir(storiesDir)) {
    const dir = join(storiesDir, storyId);
    if (!statSync(dir).isDirectory()) continue;
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
      const source = readText(file, problems);
      const story: StoryFile = { storyId, locale: locale as Locale, file, bodyPhotos: [] };
      if (source === undefined) {
        content.stories.push(story);
        continue;
      }
      const parts = splitFrontmatter(source);
      if (!parts) {
        problems.push({ file, line: 1, message: 'expected frontmatter between --- lines at the top of the file', severity: 'error' });
      } else {
        story.yaml = parseYaml(parts.yaml, file, 1, problems);
        story.bodyPhotos = checkBodyCached(parts.body, file, parts.bodyLine, problems, bodyCache);
      }
      content.stories.push(story);
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

/** Turns a zod issue into an editor's message. */
function toMessage(issue: { code: string; message: string; keys?: string[]; expected?: string; path?: PropertyKey[] }): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys && issue.keys.length > 1 ? 's' : ''}: ${issue.keys?.join(', ')}`;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    // A missing field has no line of its own: say what line to add.
    const key = issue.path?.at(-1);
    return `missing: expected ${issue.expected ?? 'a value'}${typeof key === 'string' ? `; add a "${key}:" line (each field is described in src/content.config.ts)` : ''}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

function checkSchema(
  schema: ZodType,
  yaml: ParsedYaml,
  file: string,
  problems: Problem[],
): Record<string, unknown> | undefined {
  const result = schema.safeParse(yaml.data);
  if (result.success) return result.data as Record<string, unknown>;
  for (const issue of result.error.issues) {
    const path = [...issue.path] as (string | number)[];
    const keys = (issue as { keys?: string[] }).keys;
    const fieldPath = issue.code === 'unrecognized_keys' && keys?.length === 1 ? [...path, keys[0]!] : path;
    problems.push({
      file,
      line: lineOf(yaml, fieldPath),
      field: fieldPath.join('.') || undefined,
      message: toMessage(issue as never),
      severity: 'error',
    });
  }
  return undefined;
}

export interface ValidateOptions {
  schemas: ContentSchemas;
  /** Skip decoding image files (unit tests of pure rules). */
  skipImageDecode?: boolean;
  /** A JSON file that remembers what each MDX body already checked was found to hold (BodyCache). */
  bodyCacheFile?: string;
  /** Mixed into the cache's version: results are only reused while it is unchanged. */
  bodyCacheSalt?: string;
}

/**
 * Validates everything under a content/ folder. Returns every problem found; the caller
 * decides that any error stops the build. `root` is the content folder itself.
 */
export async function validateContent(root: string, options: ValidateOptions): Promise<Problem[]> {
  const problems: Problem[] = [];
  const bodyCache = options.bodyCacheFile ? readBodyCache(options.bodyCacheFile, options.bodyCacheSalt) : undefined;
  const content = loadContent(resolve(root), problems, bodyCache);
  if (bodyCache && options.bodyCacheFile) writeBodyCache(options.bodyCacheFile, bodyCache, options.bodyCacheSalt);
  const { schemas } = options;
  for (const { file, yaml } of [...content.stories, ...content.photos, ...content.people.values(), ...content.sections.values()]) {
    if (yaml) checkInvisible(yaml, file, problems);
  }

  const people = new Map<string, Record<string, unknown>>();
  for (const [id, entry] of content.people) {
    const data = entry.yaml && checkSchema(schemas.person, entry.yaml, entry.file, problems);
    if (data) people.set(id, data);
  }
  const sections = new Map<string, Record<string, unknown>>();
  for (const [id, entry] of content.sections) {
    const data = entry.yaml && checkSchema(schemas.section, entry.yaml, entry.file, problems);
    if (data) sections.set(id, data);
  }

  // Photos: ids are unique site-wide.
  const photos = new Map<string, { file: PhotoFile; data?: Record<string, unknown> }>();
  for (const photo of content.photos) {
    const first = photos.get(photo.id);
    if (first) {
      problems.push({
        file: photo.file,
        message: `duplicate photo id "${photo.id}": also defined in ${relative(dirname(content.root), first.file.file)}; photo ids are unique site-wide`,
        severity: 'error',
      });
      continue;
    }
    const data = photo.yaml && checkSchema(schemas.photo, photo.yaml, photo.file, problems);
    photos.set(photo.id, { file: photo, data });
    if (!data) continue;
    if (typeof data.photographer === 'string' && !people.has(data.photographer) && !content.people.has(data.photographer)) {
      problems.push({
        file: photo.file,
        line: lineOf(photo.yaml, ['photographer']),
        field: 'photographer',
        message: `unknown person id "${data.photographer}": expected a file content/people/${data.photographer}.yaml`,
        severity: 'error',
      });
    }
  }

  // Stories: frontmatter, references, and what each language needs of its photos.
  const photoNeeds = new Map<string, { locale: Locale; story: StoryFile; severity: Problem['severity']; hero: boolean }[]>();
  const aliasOwners = new Map<string, string>();
  const storyPaths = new Map<string, string>();
  const aliasUses: { story: StoryFile; index: number; alias: string }[] = [];
  for (const story of content.stories) {
    if (!story.yaml) continue;
    const raw = story.yaml.data;
    const offsetless = new Set<string>();
    for (const field of ['published', 'updated'] as const) {
      const value = raw[field];
      if (typeof value === 'string' && !hasOffset(value) && !Number.isNaN(Date.parse(value))) {
        problems.push({
          file: story.file,
          line: lineOf(story.yaml, [field]),
          field,
          message: `"${value}" has no timezone offset: write it as e.g. 2025-12-20T08:00:00+08:00 so the dateline never guesses`,
          severity: 'error',
        });
        offsetless.add(field);
      }
    }
    const schemaProblems: Problem[] = [];
    const data = checkSchema(schemas.story, story.yaml, story.file, schemaProblems);
    // One problem, one line: the schema's own "expected an ISO 8601 date" repeats the offset message.
    problems.push(...schemaProblems.filter((problem) => !offsetless.has(problem.field ?? '')));
    if (!data) continue;
    const refError = (field: (string | number)[], message: string) =>
      problems.push({ file: story.file, line: lineOf(story.yaml, field), field: field.join('.'), message, severity: 'error' });
    (data.authors as string[]).forEach((author, index) => {
      if (!content.people.has(author)) refError(['authors', index], `unknown person id "${author}": expected a file content/people/${author}.yaml`);
    });
    if (!content.sections.has(data.section as string)) {
      refError(['section'], `unknown section id "${data.section}": expected a file content/sections/${data.section}.yaml`);
    }
    (data.aliases as string[]).forEach((alias, index) => {
      const owner = aliasOwners.get(alias);
      if (owner && owner !== story.storyId) {
        refError(['aliases', index], `alias ${alias} is already an old path of story "${owner}": one path can redirect to one story only`);
      }
      aliasOwners.set(alias, story.storyId);
      const clash = getAliasClash(alias);
      if (clash) refError(['aliases', index], `alias ${alias} is ${clash}: an old path must be one no page of the site uses`);
      else aliasUses.push({ story, index, alias });
    });
    storyPaths.set(toStoryPath({ id: story.storyId, locale: story.locale, published: data.published as Date }, site.timezone), `${story.storyId}/${story.locale}`);
    // A story is changed and corrected after it appears, never before: an earlier date is a typo.
    const published = data.published as Date;
    const shown = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));
    if (data.updated instanceof Date && data.updated < published) {
      refError(['updated'], `${shown(raw.updated)} is before published ${shown(raw.published)}: updated is the time of the last change after publication`);
    }
    (data.corrections as { date: Date }[]).forEach((correction, index) => {
      if (correction.date < published) {
        const rawDate = (raw.corrections as { date?: unknown }[] | undefined)?.[index]?.date;
        refError(['corrections', index, 'date'], `${shown(rawDate)} is before published ${shown(raw.published)}: a correction is made to a published story`);
      }
    });
    const title = data.title as string;
    if ([...title].length > site.headlineMax) {
      problems.push({
        file: story.file,
        line: lineOf(story.yaml, ['title']),
        field: 'title',
        message: `headline is ${[...title].length} characters; keep it within ${site.headlineMax} so search and news results do not cut it`,
        severity: 'warning',
      });
    }
    const summary = data.summary as string;
    if ([...summary].length > site.summaryMax) {
      problems.push({
        file: story.file,
        line: lineOf(story.yaml, ['summary']),
        field: 'summary',
        message: `summary is ${[...summary].length} characters; keep it within ${site.summaryMax} for feeds and search results`,
        severity: 'warning',
      });
    }
    // A draft's photos may still be work in progress; a scheduled story publishes by itself, so it is held to the full rule.
    const severity: Problem['severity'] = data.draft ? 'warning' : 'error';
    const used: { id: string; line?: number; field: string; hero: boolean }[] = [];
    if (typeof data.hero === 'string') used.push({ id: data.hero, line: lineOf(story.yaml, ['hero']), field: 'hero', hero: true });
    for (const photo of story.bodyPhotos) used.push({ ...photo, field: 'Photo', hero: false });
    for (const use of used) {
      if (!photos.has(use.id)) {
        problems.push({
          file: story.file,
          line: use.line,
          field: use.field,
          message: `unknown photo id "${use.id}": expected an entry content/stories/<story-id>/photos/${use.id}.yaml`,
          severity: 'error',
        });
        continue;
      }
      const needs = photoNeeds.get(use.id) ?? [];
      needs.push({ locale: story.locale, story, severity, hero: use.hero });
      photoNeeds.set(use.id, needs);
    }
  }
  for (const { story, index, alias } of aliasUses) {
    const live = storyPaths.get(alias);
    if (live) {
      problems.push({
        file: story.file,
        line: lineOf(story.yaml!, ['aliases', index]),
        field: `aliases.${index}`,
        message: `alias ${alias} is the address of story ${live}: an old path must be one no page of the site uses`,
        severity: 'error',
      });
    }
  }

  // Each photo in use: its text in every language it is shown in, and an image that decodes.
  for (const [id, photo] of photos) {
    const data = photo.data;
    if (!data) continue;
    const needs = photoNeeds.get(id) ?? [];
    const seen = new Set<string>();
    for (const need of needs) {
      const key = `${need.locale}/${need.severity}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const shownIn = relative(dirname(content.root), need.story.file);
      for (const field of ['caption', 'alt'] as const) {
        const value = (data[field] as Partial<Record<Locale, string>>)[need.locale];
        if (!value) {
          problems.push({
            file: photo.file.file,
            line: lineOf(photo.file.yaml, [field, need.locale]),
            field: `${field}.${need.locale}`,
            message: `missing ${field === 'alt' ? 'alt text' : 'caption'} in ${need.locale}: the photo is shown in ${shownIn}`,
            severity: need.severity,
          });
        }
      }
      const credit = data.credit as Partial<Record<Locale, string>> | undefined;
      if (credit && !credit[need.locale]) {
        problems.push({
          file: photo.file.file,
          line: lineOf(photo.file.yaml, ['credit', need.locale]),
          field: `credit.${need.locale}`,
          message: `missing credit in ${need.locale}: the photo is shown in ${shownIn}`,
          severity: need.severity,
        });
      }
    }
    const imageField = data.image as string;
    const imagePath = resolve(dirname(photo.file.file), imageField);
    const imageLine = lineOf(photo.file.yaml, ['image']);
    if (!IMAGE_EXTENSIONS.includes(extname(imagePath).toLowerCase())) {
      problems.push({ file: photo.file.file, line: imageLine, field: 'image', message: `"${imageField}" is not a ${IMAGE_EXTENSIONS.join(', ')} file`, severity: 'error' });
      continue;
    }
    if (!existsSync(imagePath)) {
      // A placeholder entry's image is made by a command: say which.
      const hint = data.placeholder === true ? '; run `npm run placeholders` to make a labelled placeholder' : '';
      problems.push({ file: photo.file.file, line: imageLine, field: 'image', message: `image file not found: ${relative(dirname(content.root), imagePath)}${hint}`, severity: 'error' });
      continue;
    }
    const photosDir = dirname(photo.file.file);
    if (!realpathSync(imagePath).startsWith(realpathSync(photosDir) + sep)) {
      // The path itself passed the schema's rule, so a symbolic link leads out.
      problems.push({ file: photo.file.file, line: imageLine, field: 'image', message: `"${imageField}" is a link to a file outside this story's photos/ folder: put the image file itself there`, severity: 'error' });
      continue;
    }
    if (options.skipImageDecode) continue;
    try {
      // Header only: the format and size are known before a single pixel is decoded.
      const meta = await sharp(imagePath, { failOn: 'error', limitInputPixels: false }).metadata();
      if (!PHOTO_FORMATS.includes(meta.format)) {
        problems.push({ file: photo.file.file, line: imageLine, field: 'image', message: `"${imageField}" is ${describeFormat(meta.format)}, not a photo: expected a JPEG, PNG or WebP file`, severity: 'error' });
        continue;
      }
      const maxPixels = site.maxPhotoPixels;
      if (meta.width * meta.height > maxPixels) {
        problems.push({
          file: photo.file.file,
          line: imageLine,
          field: 'image',
          message: `image is ${meta.width}x${meta.height} px (${megapixels(meta.width * meta.height)} megapixels); a photo may have at most ${megapixels(maxPixels)} megapixels (maxPhotoPixels in src/config/site.ts): scale it down`,
          severity: 'error',
        });
        continue;
      }
      // metadata() reads only the header: decode a thumbnail to catch a truncated or corrupt body.
      await sharp(imagePath, { failOn: 'error', limitInputPixels: site.maxPhotoPixels }).resize(16).raw().toBuffer();
      const width = meta.autoOrient?.width ?? meta.width ?? 0;
      if (needs.some((need) => need.hero) && width < site.heroMinWidth) {
        problems.push({
          file: photo.file.file,
          line: imageLine,
          field: 'image',
          message: `hero image is ${width} px wide; a hero must be at least ${site.heroMinWidth} px wide`,
          severity: 'error',
        });
      }
    } catch (error) {
      problems.push({
        file: photo.file.file,
        line: imageLine,
        field: 'image',
        message: `image cannot be read (${(error as Error).message.split('\n')[0]}): expected a valid JPEG, PNG or WebP`,
        severity: 'error',
      });
    }
  }
  return problems;
}

/** `path:line: field: message`, with the path relative to `base`. */
export function formatProblem(problem: Problem, base: string): string {
  const location = [relative(base, problem.file) || problem.file, problem.line].filter((part) => part !== undefined).join(':');
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${location}: ${problem.field ? `${problem.field}: ` : ''}${prefix}${problem.message}`;
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
