/**
 * Preloaded into `scripts/build.ts` by the kill-and-rebuild test (`node --import`), to hold the
 * build still at a step that takes a few milliseconds and would never be hit by timing alone:
 * the step prints `stall: <op>` on stderr and waits STALL_MS, and the test kills it there.
 * - STALL_AT=swap: before every rename, removal or copy of the live dist/ itself (the swap);
 * - STALL_AT=search: when a search shard has been written aside and its manifest is about to be
 *   written, before the shard is renamed into the cache (on the small fixture it takes ~0.1 s).
 * The build's own code is not changed; only these fs functions are wrapped.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const dist = resolve(process.cwd(), 'dist');
const ms = Number(process.env.STALL_MS ?? 3000);
const at = process.env.STALL_AT;
const touchesDist = (...paths: unknown[]) => at === 'swap' && paths.some((path) => typeof path === 'string' && resolve(path) === dist);

function stall(op: string): void {
  fs.writeSync(2, `stall: ${op}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const { renameSync, rmSync, cpSync, writeFileSync } = fs;
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
fs.writeFileSync = ((path: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions) => {
  if (at === 'search' && typeof path === 'string' && path.endsWith('gazette-shard.json')) stall(`write ${path}`);
  writeFileSync(path, data, options);
}) as typeof fs.writeFileSync;
// Named imports of node:fs (import { renameSync } from 'node:fs') see the wrapped functions.
syncBuiltinESMExports();
