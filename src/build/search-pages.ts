/**
 * The pages the search index is made of: the story pages of the built site carrying
 * data-pagefind-body, by language, each with the hash of its bytes (what the search cache keys on
 * and the merge compares) and its sort values (what the merge orders pages by).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeKeys, locales, type Locale } from '../config/locales.ts';
import { toSearchLocale } from '../newsroom/search-shards.ts';
import { listFiles, relativePath } from './files.ts';
import { sha256 } from './hash.ts';
import { toPagefindUrl } from './pagefind-files.ts';
import type { BundlePage } from './search-merge.ts';

const hash = (data: Buffer) => sha256(data, 'hex');

export interface ShardInput {
  locale: Locale;
  /** Story pages carrying data-pagefind-body, with the hash of their bytes and their sort values. */
  files: BundlePage[];
}

const MARKER = Buffer.from('data-pagefind-body');

/**
 * The sort values Pagefind reads from the element marked data-pagefind-body, as the story layout
 * writes them: data-pagefind-sort="name[attribute], …". A merge checks them against the order
 * Pagefind wrote, so a layout that sorts another way is indexed whole, never sorted wrongly.
 */
function readSortValues(bytes: Buffer, marker: number): Record<string, string> {
  const tag = bytes.subarray(bytes.lastIndexOf('<', marker), bytes.indexOf('>', marker) + 1).toString('utf8');
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const values: Record<string, string> = {};
  for (const part of attribute('data-pagefind-sort')?.split(',') ?? []) {
    const [, name, from] = /^\s*([^[\s]+)\[([^\]]+)\]\s*$/.exec(part) ?? [];
    const value = from && attribute(from);
    if (name && value !== undefined) values[name] = value;
  }
  return values;
}

/** Story pages of the built site, grouped by language, in a stable order. */
export function readShards(siteDir: string): ShardInput[] {
  const shards: ShardInput[] = [];
  for (const locale of localeKeys) {
    const base = join(siteDir, locales[locale].prefix);
    const years = existsSync(base) ? readdirSync(base).filter((name) => /^\d{4}$/.test(name)).sort() : [];
    const files: ShardInput['files'] = [];
    for (const file of years.flatMap((year) => listFiles(join(base, year)))) {
      const sourcePath = relativePath(siteDir, file);
      if (!sourcePath.endsWith('/index.html') || toSearchLocale(toPagefindUrl(sourcePath)) !== locale) continue;
      // Bytes, not text: decoding every page of the archive on every build is what it would cost.
      const bytes = readFileSync(file);
      // A redirect left at an old address has a story's shape but nothing to index: a language of
      // redirects alone gets no bundle (Pagefind would index their whole page).
      const marker = bytes.indexOf(MARKER);
      if (marker >= 0) files.push({ path: sourcePath, digest: hash(bytes), sort: readSortValues(bytes, marker) });
    }
    if (files.length > 0) shards.push({ locale, files });
  }
  return shards;
}
