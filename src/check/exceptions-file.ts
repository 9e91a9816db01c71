/**
 * The Traditional edition's exceptions file (content/zh-hant-exceptions.yaml): editors' terms
 * that OpenCC converts wrongly, as `simplified term: traditional form`. An entry that maps to
 * nothing would silently drop the term from every Traditional page, so it fails the check.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { site } from '../config/site.ts';
import { getExceptionProblem } from '../newsroom/traditional.ts';
import { lineOf, parseYaml, type ParsedYaml } from './frontmatter.ts';
import type { Problem } from './problems.ts';
import { readText } from './source-text.ts';

/** Checks the file under `root` (the content folder), if there is one: it is optional. */
export function checkExceptionsFile(root: string, problems: Problem[]): { file: string; yaml?: ParsedYaml } | undefined {
  const file = join(root, site.traditionalExceptions);
  if (!existsSync(file)) return undefined;
  const source = readText(file, problems);
  const yaml = source === undefined ? undefined : parseYaml(source, file, 0, problems);
  for (const [term, value] of Object.entries(yaml?.data ?? {})) {
    const message = getExceptionProblem(term, value);
    if (message) problems.push({ file, line: lineOf(yaml, [term]), field: term, message, severity: 'error' });
  }
  return { file, yaml };
}
