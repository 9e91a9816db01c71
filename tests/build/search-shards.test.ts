/**
 * The search index in shards (src/build/search-index.ts, decision 016): one Pagefind bundle per
 * language, each search page naming its own, and a rebuild indexing only the languages whose
 * pages changed. A cached bundle that was deleted or damaged is made again, never served: the
 * site must then equal a build from scratch.
 */
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureContent, makeProject, readPage, removeProject, runBuild } from '../helpers/project.ts';
import { countIndexed, readSearchShards } from '../helpers/search-index.ts';
import { digestDist } from '../helpers/site-checks.ts';
import { runPagefind } from '../../src/build/pagefind-cli.ts';

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

const filesUnder = (digests: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(digests).filter(([file]) => file.startsWith(prefix)));

beforeAll(() => {
  dir = makeProject(fixtureContent('basic'));
  // A Chinese-only story a year older than the rest: one bundle still holds every year.
  cpSync(join(dir, 'content/stories/zh-only-story'), join(dir, OLDER), { recursive: true });
  const zh = readFileSync(join(dir, OLDER, 'zh.mdx'), 'utf8');
  writeFileSync(join(dir, OLDER, 'zh.mdx'), zh.replace(/^title: .*$/m, 'title: 去年的稿件').replace(/^published: .*$/m, 'published: 2024-06-03T09:00:00+08:00').replace('只有中文的正文。', '去年的正文提到琉璃瓦。'));
  output = build(dir);
});

afterAll(() => {
  for (const other of [dir, ...others]) removeProject(other);
});

describe('search bundles', () => {
  it('writes one bundle per language, holding its own pages of every year and nothing else', () => {
    const shards = readSearchShards(join(dir, 'dist'));
    expect(shards.map((shard) => [shard.path, shard.languages])).toEqual([
      ['/pagefind/en/', { en: 1 }],
      ['/pagefind/zh/', { 'zh-hans': 3 }],
      ['/pagefind/zh-hant/', { 'zh-hant': 3 }],
    ]);
    const zh = shards.find((shard) => shard.path === '/pagefind/zh/')!;
    expect(zh.fragments.map((fragment) => fragment.url).sort()).toEqual(['/2024/06/03/older-story/', '/2025/12/10/zh-only-story/', '/2025/12/22/bilingual-story/']);
    expect(zh.fragments.find((fragment) => fragment.url === '/2024/06/03/older-story/')!.content.replaceAll('\u200b', '')).toContain('琉璃瓦');
    expect(countIndexed(shards)).toEqual({ en: 1, 'zh-hans': 3, 'zh-hant': 3 });
    expect(output).toMatch(/^search index: 3 zh, 3 zh-hant, 1 en page\(s\); 3 language\(s\) indexed, 0 unchanged$/m);
  });

  it("makes each search page load its own language's bundle", () => {
    for (const [page, bundle] of [['/search/', '/pagefind/zh/'], ['/zh-hant/search/', '/pagefind/zh-hant/'], ['/en/search/', '/pagefind/en/']] as const) {
      expect(readPage(dir, page).querySelector('#search')!.getAttribute('data-bundle'), page).toBe(bundle);
    }
  });

  it('re-indexes only the languages of an edited story, and leaves the other byte for byte', () => {
    const before = digestDist(dir);
    appendFileSync(join(dir, ZH), '\n编辑补充了青花瓷一词。\n');
    const rebuilt = build(dir);
    // The Chinese edit changes the Simplified and the Traditional pages: two bundles, each merged
    // from the last one (search-merge.test.ts holds a merge to a bundle indexed from scratch).
    expect(rebuilt).toMatch(/^search index: .*; 2 language\(s\) indexed \(2 updated from the last index\), 1 unchanged$/m);
    expect(filesUnder(digestDist(dir), 'pagefind/en/')).toEqual(filesUnder(before, 'pagefind/en/'));
    const zh = readSearchShards(join(dir, 'dist')).find((shard) => shard.path === '/pagefind/zh/')!;
    expect(zh.fragments.some((fragment) => fragment.content.replaceAll('\u200b', '').includes('青花瓷'))).toBe(true);
  });

  it('makes a deleted or damaged cached bundle again instead of serving it, as a build from scratch has it', () => {
    const cache = join(dir, '.gazette/cache/search');
    const entries = readdirSync(cache);
    // Damaged: one index file of the Simplified bundle cut short. Deleted: the English bundle.
    const zh = join(cache, entries.find((name) => name.startsWith('zh-') && !name.startsWith('zh-hant-'))!);
    const indexFile = join(zh, 'index', readdirSync(join(zh, 'index'))[0]!);
    writeFileSync(indexFile, readFileSync(indexFile).subarray(0, 10));
    rmSync(join(cache, entries.find((name) => name.startsWith('en-'))!), { recursive: true });
    // Pagefind's own settings from the environment must not change what Gazette indexes.
    const result = runBuild(dir, { PAGEFIND_EXCLUDE_SELECTORS: 'p', PAGEFIND_FORCE_LANGUAGE: 'en' });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/^search index: .*; 2 language\(s\) indexed, 1 unchanged$/m);

    const fresh = makeProject(join(dir, 'content'));
    others.push(fresh);
    build(fresh);
    expect(digestDist(dir)).toEqual(digestDist(fresh));
    // Replaced entries do not pile up: one per language.
    expect(readdirSync(cache)).toHaveLength(3);
  });

  it('stops the build when Pagefind fails, saying which language and why, stops the other languages, and keeps the last good site', () => {
    const before = digestDist(dir);
    const failing = join(dir, 'failing-pagefind.sh');
    const pidFile = join(dir, 'zh-hant-pagefind.pid');
    // Called as: --site S --glob G --output-path P --quiet. The Traditional index would run ten
    // minutes (past the test's timeout) unless stopped; the others fail once it has started.
    writeFileSync(
      failing,
      [
        '#!/bin/sh',
        'case "$4" in zh-hant/*) echo $$ > "$PID_FILE"; exec sleep 600;; esac',
        'while [ ! -s "$PID_FILE" ]; do sleep 0.1; done',
        'mkdir -p "$6" && echo partial > "$6/pagefind-entry.json"',
        'echo "index: no space left on device" >&2',
        'exit 3',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    appendFileSync(join(dir, ZH), '\n又一处补充。\n');
    const result = runBuild(dir, { PAGEFIND_EXTENDED_BINARY_PATH: failing, PID_FILE: pidFile });
    expect(result.status).toBe(1);
    // Another binary joins every language's cache key: English is indexed again too, and either of
    // the two failing languages may be the first to fail.
    expect(result.output).toMatch(/^pagefind: the (zh|en) index failed \(exit code 3\): index: no space left on device$/m);
    expect(result.output).toMatch(/Build failed: dist\/ was left as it was\.$/m);
    expect(digestDist(dir)).toEqual(before);
    // The Traditional index was stopped, not waited for (the build would have taken ten minutes)
    // or left running. Its process may be reported gone a moment after the build: poll, up to 10 s.
    const pid = Number(readFileSync(pidFile, 'utf8'));
    const gone = () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    };
    for (let i = 0; i < 100 && !gone(); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    expect(gone(), `Pagefind process ${pid}`).toBe(true);
    // Nothing half-made is kept: the next build indexes both Chinese languages again, from the last good bundles.
    expect(readdirSync(join(dir, '.gazette/cache/search')).filter((name) => name.startsWith('unfinished-'))).toEqual([]);
    expect(build(dir)).toMatch(/^search index: .*; 2 language\(s\) indexed \(2 updated from the last index\), 1 unchanged$/m);
  });

  it('says what most likely happened when Pagefind is killed without a word, as an out-of-memory kill leaves it', async () => {
    const killed = join(dir, 'killed-pagefind.sh');
    writeFileSync(killed, '#!/bin/sh\nkill -9 $$\n', { mode: 0o755 });
    const saved = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = killed;
    try {
      const out = join(dir, '.gazette/killed-out');
      await expect(runPagefind({ siteDir: join(dir, 'dist'), glob: '*.html', outputPath: out, cwd: dir, name: 'zh' })).rejects.toThrow(
        /^pagefind: the zh index failed \(SIGKILL\): no message: most often the machine ran out of memory; lower searchIndexMemoryMb in src\/config\/site\.ts/,
      );
    } finally {
      if (saved === undefined) delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
      else process.env.PAGEFIND_EXTENDED_BINARY_PATH = saved;
    }
  });
});
