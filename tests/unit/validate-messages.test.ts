/**
 * The editor's words for every kind of bad input, read from the validator in-process: a
 * build runs this same validator first and prints the same lines (tests/build/bad-input.test.ts
 * keeps a few whole builds for what only a build can show). Each case copies the basic
 * fixture into a temp project, applies one mutation and reads checkContent's lines, which are
 * what `npm run check` and `npm run build` print.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/check-content.ts';
import { edit, EN, expectCheckCase, HERO, INLINE, STORY, useContentCopies, ZH, type CheckCase } from '../helpers/content-tree.ts';

const makeContentProject = useContentCopies('messages');


const cases: CheckCase[] = [
  { name: 'malformed YAML in frontmatter', file: ZH, expect: /zh\.mdx:3: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a \](\n|$)/, mutate: (d) => edit(d, ZH, (t) => t.replace('title: 双语测试稿件', 'title: [双语测试稿件')) },
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

describe('every kind of bad input is an error naming its file, line and field', () => {
  it('the fixture itself passes, so each case below fails by its own mutation', async () => {
    const report = await checkContent(makeContentProject());
    expect(report.lines).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it.each(cases)('$name', (check) => expectCheckCase(makeContentProject, check));

  it('reports a date without an offset once, not again as a bad date', async () => {
    const dir = makeContentProject();
    edit(dir, EN, (t) => t.replace('published: 2025-12-21T17:30:00Z', 'published: 2025-12-21T17:30:00'));
    const report = await checkContent(dir);
    expect(report.ok).toBe(false);
    expect(report.lines.filter((line) => line.includes('en.mdx') && line.includes('published'))).toHaveLength(1);
  });

  it('reports every problem at once, one a line', async () => {
    const dir = makeContentProject();
    edit(dir, ZH, (t) => t.replace('section: news', 'section: sport').replace('hero: fixture-hero', 'hero: nope'));
    edit(dir, INLINE, (t) => t.replace(', en: Inline picture', ''));
    const report = await checkContent(dir);
    expect(report.lines.filter((line) => /^content\/\S+:\d+: /.test(line))).toHaveLength(3);
  });
});

describe('warnings name the file but are not errors', () => {
  it('warns about a headline over 110 characters', async () => {
    const dir = makeContentProject();
    edit(dir, EN, (t) => t.replace('title: A bilingual test story', `title: ${'A very long headline '.repeat(6)}`));
    const report = await checkContent(dir);
    expect(report.ok, report.lines.join('\n')).toBe(true);
    expect(report.lines.join('\n')).toMatch(/content\/stories\/bilingual-story\/en\.mdx:\d+: title: warning: headline is 125 characters/);
  });

  it('warns about a hero too short for 1,200 px crops, and still accepts it', async () => {
    const dir = makeContentProject();
    const panorama = await sharp({ create: { width: 1600, height: 600, channels: 3, background: '#8899aa' } }).jpeg().toBuffer();
    writeFileSync(join(dir, STORY, 'photos/fixture-hero.jpg'), panorama);
    const report = await checkContent(dir);
    expect(report.ok, report.lines.join('\n')).toBe(true);
    expect(report.lines).toContain(
      'content/stories/bilingual-story/photos/fixture-hero.yaml:1: image: warning: hero image is 1600x600 px; under 675 px tall, its crops for search engines and its share card are narrower than 1200 px: use a taller photo if there is one',
    );
  });

  it('warns about a summary over 200 characters, counted in characters, not bytes', async () => {
    const dir = makeContentProject();
    edit(dir, ZH, (t) => t.replace(/^summary: .*$/m, `summary: ${'摘要'.repeat(101)}`));
    const report = await checkContent(dir);
    expect(report.ok, report.lines.join('\n')).toBe(true);
    expect(report.lines).toContain('content/stories/bilingual-story/zh.mdx:4: summary: warning: summary is 202 characters; keep it within 200 for feeds and search results');
  });
});
