/**
 * `npm run check`: every content problem at once, one a line as path:line: field: message,
 * then the project's type check (astro check) once the content has no error. Exits 1 if
 * anything is wrong.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { checkContent } from '../src/check/check-content.ts';

const root = process.cwd();
const report = await checkContent(root);
for (const line of report.lines) console.log(line);
const [errors, warnings] = [report.errors.length, report.warnings.length];
console.log(`content: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
// For `npm run bench` and the build tests (GAZETTE_TIMINGS=1): whether each body was parsed once (decision 030).
if (process.env.GAZETTE_TIMINGS === '1' && report.bodiesFromLoader > 0) console.log(`content: ${report.bodiesFromLoader} body verdicts from the stories loader`);

let typesOk = true;
if (!report.ok) {
  // Astro's own content sync would stop on the same files again, with a stack trace instead of a line.
  console.log('types: not checked until the content errors above are fixed');
} else if (!process.argv.includes('--content-only')) {
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'check'], { stdio: 'inherit', env: { ...process.env, GAZETTE_VALIDATED: '1' } });
  typesOk = result.status === 0;
}
process.exit(report.ok && typesOk ? 0 : 1);
