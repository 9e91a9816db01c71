/**
 * The pages the search index is made of: the story pages of the built site carrying
 * data-pagefind-body, by language, each with the hash of its bytes (what the search cache keys on
 * and the merge compares) and its sort values (what the merge orders pages by).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { localeKeys, locales, type Locale } from '../config/locales.ts';
import { toSearchLocale } from '../newsroom/search-shards.ts';
import { type Facts, FileFacts } from './file-facts.ts';
import { listFiles, relativePath } from './files.ts';
import { getSourceHash, sha256 } from './hash.ts';
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

/** What a built page gives the index: its hash and its sort values as JSON, or nothing when it has nothing to index. */
function readSearchFacts(bytes: Buffer): Facts {
  // Bytes, not text: decoding every page of the archive is what it would cost.
  // A redirect left at an old address has a story's shape but nothing to index: a language of
  // redirects alone gets no bundle (Pagefind would index their whole page).
  const marker = bytes.indexOf(MARKER);
  return marker >= 0 ? [hash(bytes), JSON.stringify(readSortValues(bytes, marker))] : [];
}

/** Nothing, or a sha256 and a JSON object: what readSearchFacts gives. */
const isSearchFacts = (facts: Facts) => facts.length === 0 || (facts.length === 2 && /^[0-9a-f]{64}$/.test(facts[0]!) && facts[1]!.startsWith('{'));

/**
 * Story pages of the built site, grouped by language, in a stable order. With `factsStore`, pages
 * unchanged since the last build are not read again (file-facts.ts).
 */
export function readShards(siteDir: string, factsStore?: string): ShardInput[] {
  const shards: ShardInput[] = [];
  const facts = new FileFacts(factsStore, siteDir, getSourceHash(import.meta.url, new URL('./hash.ts', import.meta.url).href));
  for (const locale of localeKeys) {
    const base = join(siteDir, locales[locale].prefix);
    const years = existsSync(base) ? readdirSync(base).filter((name) => /^\d{4}$/.test(name)).sort() : [];
    const files: ShardInput['files'] = [];
    for (const file of years.flatMap((year) => listFiles(join(base, year)))) {
      const sourcePath = relativePath(siteDir, file);
      if (!sourcePath.endsWith('/index.html') || toSearchLocale(toPagefindUrl(sourcePath)) !== locale) continue;
      const [digest, sort] = facts.read(file, readSearchFacts, isSearchFacts);
      if (digest && sort) files.push({ path: sourcePath, digest, sort: JSON.parse(sort) as BundlePage['sort'] });
    }
    if (files.length > 0) shards.push({ locale, files });
  }
  facts.save();
  return shards;
}
