/**
 * The Chromium the browser tests and the audit drive. By default it is the build shipped inside
 * the npm package @sparticuz/chromium, unpacked once into node_modules/.cache, so `npm install`
 * is the only set-up step: no apt, no root, no download. CHROMIUM_PATH, when set, wins. The CJK
 * font it is shown comes from ./cjk-font.ts.
 */
import { accessSync, constants, mkdirSync, renameSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../../src/build/packages.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** No phoning home: on a closed network Chromium's background services fail, many connections at a time. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Thrown when the browser or the CJK font cannot be had; its message is one line an editor or CI log can act on. */
export class ToolUnavailable extends Error {}

export const cacheRoot = join(repoRoot, 'node_modules/.cache/gazette-chromium');

/** A folder per package version, so an upgrade never runs a stale binary. */
function chromiumDir(): string {
  return join(cacheRoot, packageVersion('@sparticuz/chromium', repoRoot));
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of the Chromium to start. Unpacks the npm-shipped build on first use (a few seconds);
 * call it from one process at a time (the browser tests' global setup does).
 */
export async function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!executable(fromEnv)) throw new ToolUnavailable(`CHROMIUM_PATH is ${fromEnv}, which is not an executable file; point it at a Chromium or Chrome binary, or unset it to use the one npm installed.`);
    return fromEnv;
  }
  if (platform() !== 'linux' || arch() !== 'x64') {
    throw new ToolUnavailable(`The Chromium in @sparticuz/chromium runs on Linux x64 only, and this machine is ${platform()} ${arch()}; set CHROMIUM_PATH to a Chromium or Chrome binary.`);
  }
  const dir = chromiumDir();
  const binary = join(dir, 'chromium');
  if (executable(binary)) return binary;
  // The package unpacks into os.tmpdir(); point that at a private folder, then move it into place
  // whole, so a half-unpacked binary is never found by a later run.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const savedTmp = process.env.TMPDIR;
  try {
    process.env.TMPDIR = partial;
    const { default: Chromium } = await import('@sparticuz/chromium');
    await Chromium.executablePath();
  } catch (error) {
    throw new ToolUnavailable(`Could not unpack the Chromium in @sparticuz/chromium (${String(error).split('\n')[0]}); set CHROMIUM_PATH to a Chromium or Chrome binary.`);
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return binary;
}
