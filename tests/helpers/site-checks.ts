/**
 * Checks over a whole built site, shared by the fixture and real-content build tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { listFiles } from '../../src/build/files.ts';
import { sha256 } from '../../src/build/hash.ts';
import { readBundleContent } from './search-index.ts';

/** Every file below `root`, as paths relative to it. */
export function listDist(root: string): string[] {
  return listFiles(root).map((path) => relative(root, path));
}

/** A search bundle's files that an edit's merge writes itself (src/build/search-merge.ts): their names and gzip differ from Pagefind's. */
const MERGED_FILE = /^(pagefind\/[^/]+\/)(index\/|filter\/|pagefind\.[^/]*\.pf_meta$|pagefind-entry\.json$)/;

/**
 * Every file of `<root>/dist` with the SHA-256 of its bytes, and every empty folder: equal digests,
 * byte-identical sites.
 * Except in a search bundle's word chunks, filters, metadata and entry file, which a merged bundle
 * numbers its pages in and compresses differently from Pagefind: for them, how many files each
 * kind has and the SHA-256 of the bundle's whole decoded content, every page named by URL
 * (readBundleContent). Fragments and Pagefind's scripts stay compared byte for byte.
 */
export function digestDist(root: string): Record<string, string> {
  const dist = join(root, 'dist');
  const digests: Record<string, string> = {};
  // An empty folder is no file, but it names a path: a rebuild must not leave one a fresh build has not.
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory() && readdirSync(path).length === 0) digests[`${relative(dist, path)}/`] = 'empty folder';
  }
  for (const file of listDist(dist).sort()) {
    const merged = MERGED_FILE.exec(file);
    if (!merged) digests[file] = sha256(readFileSync(join(dist, file)), 'hex');
    else {
      const kind = `${merged[1]}${merged[2]!.endsWith('/') ? merged[2] : merged[2]!.replace(/^pagefind\..*\.pf_meta$/, '*.pf_meta')} (files)`;
      digests[kind] = String(Number(digests[kind] ?? 0) + 1);
      digests[`${merged[1]} (content)`] ??= sha256(JSON.stringify(readBundleContent(join(dist, merged[1]!))), 'hex');
    }
  }
  return digests;
}

function htmlPages(dist: string) {
  return listDist(dist)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, doc: parseHTML(readFileSync(join(dist, file), 'utf8')).document }));
}

/** Internal links and asset URLs (href, src, srcset, social images) that name no file in dist/. */
export function findBrokenLinks(dist: string, siteUrl: string): string[] {
  const broken: string[] = [];
  const resolves = (url: string) => {
    const path = decodeURIComponent(url.split(/[?#]/)[0]!);
    const file = join(dist, path);
    return path.endsWith('/') ? existsSync(join(file, 'index.html')) : existsSync(file);
  };
  for (const { file, doc } of htmlPages(dist)) {
    const urls = [
      ...[...doc.querySelectorAll('a[href], link[href]')].map((el) => el.getAttribute('href')!),
      ...[...doc.querySelectorAll('img[src], script[src]')].map((el) => el.getAttribute('src')!),
      ...[...doc.querySelectorAll('[srcset]')].flatMap((el) => el.getAttribute('srcset')!.split(',').map((part) => part.trim().split(/\s+/)[0]!)),
      ...[...doc.querySelectorAll('meta[property="og:image"], meta[name="twitter:image"]')].map((el) => el.getAttribute('content')!),
    ];
    for (const raw of urls) {
      const url = raw.startsWith(siteUrl) ? raw.slice(siteUrl.length) || '/' : raw;
      if (!url.startsWith('/') || url.startsWith('//')) continue;
      if (!resolves(url)) broken.push(`${file}: ${raw}`);
    }
  }
  return broken;
}

/**
 * hreflang problems across the site: every page that lists alternates must list itself and
 * x-default, and each alternate must list exactly the same set back. Returns problems and how
 * many links were checked.
 */
/** The same set of alternates gives the same key, whatever their order in the page. */
function toKey(alternates: Record<string, string> | undefined): string {
  return JSON.stringify(Object.entries(alternates ?? {}).sort(([a], [b]) => a.localeCompare(b)));
}

export function checkHreflang(dist: string): { problems: string[]; checked: number } {
  const pages = new Map<string, Record<string, string>>();
  for (const { doc } of htmlPages(dist)) {
    const canonical = doc.querySelector('link[rel=canonical]')?.getAttribute('href');
    const alternates = Object.fromEntries([...doc.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!]));
    if (canonical) pages.set(canonical, alternates);
  }
  const problems: string[] = [];
  let checked = 0;
  for (const [url, alternates] of pages) {
    if (Object.keys(alternates).length === 0) continue;
    if (!Object.values(alternates).includes(url)) problems.push(`${url} does not list itself`);
    if (!alternates['x-default']) problems.push(`${url} has no x-default`);
    for (const [lang, other] of Object.entries(alternates)) {
      if (lang === 'x-default') continue;
      checked++;
      if (toKey(pages.get(other)) !== toKey(alternates)) problems.push(`${url} → ${other} (${lang}) is not reciprocal`);
    }
  }
  return { problems, checked };
}
