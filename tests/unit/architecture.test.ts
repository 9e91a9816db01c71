/**
 * The walls of docs/architecture.md, read from the source: which layer may import which, and
 * the house rules a review would otherwise have to catch by eye.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/project.ts';

const src = join(repoRoot, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|astro|css)$/.test(entry.name))
    .map((entry) => relative(src, join(entry.parentPath, entry.name)));
}

const importsOf = (file: string) => [...readFileSync(join(src, file), 'utf8').matchAll(/(?:^|\n)\s*import\s[^'"]*['"]([^'"]+)['"]/g)].map((match) => match[1]!);

describe('layers', () => {
  it.each([
    ['newsroom', /^(astro|astro:.*|@astrojs\/.*)$|\.\.\/(site|check|build|components|layouts)\//],
    ['build', /^(astro|astro:.*|@astrojs\/.*)$|\.\.\/(site|check|components|layouts)\//],
    ['check', /^(astro|astro:.*|@astrojs\/.*)$|\.\.\/(site|components|layouts)\//],
    ['config', /^(astro|astro:.*|@astrojs\/.*)$|\.\.\/(?!config\/)/],
    // The desk edits files and asks the check; it renders no page of the site.
    ['desk', /\.\.\/(site|components|layouts|pages)\//],
  ])('src/%s imports none of the layers it must not', (layer, forbidden) => {
    const found = filesUnder(join(src, layer)).flatMap((file) => importsOf(file).filter((spec) => forbidden.test(spec)).map((spec) => `${file}: ${spec}`));
    expect(found).toEqual([]);
  });

  it('loads React and Keystatic only in the desk, which only `astro dev` loads', () => {
    const users = filesUnder(src).filter((file) => importsOf(file).some((spec) => /^(react|react-dom|@keystatic\/|@astrojs\/react)/.test(spec)));
    expect(users.filter((file) => !file.startsWith('desk/'))).toEqual([]);
  });

  it('loads sharp only in the image check', () => {
    const users = filesUnder(src).filter((file) => importsOf(file).includes('sharp'));
    expect(users).toEqual(['check/image-check.ts']);
  });
});

describe('house rules', () => {
  it('keeps every file in src/ under 250 lines', () => {
    const long = filesUnder(src).map((file) => [file, readFileSync(join(src, file), 'utf8').split('\n').length] as const).filter(([, lines]) => lines > 250);
    expect(long).toEqual([]);
  });

  it('uses each file name once in src/, route files aside (Astro names them after the URL)', () => {
    const names = filesUnder(src).filter((file) => !file.startsWith('pages/')).map((file) => basename(file));
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});
