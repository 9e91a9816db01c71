/**
 * Reads the built search index the way a test needs it: every shard's entry file and every
 * page fragment, unpacked. Pagefind's files are gzipped after a "pagefind_dcd" signature; a
 * fragment is JSON. Bundles live at /pagefind/<locale>/ (src/newsroom/search-shards.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

export interface Shard {
  /** Site path of the bundle, e.g. /pagefind/zh/. */
  path: string;
  /** Pages per Pagefind language key, from the shard's entry file. */
  languages: Record<string, number>;
  fragments: Fragment[];
  /** The unpacked metadata files (binary; their keys are plain text). */
  metas: string[];
}

const unpack = (file: string) => gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length).toString('utf8');

export function readSearchShards(distDir: string): Shard[] {
  const root = join(distDir, 'pagefind');
  const dirs = existsSync(root) ? readdirSync(root).filter((locale) => !locale.includes('.')) : [];
  return dirs.map((dir) => {
    const base = join(root, dir);
    const entry = JSON.parse(readFileSync(join(base, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return {
      path: `/pagefind/${dir}/`,
      languages: Object.fromEntries(Object.entries(entry.languages).map(([lang, { page_count }]) => [lang, page_count])),
      fragments: readdirSync(join(base, 'fragment')).map((file) => JSON.parse(unpack(join(base, 'fragment', file))) as Fragment),
      metas: readdirSync(base).filter((name) => name.endsWith('.pf_meta')).map((name) => unpack(join(base, name))),
    };
  });
}

/** Pages indexed per Pagefind language key, over all shards. */
export function countIndexed(shards: Shard[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const shard of shards) for (const [lang, pages] of Object.entries(shard.languages)) counts[lang] = (counts[lang] ?? 0) + pages;
  return counts;
}
