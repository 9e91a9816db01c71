/**
 * Reads the built search index the way a test needs it: every shard's entry file and every
 * page fragment, unpacked. Pagefind's files are gzipped after a "pagefind_dcd" signature; a
 * fragment is JSON. Bundles live at /pagefind/<locale>/ (src/newsroom/search-shards.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';

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

const unpackBytes = (file: string) => gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length);
const unpack = (file: string) => unpackBytes(file).toString('utf8');

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

/**
 * A bundle's whole content with pages named by URL instead of number, so two bundles of the
 * same pages compare equal whatever order their pages were numbered in and whichever gzip wrote
 * them: every word with each page's positions, filters, sorts, chunk ranges, page metadata and
 * fragments. Decoded whole by cborg, not walked as bytes as the merge does. Pages with equal sort
 * values (the same publication time) may be listed in either order: the fixtures have none.
 */
export function readBundleContent(dir: string) {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { version: string; languages: Record<string, { hash: string; page_count: number }> };
  const [language, { hash, page_count }] = Object.entries(entry.languages)[0]!;
  const read = (file: string) => unpackBytes(join(dir, file));
  const [version, pages, chunks, filters, sorts, fields] = decode(read(`pagefind.${hash}.pf_meta`)) as [string, [string, number][], [string, string, string][], [string, string][], [string, number[]][], string[]];
  const fragments = pages.map(([fragment]) => JSON.parse(read(`fragment/${fragment}.pf_fragment`).toString('utf8')) as Fragment & { word_count: number });
  const url = (page: number) => fragments[page]!.url;
  /** Entries sorted by key (a URL, or a variant's form), so that their order in JSON is fixed. */
  const byUrl = <T>(list: [string, T][]) => Object.fromEntries(list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const postings = (list: [number, number[], number[]][]) => {
    let page = 0;
    return byUrl(list.map(([delta, locs, metaLocs]) => [url((page += delta)), { locs, meta: metaLocs.map((value) => (value < 0 ? fields[-value - 1] : value)) }]));
  };
  const words: Record<string, unknown> = {};
  for (const [, , chunk] of chunks) {
    for (const [word, list, variants] of (decode(read(`index/${chunk}.pf_index`)) as [[string, [number, number[], number[]][], [string, [number, number[], number[]][]][]][]])[0]) {
      // Variants in a fixed order: Pagefind lists them in the order its pages were numbered.
      words[word] = { pages: postings(list), variants: byUrl(variants.map(([form, forms]) => [form, postings(forms)])) };
    }
  }
  return {
    version,
    language,
    pageCount: page_count,
    fields,
    pages: byUrl(pages.map(([, wordCount], page) => [url(page), { wordCount, fragment: fragments[page] }])),
    chunks: chunks.map(([from, to]) => [from, to]),
    words,
    filters: Object.fromEntries(filters.map(([name, file]) => {
      const [, values] = decode(read(`filter/${file}.pf_filter`)) as [string, [string, number[]][]];
      return [name, Object.fromEntries(values.map(([value, numbers]) => [value, numbers.map(url).sort()]))];
    })),
    sorts: Object.fromEntries(sorts.map(([name, order]) => [name, order.map(url)])),
  };
}
