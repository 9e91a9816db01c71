/**
 * Loaded before `npm run build` and `npm run check` (node --import): Node's compile cache for this
 * checkout, so their TypeScript is stripped and compiled once, not on every run. Stripping loads
 * a compiler into each process first (about half a second on this project's machines), and a build
 * starts three processes: the build, the content check and Astro, which inherit the setting.
 * Plain JavaScript, as it must run before any TypeScript is loaded. Node keys each entry by the
 * file's content, so an edited module is compiled again.
 */
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../.gazette/node-compile-cache/', import.meta.url));
process.env.NODE_COMPILE_CACHE ??= dir;
module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE);
