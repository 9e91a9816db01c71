/**
 * The search index in shards (src/build/search-index.ts, decision 015): one Pagefind bundle per
 * language and year, each search page naming its language's shards, and a rebuild indexing
 * only the shards whose pages changed. A cached shard that was deleted or damaged is made again,
 * never served: the site must then equal a build from scratch.
 */
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureContent, makeProject, readPage, removeProject, runBuild } from '../helpers/project.ts';
import { countIndexed, readSearchShards } from '../helpers/search-index.ts';
import { digestDist } from '../helpers/site-checks.ts';

const OLDER = 'content/stories/older-story';
const ZH = 'content/stories/bilingual-story/zh.mdx';
let dir: string;
let output: string;
const others: string[] = [];

function build(project: string): string {
  const result = runBuild(project);
  expect(result.status, result.output).toBe(0);
  return result.output;
}

const pagefindFiles = (digests: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(digests).filter(([file]) => file.startsWith(prefix)));

beforeAll(() => {
  dir = makeProject(fixtureContent('basic'));
  // A Chinese-only story a year older than the rest: the Chinese editions get a second shard.
  cpSync(join(dir, 'content/stories/zh-only-story'), join(dir, OLDER), { recursive: true });
  const zh = readFileSync(join(dir, OLDER, 'zh.mdx'), 'utf8');
  writeFileSync(join(dir, OLDER, 'zh.mdx'), zh.replace(/^title: .*$/m, 'title: 去年的稿件').replace(/^published: .*$/m, 'published: 2024-06-03T09:00:00+08:00').replace('只有中文的正文。', '去年的正文提到琉璃瓦。'));
  output = build(dir);
});

afterAll(() => {
  for (const other of [dir, ...others]) removeProject(other);
});

describe('search shards', () => {
  it('writes one bundle per language and year, each holding its own pages only', () => {
    const shards = readSearchShards(join(dir, 'dist'));
    expect(shards.map((shard) => [shard.path, shard.languages])).toEqual([
      ['/pagefind/en/2025/', { en: 1 }],
      ['/pagefind/zh/2024/', { 'zh-hans': 1 }],
      ['/pagefind/zh/2025/', { 'zh-hans': 2 }],
      ['/pagefind/zh-hant/2024/', { 'zh-hant': 1 }],
      ['/pagefind/zh-hant/2025/', { 'zh-hant': 2 }],
    ]);
    const older = shards.find((shard) => shard.path === '/pagefind/zh/2024/')!;
    expect(older.fragments.map((fragment) => fragment.url)).toEqual(['/2024/06/03/older-story/']);
    expect(older.fragments[0]!.content.replaceAll('\u200b', '')).toContain('琉璃瓦');
    expect(countIndexed(shards)).toEqual({ en: 1, 'zh-hans': 3, 'zh-hant': 3 });
    expect(output).toMatch(/^search index: .* in 5 shard\(s\), 5 indexed, 0 unchanged$/m);
  });

  it("makes each search page load its language's newest year and merge the older ones", () => {
    const bundles = (path: string) => {
      const search = readPage(dir, path).querySelector('#search')!;
      return [search.getAttribute('data-bundle'), search.getAttribute('data-merge')];
    };
    expect(bundles('/search/')).toEqual(['/pagefind/zh/2025/', '/pagefind/zh/2024/']);
    expect(bundles('/zh-hant/search/')).toEqual(['/pagefind/zh-hant/2025/', '/pagefind/zh-hant/2024/']);
    expect(bundles('/en/search/')).toEqual(['/pagefind/en/2025/', '']);
  });

  it('re-indexes only the shards of an edited story, and leaves the others byte for byte', () => {
    const before = digestDist(dir);
    appendFileSync(join(dir, ZH), '\n编辑补充了青花瓷一词。\n');
    const rebuilt = build(dir);
    // The Chinese edit changes the Simplified and the Traditional page of 2025: two shards.
    expect(rebuilt).toMatch(/^search index: .* in 5 shard\(s\), 2 indexed, 3 unchanged$/m);
    const after = digestDist(dir);
    for (const prefix of ['pagefind/zh/2024/', 'pagefind/zh-hant/2024/', 'pagefind/en/2025/']) {
      expect(pagefindFiles(after, prefix), prefix).toEqual(pagefindFiles(before, prefix));
    }
    const zh2025 = readSearchShards(join(dir, 'dist')).find((shard) => shard.path === '/pagefind/zh/2025/')!;
    expect(zh2025.fragments.some((fragment) => fragment.content.replaceAll('\u200b', '').includes('青花瓷'))).toBe(true);
  });

  it('makes a deleted or damaged cached shard again instead of serving it, as a build from scratch has it', () => {
    const cache = join(dir, '.gazette/cache/search');
    const entries = readdirSync(cache);
    // Damaged: one index file of the 2024 Simplified shard cut short. Deleted: the English shard.
    const older = join(cache, entries.find((name) => name.startsWith('zh-2024-'))!);
    const indexFile = join(older, 'index', readdirSync(join(older, 'index'))[0]!);
    writeFileSync(indexFile, readFileSync(indexFile).subarray(0, 10));
    rmSync(join(cache, entries.find((name) => name.startsWith('en-2025-'))!), { recursive: true });
    const rebuilt = build(dir);
    expect(rebuilt).toMatch(/^search index: .* in 5 shard\(s\), 2 indexed, 3 unchanged$/m);

    const fresh = makeProject(join(dir, 'content'));
    others.push(fresh);
    build(fresh);
    expect(digestDist(dir)).toEqual(digestDist(fresh));
    // Replaced entries do not pile up: one per shard.
    expect(readdirSync(cache)).toHaveLength(5);
  });
});
