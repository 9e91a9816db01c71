/**
 * Pagefind's command line, from its npm package, one process per language bundle (search-index.ts).
 * Not the Node API: that drives one backend per process, which makes one bundle at a time and
 * costs more per bundle. Both write the same bytes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getSourceHash } from './hash.ts';
import { packageDir, packageVersion } from './packages.ts';

/**
 * Pagefind's own lookup of its binary (the platform package, or PAGEFIND_*_BINARY_PATH), as its
 * npm launcher (lib/runner/bin.cjs) does before running it. Gazette runs the binary itself: the
 * launcher is one more Node process per bundle, and it turns the binary's death by a signal into
 * a silent exit code 1.
 */
const { resolveBinaryPath } = (await import(pathToFileURL(join(packageDir('pagefind'), 'lib', 'resolveBinary.js')).href)) as {
  resolveBinaryPath: (execnames: string[]) => string;
};

/** Pagefind processes running now, each in its own process group, so that a stopped build stops them too. */
const running = new Set<ChildProcess>();

/**
 * Pagefind also reads its settings from PAGEFIND_* variables and a pagefind.* file in its working
 * folder: neither may change what Gazette indexes. Where its binary is may be set
 * (PAGEFIND_EXTENDED_BINARY_PATH, for a machine npm has no binary for).
 */
export function getPagefindEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('PAGEFIND_') || name.endsWith('_BINARY_PATH')));
}

/**
 * What makes Pagefind's output differ besides the pages: its version, the binary named by
 * PAGEFIND_*_BINARY_PATH if any, and this module's options. A cache of its bundles keys on it.
 */
export function getPagefindIdentity(): string {
  const binaries = Object.entries(getPagefindEnv()).filter(([name]) => name.startsWith('PAGEFIND_')).sort().flat();
  return [packageVersion('pagefind'), ...binaries, getSourceHash(import.meta.url)].join('\0');
}

/**
 * Indexes the pages of `siteDir` matching `glob` into `outputPath`; Pagefind's output is shown
 * only if it fails. `cwd` must be a folder Gazette owns (see getPagefindEnv). Once `signal` is
 * aborted (another language failed) no run starts: a language indexed in runs stops at its next.
 */
export function runPagefind({ siteDir, glob, outputPath, cwd, name, signal }: { siteDir: string; glob: string; outputPath: string; cwd: string; name: string; signal?: AbortSignal }): Promise<void> {
  const args = ['--site', siteDir, '--glob', glob, '--output-path', outputPath, '--quiet'];
  if (signal?.aborted) return Promise.reject(new Error(`pagefind: the ${name} index was not started: the search index has failed`));
  return new Promise((resolve, reject) => {
    const notStarted = (why: string) => new Error(`pagefind: the ${name} index could not start: ${why}. Run npm install again, or set PAGEFIND_EXTENDED_BINARY_PATH to a Pagefind binary`);
    let binary: string;
    try {
      // The names its launcher looks for, the extended build (with CJK segmentation) first.
      binary = resolveBinaryPath(['pagefind_extended', 'pagefind']);
    } catch {
      return reject(notStarted(`npm installed no Pagefind binary for ${process.platform}-${process.arch}`));
    }
    const child = spawn(binary, args, { cwd, env: getPagefindEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    let output = '';
    for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => {
      running.delete(child);
      reject(notStarted(`${binary}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      running.delete(child);
      if (code === 0) return resolve();
      // Killed without a word: most often by the kernel, out of memory.
      const why = output.trim() || 'no message: most often the machine ran out of memory; lower searchIndexMemoryMb in src/config/site.ts so Pagefind holds less at once';
      reject(new Error(`pagefind: the ${name} index failed (${signal ?? `exit code ${code}`}): ${why}`));
    });
  });
}

/** Stops every Pagefind process still running (a build stopped, or another language failed). */
export function stopPagefind(): void {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
