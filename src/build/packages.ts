/** Where an installed npm package lives, for the files it ships that no import reaches (fonts, binaries). */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A package's entry file; pagefind exports only an `import` entry, which require cannot resolve. */
function entryOf(name: string, fromDir: string): string {
  try {
    return createRequire(join(fromDir, 'package.json')).resolve(name);
  } catch {
    return fileURLToPath(import.meta.resolve(name, pathToFileURL(join(fromDir, 'package.json')).href));
  }
}

/**
 * An installed package's folder, resolved from `fromDir` (the project root by default). Neither
 * @embedpdf/fonts-sc nor @sparticuz/chromium exports its package.json, so walk up from its entry.
 */
export function packageDir(name: string, fromDir: string = process.cwd()): string {
  let dir = dirname(entryOf(name, fromDir));
  while (!existsSync(join(dir, 'package.json')) || (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name) {
    if (dirname(dir) === dir) throw new Error(`cannot find the folder of ${name}`);
    dir = dirname(dir);
  }
  return dir;
}

/** The installed version of a package. */
export function packageVersion(name: string, fromDir?: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name, fromDir), 'package.json'), 'utf8')) as { version: string }).version;
}
