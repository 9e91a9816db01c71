/**
 * `npm run check`: every problem at once, one a line as path:line: field: message, then the
 * type check; exit 1 on any error. The build runs the same validator (bad-input.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureContent, makeProject, removeProject, runScript } from '../helpers/project.ts';

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

describe('npm run check', () => {
  it('passes on the real content, types included', () => {
    const dir = makeProject();
    projects.push(dir);
    const result = runScript(dir, 'check.ts');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('content: 0 errors, 0 warnings');
    expect(result.stdout).toMatch(/0 errors/);
  });

  it('lists every content problem, one a line, and exits 1', () => {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    const zh = join(dir, 'content/stories/bilingual-story/zh.mdx');
    writeFileSync(zh, readFileSync(zh, 'utf8').replace('section: news', 'section: sport').replace('authors: [wang-ming]', 'authors: [wang-ming, ghost]'));
    const photo = join(dir, 'content/stories/bilingual-story/photos/fixture-inline.yaml');
    writeFileSync(photo, readFileSync(photo, 'utf8').replace(', en: A blue test picture', ''));
    const result = runScript(dir, 'check.ts', ['--content-only']);
    expect(result.status).toBe(1);
    const lines = result.stdout.split('\n').filter((line) => line.startsWith('content/'));
    expect(lines).toEqual([
      'content/stories/bilingual-story/zh.mdx:8: authors.1: unknown person id "ghost": expected a file content/people/ghost.yaml',
      'content/stories/bilingual-story/zh.mdx:9: section: unknown section id "sport": expected a file content/sections/sport.yaml',
      'content/stories/bilingual-story/photos/fixture-inline.yaml:3: alt.en: missing alt text in en: the photo is shown in content/stories/bilingual-story/en.mdx',
    ]);
    expect(result.stdout).toContain('content: 3 errors, 0 warnings');
  });

  it('refuses an SVG saved under a photo’s name, as the build would', () => {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    writeFileSync(join(dir, 'content/stories/bilingual-story/photos/fixture-inline.png'), '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><script>alert(1)</script></svg>');
    const result = runScript(dir, 'check.ts', ['--content-only']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('content/stories/bilingual-story/photos/fixture-inline.yaml:1: image: "./fixture-inline.png" is an SVG drawing (which may hold scripts), not a photo: expected a JPEG, PNG or WebP file');
  });
});
