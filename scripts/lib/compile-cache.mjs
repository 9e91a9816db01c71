/**
 * Loaded before `npm run build` and `npm run check` (node --import): Node's compile cache, so their
 * TypeScript is stripped and compiled once, not on every run. Stripping loads a compiler into each
 * process first, and a build starts three: the build, the content check and Astro, which inherit
 * the setting. Plain JavaScript, as it must run before any TypeScript is loaded.
 * The folder is Node's default, the one Astro's command line already uses; Node keys each entry by
 * the file's path and content, so an edited module is compiled again.
 */
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Not in CI, as Astro's command line: a fresh runner would write a cache it never reads again.
if (!process.env.CI) {
  process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'node-compile-cache');
  module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE);
}
