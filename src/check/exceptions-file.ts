/**
 * The Traditional edition's exceptions file (content/zh-hant-exceptions.yaml): editors' terms
 * that OpenCC converts wrongly, as `simplified term: traditional form`. An entry that maps to
 * nothing would silently drop the term from every Traditional page, so it fails the check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { site } from '../config/site.ts';
import { getExceptionProblem, makeConverter } from '../newsroom/traditional.ts';
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

/**
 * Warnings an editor can act on: a term that appears in no Simplified file of content/ does
 * nothing (a typo, or a story that changed), and a traditional form that OpenCC would still change
 * is not Traditional yet (e.g. 吃干榨尽: 吃干榨尽), so it would publish Simplified characters.
 */
export function checkExceptionUse(exceptions: { file: string; yaml?: ParsedYaml }, sourceFiles: string[], problems: Problem[]): void {
  const entries = Object.entries(exceptions.yaml?.data ?? {}).filter(([term, value]) => !getExceptionProblem(term, value)) as [string, string][];
  if (entries.length === 0) return;
  const texts = sourceFiles.filter((file) => existsSync(file)).map((file) => readFileSync(file, 'utf8'));
  const openCC = makeConverter();
  for (const [term, value] of entries) {
    const line = lineOf(exceptions.yaml, [term]);
    if (!texts.some((text) => text.includes(term))) {
      problems.push({ file: exceptions.file, line, field: term, message: `"${term}" appears in no Simplified text in content/: check its spelling, or remove the line`, severity: 'warning' });
    }
    const converted = openCC(value);
    if (converted !== value) {
      problems.push({ file: exceptions.file, line, field: term, message: `"${value}" is not all Traditional: OpenCC would make it "${converted}"`, severity: 'warning' });
    }
  }
}
