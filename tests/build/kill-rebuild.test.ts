/**
 * A build killed at any point (kill -9, an out-of-memory kill, a cancelled CI job: nothing gets
 * to clean up) must leave the last good site deployable, and the next build must write exactly
 * what a clean build of the same content writes: nothing half-written in .gazette/ may be served.
 * The kills are SIGKILL to the whole process tree (scripts/build.ts starts the check and Astro in
 * their own process groups), at points found by watching the build's log; the search index and
 * the swap, a few milliseconds long here, are held open by tests/helpers/stall-dist.ts.
 *
 * After each kill the editor's next move is replayed: first a build that fails on a content
 * error (it must still leave the last good site), then either the edit undone, or kept, and a
 * build that must equal a fresh copy's build of that content byte for byte.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processTree } from '../../scripts/bench/measure.ts';
import { SHARE_CARDS } from '../../src/build/unfinished-build.ts';
import { cleanEnv, FIXTURE_NOW, fixtureContent, makeProject, removeProject, repoRoot, runBuild } from '../helpers/project.ts';
import { digestDist } from '../helpers/site-checks.ts';

type Content = 'A' | 'B';
const STORY = 'stories/bilingual-story';
const STALL = join(repoRoot, 'tests/helpers/stall-dist.ts');
const temp: string[] = [];
const contents = {} as Record<Content, string>;
const clean = {} as Record<Content, Record<string, string>>;
let dir: string;
/** The content the last finished build in `dir` was of. */
let current: Content = 'A';

/** The fixture (A), and the fixture with one story's headline and body edited (B): every archive, feed and front page changes. */
function writeContents(): void {
  const root = mkdtempSync(join(tmpdir(), 'gazette-kill-content-'));
  temp.push(root);
  contents.A = join(root, 'A');
  contents.B = join(root, 'B');
  cpSync(fixtureContent('basic'), contents.A, { recursive: true });
  cpSync(contents.A, contents.B, { recursive: true });
  const zh = join(contents.B, STORY, 'zh.mdx');
  writeFileSync(zh, `${readFileSync(zh, 'utf8').replace(/^title: .*$/m, 'title: 改过的标题')}\n编辑补充的一句话。\n`);
}

function useContent(content: Content | 'broken'): void {
  rmSync(join(dir, 'content'), { recursive: true, force: true });
  cpSync(contents[content === 'broken' ? 'B' : content], join(dir, 'content'), { recursive: true });
  // An editor's error: the check refuses code in a body, so this build must stop and change nothing.
  if (content === 'broken') writeFileSync(join(dir, 'content', STORY, 'en.mdx'), `${readFileSync(join(dir, 'content', STORY, 'en.mdx'), 'utf8')}\n<script>alert(1)</script>\n`);
}

interface Running {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp) => Promise<void>;
}

function startBuild(stallAt?: 'search' | 'swap'): Running {
  const args = [...(stallAt ? ['--import', STALL] : []), join(dir, 'scripts/build.ts')];
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: cleanEnv({ GAZETTE_NOW: FIXTURE_NOW, SITE_URL: 'https://news.example.org', STALL_MS: '5000', STALL_AT: stallAt ?? '' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    text += stripVTControlCharacters(chunk.toString());
    for (const waiter of waiters.filter((w) => w.pattern.test(text))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    output: () => text,
    waitFor: (pattern) =>
      pattern.test(text)
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiters.push({ pattern, resolve })),
            exited.then(() => {
              throw new Error(`the build ended before ${pattern}:\n${text}`);
            }),
          ]),
  };
}

/** A process that has not exited (a zombie has: it only waits to be reaped). */
function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // It ended between the listing and the signal.
  }
}

/** SIGKILL to the build and every process it started: stopped first, so none starts another meanwhile. */
async function killTree(root: number): Promise<void> {
  const pids = processTree(root);
  for (const pid of pids) signal(pid, 'SIGSTOP');
  const all = [...new Set([...pids, ...processTree(root)])];
  for (const pid of all) signal(pid, 'SIGKILL');
  for (let i = 0; i < 100 && all.some(alive); i++) await new Promise((r) => setTimeout(r, 50));
}

function build(): string {
  const result = runBuild(dir);
  expect(result.status, result.output).toBe(0);
  return result.output;
}

beforeAll(() => {
  writeContents();
  for (const content of ['A', 'B'] as const) {
    const fresh = makeProject(contents[content]);
    temp.push(fresh);
    const result = runBuild(fresh);
    expect(result.status, result.output).toBe(0);
    clean[content] = digestDist(fresh);
  }
  dir = makeProject(contents.A);
  temp.push(dir);
});

afterAll(() => {
  for (const path of temp) removeProject(path);
});

describe('a build killed mid-way', () => {
  it('while encoding images on a cold cache, one half written: the next build re-encodes, as a clean build', async () => {
    const running = startBuild();
    await running.waitFor(/▶ \/_astro\/\S+ .*\(1\/\d+\)/);
    await killTree(running.child.pid!);
    // What a kill inside an image's write leaves: the file is truncated first, then written.
    const assets = join(dir, '.gazette/cache/assets');
    const newest = readdirSync(assets).map((name) => join(assets, name)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
    truncateSync(newest, Math.floor(statSync(newest).size / 2));
    build();
    expect(digestDist(dir)).toEqual(clean.A);
  });

  // Each kill happens during a build of the other content than dist/ shows; `then` is the
  // content the editor builds next: the same one again, or the old one (the edit undone, so
  // every cache key is back to what the last finished build recorded).
  const points: { name: string; at: RegExp; stallAt?: 'search' | 'swap'; then: 'same' | 'undo' }[] = [
    { name: 'starting up', at: /content: 0 errors/, then: 'undo' },
    { name: 'rendering pages', at: / \/people\/wang-ming\/index\.html \(/, then: 'undo' },
    { name: 'rendering pages', at: / \/people\/wang-ming\/index\.html \(/, then: 'same' },
    { name: 'writing the search index', at: /^stall: write /m, stallAt: 'search', then: 'undo' },
    { name: 'swapping, before the first rename', at: /^stall: /m, stallAt: 'swap', then: 'same' },
    { name: 'swapping, between the two renames', at: /^stall: [^]*^stall: /m, stallAt: 'swap', then: 'undo' },
  ];
  it.each(points)('while $name, then $then: a failed build keeps the last good site, the next one equals a clean build', async ({ at, stallAt, then }) => {
    // Only when a round runs alone (vitest -t): every round before it ends with a finished build.
    if (!existsSync(join(dir, 'dist'))) {
      useContent(current);
      build();
    }
    expect(digestDist(dir)).toEqual(clean[current]);
    const other: Content = current === 'A' ? 'B' : 'A';
    useContent(other);
    const running = startBuild(stallAt);
    await running.waitFor(at);
    await killTree(running.child.pid!);

    useContent('broken');
    const failed = runBuild(dir);
    expect(failed.status, failed.output).toBe(1);
    expect(digestDist(dir), 'the last good site, after a killed and a failed build').toEqual(clean[current]);

    const next = then === 'same' ? other : current;
    useContent(next);
    build();
    expect(digestDist(dir)).toEqual(clean[next]);
    current = next;
  });
});

describe('a cache entry deleted by hand', () => {
  it("a cached page, an encoded image, a share card and one language's search index: each is made again, as a clean build has it", () => {
    const cache = join(dir, '.gazette/cache');
    const card = readdirSync(join(cache, SHARE_CARDS)).find((name) => name.endsWith('.png'))!;
    const image = readdirSync(join(cache, 'assets')).find((name) => name.endsWith('.avif'))!;
    rmSync(join(cache, 'dist/index.html'));
    rmSync(join(cache, 'assets', image));
    rmSync(join(cache, SHARE_CARDS, card));
    const shard = readdirSync(join(cache, 'search'))[0]!;
    rmSync(join(cache, 'search', shard), { recursive: true });
    const output = build();
    // Rendered, not restored.
    expect(output).toMatch(/ \/index\.html \(\+\d+m?s\)/);
    expect(existsSync(join(cache, 'assets', image))).toBe(true);
    expect(existsSync(join(cache, SHARE_CARDS, card))).toBe(true);
    expect(output).toMatch(/^search index: .*; 1 language\(s\) indexed, 2 unchanged$/m);
    const digests = digestDist(dir);
    expect(Object.keys(digests).some((file) => file.startsWith('pagefind/'))).toBe(true);
    expect(digests).toEqual(clean[current]);
  });
});
