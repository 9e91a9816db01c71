/**
 * Every content error fails `npm run build` with a message naming the file and the
 * field, and leaves the last good dist/ untouched. Markup in content is escaped.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { edit, EN, HERO, INLINE, STORY, ZH } from '../helpers/content-tree.ts';
import { cleanEnv, fixtureContent, FIXTURE_NOW, makeProject, readPage, removeProject, runBuild, runScript, textOf } from '../helpers/project.ts';

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

describe('bad input fails the build, names the file, and keeps the last good dist/', () => {
  // Each kind of bad input and its message is tested in-process (tests/unit/validate-messages.test.ts):
  // the build runs the same validator first. Here, what only a whole build shows.
  it('exits non-zero, prints the problem and leaves the last good dist/ untouched', () => {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    // The last good site, as a deploy would have left it.
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><p>last good build</p>');
    edit(dir, ZH, (t) => t.replace('section: news', 'section: sport'));
    const result = runBuild(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(ZH);
    expect(result.output).toMatch(/zh\.mdx:\d+: section: unknown section id "sport"/);
    expect(result.output).toMatch(/dist\/ was left as it was/);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toBe('<!doctype html><p>last good build</p>');
    expect(existsSync(join(dir, 'dist/2025'))).toBe(false);
  });

  it('with enough new bodies that the check takes the stories loader’s verdicts (decision 030): a bad body and a bad field, each named with its line, Astro’s output held, dist/ untouched', () => {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/index.html'), 'last good');
    // 35 more stories: over 64 bodies, and a check with no body cache (a fresh clone, as in CI).
    for (let index = 0; index < 35; index++) {
      const copy = `content/stories/copy-${String(index).padStart(2, '0')}`;
      for (const lang of ['zh', 'en']) {
        mkdirSync(join(dir, copy), { recursive: true });
        const source = readFileSync(join(dir, STORY, `${lang}.mdx`), 'utf8').replace(/^aliases:.*\n/m, '');
        writeFileSync(join(dir, copy, `${lang}.mdx`), `${source}\n第${index}份 / copy ${index}.\n`);
      }
    }
    edit(dir, 'content/stories/copy-07/en.mdx', (t) => `${t}\n<script>alert(1)</script>\n`);
    edit(dir, 'content/stories/copy-21/zh.mdx', (t) => t.replace('section: news', 'section: sport'));
    const result = runBuild(dir, { GAZETTE_TIMINGS: '1' });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/content\/stories\/copy-07\/en\.mdx:\d+: script: <script> is not allowed in a story/);
    expect(result.output).toMatch(/content\/stories\/copy-21\/zh\.mdx:\d+: section: unknown section id "sport"/);
    // The verdicts came from the loader: the check did not parse the bodies again.
    expect(result.output).toMatch(/content: \d+ body verdicts from the stories loader/);
    expect(result.output).toMatch(/Build stopped by the content errors above\. dist\/ was left as it was\./);
    // Astro's own report of the body it refused is never shown: the check's is.
    expect(result.output).not.toMatch(/generating static routes|story body: <script>/);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toBe('last good');
    expect(readdirSync(join(dir, '.gazette')).filter((name) => /^(dist-next|body-verdicts-)/.test(name))).toEqual([]);
  });

  it('refuses a GAZETTE_NOW that is not a date-time with offset, before Astro starts', () => {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/index.html'), 'last good');
    const result = runBuild(dir, { GAZETTE_NOW: '2025-12-23' });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/^GAZETTE_NOW: expected an ISO 8601 instant with offset such as 2025-12-22T08:00:00\+08:00, got "2025-12-23"$/m);
    expect(result.output).toMatch(/dist\/ was left as it was/);
    expect(result.output).not.toMatch(/node_modules/);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toBe('last good');
  });

  it('explains a build that ran out of memory, and keeps the last good dist/', () => {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/index.html'), 'last good');
    // A heap far too small, given after the build's own limit, so it wins: the build dies as a
    // 20,000-story archive did with V8's default limit, and is not blamed on the content.
    const result = runBuild(dir, { NODE_OPTIONS: '--max-old-space-size=24' });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/^The build ran out of memory \(--max-old-space-size=\d+\): the archive needs a machine with more memory, or a build split by year \(docs\/scaling\.md\)\.$/m);
    expect(result.output).not.toMatch(/content errors/);
    expect(result.output).toMatch(/dist\/ was left as it was/);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toBe('last good');
  });

  it('reports every problem at once, one a line', () => {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    edit(dir, ZH, (t) => t.replace('section: news', 'section: sport').replace('hero: fixture-hero', 'hero: nope'));
    edit(dir, INLINE, (t) => t.replace(', en: Inline picture', ''));
    const result = runBuild(dir);
    expect(result.status).toBe(1);
    const lines = result.output.split('\n').filter((line) => /^content\/\S+:\d+: /.test(line));
    expect(lines).toHaveLength(3);
  });
});

describe('a photo path that leads out of the story folder publishes nothing', () => {
  /** A project whose hero entry points at a JPEG beside the project, outside content/. */
  function escapingProject(): string {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    copyFileSync(join(dir, STORY, 'photos/fixture-hero.jpg'), join(dir, 'outside-secret.jpg'));
    edit(dir, HERO, (t) => t.replace('image: ./fixture-hero.jpg', 'image: ../../../../outside-secret.jpg'));
    return dir;
  }
  const filesUnder = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : []);

  it('fails npm run build with the entry’s line and leaves dist/ as it was', () => {
    const dir = escapingProject();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/index.html'), 'last good');
    const result = runBuild(dir);
    expect(result.status).toBe(1);
    expect(result.output).toContain(`${HERO}:1: image: "../../../../outside-secret.jpg" leads out of this story's photos/ folder`);
    expect(filesUnder(join(dir, 'dist'))).toEqual(['index.html']);
  });

  it('fails a bare astro build that skipped the check, before anything is written', () => {
    const dir = escapingProject();
    const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
    const result = spawnSync(process.execPath, [astro, 'build'], {
      cwd: dir,
      encoding: 'utf8',
      // What scripts/build.ts passes once its own check has passed: the integration then skips it.
      env: cleanEnv({ GAZETTE_NOW: FIXTURE_NOW, SITE_URL: 'https://news.example.org', GAZETTE_VALIDATED: '1', NODE_ENV: 'production' }),
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
    expect(result.status, output).not.toBe(0);
    expect(output).toMatch(/leads out of this story's photos\/ folder/);
    expect(filesUnder(join(dir, 'dist')).filter((name) => name.includes('outside-secret'))).toEqual([]);
    expect(filesUnder(join(dir, 'dist')).filter((name) => /\.(jpe?g|png|webp)$/.test(name))).toEqual([]);
  });
});

describe('markup in content is text, never executed', () => {
  it('escapes HTML and scripts in titles, summaries and captions', () => {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    edit(dir, EN, (t) => t.replace('title: A bilingual test story', 'title: "<script>alert(1)</script> & <b>bold</b>"'));
    edit(dir, HERO, (t) => t.replace('en: Test hero', 'en: "<img src=x onerror=alert(1)>"'));
    const result = runBuild(dir);
    expect(result.status, result.output).toBe(0);
    const doc = readPage(dir, '/en/2025/12/22/bilingual-story/');
    expect(textOf(doc.querySelector('h1'))).toBe('<script>alert(1)</script> & <b>bold</b>');
    expect(doc.querySelector('h1 script, h1 b')).toBeNull();
    expect(textOf(doc.querySelector('.main-media .caption-text'))).toBe('<img src=x onerror=alert(1)>');
    expect(doc.querySelector('figcaption img')).toBeNull();
    expect([...doc.querySelectorAll('script')].filter((s) => s.getAttribute('type') !== 'application/ld+json')).toHaveLength(0);
    expect(doc.querySelector('title')?.textContent).toContain('<script>alert(1)</script>');
    const article = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '');
    expect(article.headline).toBe('<script>alert(1)</script> & <b>bold</b>');
  });

  it('keeps a headline containing </script> inside its JSON-LD block', () => {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    edit(dir, ZH, (t) => t.replace('title: 双语测试稿件', 'title: "标题</script><script>alert(1)</script>"'));
    const result = runBuild(dir);
    expect(result.status, result.output).toBe(0);
    const doc = readPage(dir, '/2025/12/22/bilingual-story/');
    const blocks = [...doc.querySelectorAll('script')];
    expect(blocks.every((block) => block.getAttribute('type') === 'application/ld+json')).toBe(true);
    expect(JSON.parse(blocks[0]?.textContent ?? '').headline).toBe('标题</script><script>alert(1)</script>');
  });
});

describe('warnings name the file but do not stop the build', () => {
  it('warns about a headline over 110 characters', () => {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    edit(dir, EN, (t) => t.replace('title: A bilingual test story', `title: ${'A very long headline '.repeat(6)}`));
    const result = runScript(dir, 'check.ts', ['--content-only']);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/content\/stories\/bilingual-story\/en\.mdx:\d+: title: warning: headline is 125 characters/);
  });
});
