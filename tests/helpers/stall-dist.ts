/**
 * Preloaded into `scripts/build.ts` by the kill-and-rebuild test (`node --import`): every
 * rename, removal or copy that touches the live dist/ first prints `stall: <op>` on stderr and
 * waits STALL_MS, so the test can kill the build exactly before each step of the swap, which
 * takes a few milliseconds and would never be hit by timing alone. The build's own code is not
 * changed; only these three fs functions are wrapped, and only for paths that are dist/ itself.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const dist = resolve(process.cwd(), 'dist');
const ms = Number(process.env.STALL_MS ?? 3000);
const touchesDist = (...paths: unknown[]) => paths.some((path) => typeof path === 'string' && resolve(path) === dist);

function stall(op: string): void {
  fs.writeSync(2, `stall: ${op}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const { renameSync, rmSync, cpSync } = fs;
fs.renameSync = (from, to) => {
  if (touchesDist(from, to)) stall(`rename ${String(from)} -> ${String(to)}`);
  renameSync(from, to);
};
fs.rmSync = (path, options) => {
  if (touchesDist(path)) stall(`rm ${String(path)}`);
  rmSync(path, options);
};
fs.cpSync = (from, to, options) => {
  if (touchesDist(from, to)) stall(`cp ${String(from)} -> ${String(to)}`);
  cpSync(from, to, options);
};
// Named imports of node:fs (import { renameSync } from 'node:fs') see the wrapped functions.
syncBuiltinESMExports();
