/**
 * `npm run translations [-- --json]`: stories that lack a language, translations older than
 * the source-language version (by `updated`, else `published`), and whether each story's
 * Traditional edition is generated or hand-written (a hand-written one can fall behind). A report,
 * so it always exits 0; `npm run check` is what catches broken files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { listDirs } from '../src/build/files.ts';
import { authoredLocales, localeKeys } from '../src/config/locales.ts';
import { formatTable } from '../src/build/table.ts';
import { toEditionRows, toJsonRow, toTableRows, translationReport, type LanguageVersion, type StoryInput } from '../src/newsroom/translations.ts';
import { splitFrontmatter } from '../src/check/frontmatter.ts';

let json = false;
try {
  json = parseArgs({ options: { json: { type: 'boolean', default: false } } }).values.json;
} catch (error) {
  console.error(`${(error as Error).message}\nusage: npm run translations [-- --json]`);
  process.exit(1);
}

const root = process.cwd();
const storiesDir = join(root, 'content', 'stories');

/** The frontmatter dates of a file; an unreadable file still counts as present. */
function readVersion(file: string, shown: string): LanguageVersion {
  const parts = splitFrontmatter(readFileSync(file, 'utf8'));
  if (!parts) return { file: shown };
  try {
    // The core schema keeps timestamps as text, offset and all.
    const data: unknown = parse(parts.yaml, { schema: 'core' });
    if (!data || typeof data !== 'object' || Array.isArray(data)) return { file: shown };
    const { published, updated } = data as Record<string, unknown>;
    return { file: shown, published, updated };
  } catch {
    return { file: shown };
  }
}

const stories: StoryInput[] = [];
for (const id of listDirs(storiesDir)) {
  const dir = `content/stories/${id}`;
  const versions: StoryInput['versions'] = {};
  for (const locale of localeKeys) {
    const file = join(storiesDir, id, `${locale}.mdx`);
    if (existsSync(file)) versions[locale] = readVersion(file, `${dir}/${locale}.mdx`);
  }
  stories.push({ id, dir, versions });
}

const rows = translationReport(stories);
if (json) {
  console.log(JSON.stringify(rows.map((row) => toJsonRow(row)), null, 2));
} else {
  if (rows.length === 0) {
    console.log('All stories are translated and up to date.');
  } else {
    console.log(formatTable(toTableRows(rows)));
    if (rows.some((row) => row.missing.length > 0)) {
      console.log(`\nStart a missing language version with: npm run new -- <story-id> --lang ${authoredLocales.join('|')}`);
    }
  }
  const editions = toEditionRows(stories);
  if (editions.length > 1) console.log(`\n${formatTable(editions)}`);
}
