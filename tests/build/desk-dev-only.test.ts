/**
 * The editing desk lives in `astro dev` only: a production build of the seed site with the desk
 * (src/desk/, its integration in astro.config.mjs, React and Keystatic installed) is byte-identical
 * to one of a copy with the desk taken out, and holds nothing of it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, removeProject, runBuild, SEED_NOW } from '../helpers/project.ts';
import { digestDist, listDist } from '../helpers/site-checks.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeProject));

function build(withoutDesk: boolean): string {
  const dir = makeProject();
  dirs.push(dir);
  if (withoutDesk) {
    const config = join(dir, 'astro.config.mjs');
    const text = readFileSync(config, 'utf8');
    const bare = text.replace(/^import desk from .*\n/m, '').replace(/^\s*\/\/ desk\(\).*\n/m, '').replace('gazette(), desk(), sitemap', 'gazette(), sitemap');
    expect(bare).not.toMatch(/desk/);
    writeFileSync(config, bare);
    rmSync(join(dir, 'src/desk'), { recursive: true });
  }
  const result = runBuild(dir, { GAZETTE_NOW: SEED_NOW });
  expect(result.status, result.output).toBe(0);
  return dir;
}

describe('the editing desk in a production build', () => {
  it('changes no byte of dist/ and leaves no trace of React, Keystatic or the desk routes', () => {
    const withDesk = build(false);
    const withoutDesk = build(true);
    expect(digestDist(withDesk)).toEqual(digestDist(withoutDesk));

    const files = listDist(join(withDesk, 'dist'));
    expect(files.filter((file) => /^(keystatic|api)\//.test(file))).toEqual([]);
    const traces = files.filter((file) => /\.(html|js|mjs|json|xml|css|txt)$/.test(file) && /keystatic|react-dom|__reactContainer|astro-island/i.test(readFileSync(join(withDesk, 'dist', file), 'utf8')));
    expect(traces).toEqual([]);
  });
});
