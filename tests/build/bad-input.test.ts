/**
 * Every content error fails `npm run build` with a message naming the file and the
 * field, and leaves the last good dist/ untouched. Markup in content is escaped.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureContent, makeProject, readPage, removeProject, runBuild, runScript, textOf } from '../helpers/project.ts';

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

const STORY = 'content/stories/bilingual-story';
const ZH = `${STORY}/zh.mdx`;
const EN = `${STORY}/en.mdx`;
const HERO = `${STORY}/photos/fixture-hero.yaml`;
const INLINE = `${STORY}/photos/fixture-inline.yaml`;

function edit(dir: string, file: string, change: (text: string) => string) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`mutation did nothing to ${file}`);
  writeFileSync(path, after);
}

interface Case {
  name: string;
  mutate: (dir: string) => void;
  /** The file the message must name. */
  file: string;
  /** What the message must say: field and expectation. */
  expect: RegExp;
}

const cases: Case[] = [
  { name: 'malformed YAML in frontmatter', file: ZH, expect: /zh\.mdx:\d+: malformed YAML/, mutate: (d) => edit(d, ZH, (t) => t.replace('title: 双语测试稿件', 'title: [双语测试稿件')) },
  { name: 'malformed YAML in a photo entry', file: HERO, expect: /fixture-hero\.yaml:\d+: malformed YAML/, mutate: (d) => edit(d, HERO, (t) => t.replace('caption: {', 'caption: {{')) },
  { name: 'an MDX syntax error', file: EN, expect: /en\.mdx:\d+: MDX syntax error/, mutate: (d) => edit(d, EN, (t) => t.replace('Second paragraph.', 'Second <paragraph.')) },
  { name: 'an unknown photo id in frontmatter', file: ZH, expect: /zh\.mdx:\d+: hero: unknown photo id "no-such-photo"/, mutate: (d) => edit(d, ZH, (t) => t.replace('hero: fixture-hero', 'hero: no-such-photo')) },
  { name: 'an unknown photo id in <Photo id>', file: EN, expect: /en\.mdx:\d+: Photo: unknown photo id "missing-photo"/, mutate: (d) => edit(d, EN, (t) => t.replace('<Photo id="fixture-inline" />', '<Photo id="missing-photo" />')) },
  { name: 'an unknown person', file: ZH, expect: /zh\.mdx:\d+: authors\.0: unknown person id "nobody"/, mutate: (d) => edit(d, ZH, (t) => t.replace('authors: [wang-ming]', 'authors: [nobody]')) },
  { name: 'an unknown photographer', file: HERO, expect: /fixture-hero\.yaml:\d+: photographer: unknown person id "ghost"/, mutate: (d) => edit(d, HERO, (t) => t.replace('photographer: li-hua', 'photographer: ghost')) },
  { name: 'an unknown section', file: ZH, expect: /zh\.mdx:\d+: section: unknown section id "sport"/, mutate: (d) => edit(d, ZH, (t) => t.replace('section: news', 'section: sport')) },
  { name: 'missing alt text', file: INLINE, expect: /fixture-inline\.yaml:\d+: alt\.en: missing alt text in en/, mutate: (d) => edit(d, INLINE, (t) => t.replace(', en: A blue test picture', '')) },
  { name: 'a missing caption', file: HERO, expect: /fixture-hero\.yaml:\d+: caption\.zh: missing caption in zh/, mutate: (d) => edit(d, HERO, (t) => t.replace('zh: 测试头图, ', '')) },
  { name: 'a photo with neither photographer nor credit', file: INLINE, expect: /fixture-inline\.yaml:\d+: photographer: expected either photographer/, mutate: (d) => edit(d, INLINE, (t) => t.replace(/credit:.*\n/, '')) },
  { name: 'a date that is not one', file: ZH, expect: /zh\.mdx:\d+: published: expected an ISO 8601 date-time with offset/, mutate: (d) => edit(d, ZH, (t) => t.replace('published: 2025-12-21T17:30:00Z', 'published: next tuesday')) },
  { name: 'a date without an offset', file: EN, expect: /en\.mdx:\d+: published: "2025-12-21T17:30:00" has no timezone offset/, mutate: (d) => edit(d, EN, (t) => t.replace('published: 2025-12-21T17:30:00Z', 'published: 2025-12-21T17:30:00')) },
  { name: 'a missing title', file: EN, expect: /en\.mdx:\d+: title: missing: expected string; add a "title:" line/, mutate: (d) => edit(d, EN, (t) => t.replace('title: A bilingual test story\n', '')) },
  { name: 'a missing placeholder image', file: HERO, expect: /fixture-hero\.yaml:\d+: image: image file not found: .*; run `npm run placeholders`/, mutate: (d) => renameSync(join(d, STORY, 'photos/fixture-hero.jpg'), join(d, STORY, 'photos/elsewhere.jpg')) },
  { name: 'a missing image file', file: INLINE, expect: /fixture-inline\.yaml:1: image: image file not found/, mutate: (d) => renameSync(join(d, STORY, 'photos/fixture-inline.png'), join(d, STORY, 'photos/elsewhere.png')) },
  { name: 'a corrupt image', file: HERO, expect: /fixture-hero\.yaml:1: image: image cannot be read/, mutate: (d) => {
      const path = join(d, STORY, 'photos/fixture-hero.jpg');
      writeFileSync(path, readFileSync(path).subarray(0, 400));
    } },
  { name: 'a file that is not an image', file: INLINE, expect: /fixture-inline\.yaml:1: image: image cannot be read/, mutate: (d) => writeFileSync(join(d, STORY, 'photos/fixture-inline.png'), 'this is a text file, not a PNG\n') },
  { name: 'the same photo id in two stories', file: 'content/stories/zh-only-story/photos/fixture-hero.yaml', expect: /zh-only-story\/photos\/fixture-hero\.yaml: duplicate photo id "fixture-hero": also defined in content\/stories\/bilingual-story\/photos\/fixture-hero\.yaml/, mutate: (d) => {
      mkdirSync(join(d, 'content/stories/zh-only-story/photos'));
      writeFileSync(join(d, 'content/stories/zh-only-story/photos/fixture-hero.yaml'), readFileSync(join(d, HERO)));
    } },
  { name: 'a script element in a story body', file: ZH, expect: /zh\.mdx:\d+: script: <script> is not allowed in a story/, mutate: (d) => appendFileSync(join(d, ZH), '\n<script>alert(1)</script>\n') },
  { name: 'a javascript: link in a story body', file: ZH, expect: /zh\.mdx:\d+: link: link to "javascript:alert\(document\.cookie\)" is not allowed/, mutate: (d) => appendFileSync(join(d, ZH), '\n[步履不停](javascript:alert(document.cookie))\n') },
  { name: 'a Markdown image in a story body', file: EN, expect: /en\.mdx:\d+: image: Markdown images are not allowed in a story/, mutate: (d) => appendFileSync(join(d, EN), '\n![tracker](https://evil.example/t.png)\n') },
  { name: 'code in braces in a story body', file: EN, expect: /en\.mdx:\d+: code in \{braces\} is not allowed/, mutate: (d) => appendFileSync(join(d, EN), '\n{process.exit(1)}\n') },
  { name: 'one old path claimed by two stories', file: 'content/stories/zh-only-story/zh.mdx', expect: /zh-only-story\/zh\.mdx:\d+: aliases\.0: alias \/2025\/12\/21\/old-bilingual-story\/ is already an old path of story "bilingual-story"/, mutate: (d) => edit(d, 'content/stories/zh-only-story/zh.mdx', (t) => t.replace('section: news', 'section: news\naliases: [/2025/12/21/old-bilingual-story/]')) },
  { name: 'an alias that is a front page', file: ZH, expect: /zh\.mdx:\d+: aliases\.0: alias \/en\/ is a front page/, mutate: (d) => edit(d, ZH, (t) => t.replace('aliases: [/2025/12/21/old-bilingual-story/]', 'aliases: [/en/]')) },
  { name: 'an alias under the people pages', file: EN, expect: /en\.mdx:\d+: aliases\.0: alias \/en\/people\/wang-ming\/ is under \/people\//, mutate: (d) => edit(d, EN, (t) => t.replace('section: news', 'section: news\naliases: [/en/people/wang-ming/]')) },
  { name: 'an alias that is another story’s address', file: 'content/stories/zh-only-story/zh.mdx', expect: /zh-only-story\/zh\.mdx:\d+: aliases\.0: alias \/2025\/12\/22\/bilingual-story\/ is the address of story bilingual-story\/zh/, mutate: (d) => edit(d, 'content/stories/zh-only-story/zh.mdx', (t) => t.replace('section: news', 'section: news\naliases: [/2025/12/22/bilingual-story/]')) },
  { name: 'a hero narrower than 1,200 px', file: INLINE, expect: /fixture-inline\.yaml:1: image: hero image is 800 px wide/, mutate: (d) => edit(d, ZH, (t) => t.replace('hero: fixture-hero', 'hero: fixture-inline')) },
];

describe('bad input fails the build, names the file, and keeps the last good dist/', () => {
  it.each(cases)('$name', ({ mutate, file, expect: message }) => {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    // The last good site, as a deploy would have left it.
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><p>last good build</p>');
    mutate(dir);
    const result = runBuild(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(file);
    expect(result.output).toMatch(message);
    expect(result.output).toMatch(/dist\/ was left as it was/);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).toBe('<!doctype html><p>last good build</p>');
    expect(existsSync(join(dir, 'dist/2025'))).toBe(false);
  });

  it('reports a date without an offset once, not again as a bad date', () => {
    const dir = makeProject(fixtureContent('basic'));
    projects.push(dir);
    edit(dir, EN, (t) => t.replace('published: 2025-12-21T17:30:00Z', 'published: 2025-12-21T17:30:00'));
    const result = runBuild(dir);
    expect(result.status).toBe(1);
    expect(result.output.split('\n').filter((line) => line.includes('en.mdx') && line.includes('published'))).toHaveLength(1);
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
