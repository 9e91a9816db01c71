/**
 * What a copy of the project needs to build a site: the code and its config, not content/,
 * node_modules (linked instead) or anything a build writes. Tests and the bench build such
 * copies; the bench also names these paths when it reports uncommitted code.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT_FILES = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'] as const;

/** Copies the project's files from `root` into the existing folder `dir`. */
export function copyProjectFiles(root: string, dir: string): void {
  for (const name of PROJECT_FILES) {
    if (existsSync(join(root, name))) cpSync(join(root, name), join(dir, name), { recursive: true });
  }
}

/** The arguments to node of one of the project's npm scripts ("node …"), so a copy is built as `npm run` would. */
export function npmScriptArgs(root: string, name: string): string[] {
  const command = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[name] ?? '';
  const [program, ...args] = command.trim().split(/\s+/);
  if (program !== 'node') throw new Error(`package.json's ${name} script does not start with node: ${command}`);
  return args;
}
