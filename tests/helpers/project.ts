/**
 * Builds a site in a temp dir: a copy of this project's code with a fixture's content/,
 * node_modules linked, and the real `npm run build` script run on it. Tests then read
 * what came out with real HTML and XML parsers.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, expect } from 'vitest';
import { copyProjectFiles, npmScriptArgs } from '../../src/build/project-files.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = join(repoRoot, 'tests/fixtures');

/** A fixed build time for fixture builds, so embargo and date tests are deterministic. */
export const FIXTURE_NOW = '2025-12-23T00:00:00+08:00';

/** A build time for the real content/: the seed story (22 December 2025) is published and past the news window. */
export const SEED_NOW = '2026-01-01T00:00:00+08:00';

/**
 * The environment an editor's shell would have: vitest sets NODE_ENV, MODE, DEV, PROD, SSR
 * and BASE_URL for its own Vite, and Astro started from a test would read them.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(NODE_ENV|MODE|DEV|PROD|SSR|BASE_URL|VITEST.*|TEST)$/.test(key)) delete env[key];
  }
  return { ...env, ...extra };
}

/** A temp copy of the project whose content/ is `content` (a path), or the real content/ when omitted. */
export function makeProject(content: string = join(repoRoot, 'content')): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-test-'));
  copyProjectFiles(repoRoot, dir);
  cpSync(content, join(dir, 'content'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export function fixtureContent(name: string): string {
  return join(fixturesDir, name, 'content');
}

export interface BuildResult {
  status: number;
  output: string;
}

/**
 * Runs the project's build script (validation, astro build, dist swap) in `dir`. Its output is
 * returned without colour codes: Astro's logger colours its output whenever `CI` is set, even
 * into a pipe, so CI runners and a local shell would otherwise see different text.
 */
export function runBuild(dir: string, env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, npmScriptArgs(dir, 'build'), {
    cwd: dir,
    encoding: 'utf8',
    env: cleanEnv({ GAZETTE_NOW: FIXTURE_NOW, SITE_URL: 'https://news.example.org', ...env }),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? 1, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

export function runScript(dir: string, script: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(dir, 'scripts', script), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: cleanEnv({ GAZETTE_NOW: FIXTURE_NOW, ...env }),
  });
  return { status: result.status ?? 1, stdout: stripVTControlCharacters(result.stdout), stderr: stripVTControlCharacters(result.stderr) };
}

/** Parses a built page; `path` is a site path such as /en/2025/12/22/id/. */
export function readPage(dir: string, path: string): Document {
  const file = join(dir, 'dist', path.replace(/^\//, ''), path.endsWith('/') ? 'index.html' : '');
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}

export function distHas(dir: string, path: string): boolean {
  return existsSync(join(dir, 'dist', path.replace(/^\//, ''), path.endsWith('/') ? 'index.html' : ''));
}

export function removeProject(dir: string): void {
  if (dir.startsWith(tmpdir())) rmSync(dir, { recursive: true, force: true });
}

/** Visible text with whitespace collapsed, for comparing against source text. */
export function textOf(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * One built site for a test file: `content` (a fixture's content/, or the real one) built before
 * the file's tests with `env`, removed after them. Returns the project folder's getter.
 */
export function useBuiltSite(content?: string, env: Record<string, string> = {}): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = makeProject(content);
    const result = runBuild(dir, env);
    expect(result.status, result.output).toBe(0);
  });
  afterAll(() => {
    if (dir) removeProject(dir);
  });
  return () => {
    if (!dir) throw new Error('the site is built in beforeAll: read it from a test');
    return dir;
  };
}
