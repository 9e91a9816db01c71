import { describe, expect, it } from 'vitest';
import { contentSchemas } from '../../src/check/check-content.ts';
import { z } from 'astro/zod';
import { containedImage, ImagePathSchema, PersonSchema, SectionSchema, StorySchema } from '../../src/content.config.ts';
import { isAllowedLinkUrl, MARKDOWN_IMAGE_MESSAGE } from '../../src/newsroom/body-syntax.ts';
import { checkBody } from '../../src/check/body-check.ts';
import { splitFrontmatter } from '../../src/check/frontmatter.ts';
import type { Problem } from '../../src/check/problems.ts';

const story = {
  title: '标题',
  summary: '摘要',
  published: '2025-12-22T08:00:00+08:00',
  authors: ['yan-shujuan'],
  section: 'economy',
};

describe('story schema', () => {
  it('accepts the required set and fills defaults for the optional fields', () => {
    const parsed = StorySchema.parse(story);
    expect(parsed.published.toISOString()).toBe('2025-12-22T00:00:00.000Z');
    expect(parsed).toMatchObject({ draft: false, tags: [], corrections: [], aliases: [] });
  });
  it('accepts the Date that YAML makes of an unquoted timestamp', () => {
    expect(StorySchema.parse({ ...story, published: new Date('2025-12-22T00:00:00Z') }).published.getTime()).toBe(Date.UTC(2025, 11, 22));
  });
  it('refuses a missing field, an offset-less date, a bad id and an unknown field', () => {
    const fields = (input: unknown) => StorySchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.') || issue.code);
    expect(fields({ ...story, title: undefined })).toEqual(['title']);
    expect(fields({ ...story, published: '2025-12-22T08:00:00' })).toEqual(['published']);
    expect(fields({ ...story, published: 'soon' })).toEqual(['published']);
    expect(fields({ ...story, authors: [] })).toEqual(['authors']);
    expect(fields({ ...story, section: 'Economy News' })).toEqual(['section']);
    expect(fields({ ...story, titel: 'typo' })).toEqual(['unrecognized_keys']);
  });
});

describe('photo, person and section schemas', () => {
  const photo = { image: './a.jpg', caption: { zh: '图' }, alt: { zh: '图' } };
  it('needs exactly one of photographer and credit', () => {
    expect(contentSchemas.photo.safeParse({ ...photo, photographer: 'cao-wei' }).success).toBe(true);
    expect(contentSchemas.photo.safeParse({ ...photo, credit: { zh: '新华社' } }).success).toBe(true);
    expect(contentSchemas.photo.safeParse(photo).success).toBe(false);
    expect(contentSchemas.photo.safeParse({ ...photo, photographer: 'cao-wei', credit: { zh: '新华社' } }).success).toBe(false);
  });
  it('refuses a language the site does not have', () => {
    expect(contentSchemas.photo.safeParse({ ...photo, photographer: 'a', caption: { fr: 'photo' } }).success).toBe(false);
  });
  it('keeps the image path inside the entry’s photos/ folder', () => {
    for (const path of ['./a.jpg', 'a.jpg', './sub/../a.jpg', './封面 1.JPG']) expect(ImagePathSchema.safeParse(path).success, path).toBe(true);
    for (const path of ['../a.jpg', '../../other-story/photos/a.jpg', '/etc/a.jpg', '~/a.jpg', 'C:\\a.jpg', 'https://x.org/a.jpg', './%2e%2e/a.jpg', './a.jpg?raw', '..\\a.jpg']) {
      expect(ImagePathSchema.safeParse(path).success, path).toBe(false);
    }
  });
  it('never hands a path that leads out to Astro’s image resolver, even when the check was skipped', () => {
    const resolved: string[] = [];
    // Stands in for Astro's image(), which copies whatever the path names into dist/.
    const image = containedImage(() => z.string().transform((path) => (resolved.push(path), path)))();
    expect(image.safeParse('./a.jpg').success).toBe(true);
    expect(image.safeParse('../../../../secret.jpg').error?.issues[0]?.message).toMatch(/"..\/..\/..\/..\/secret.jpg" leads out of this story's photos\/ folder/);
    expect(image.safeParse('/home/editor/secret.jpg').success).toBe(false);
    expect(resolved).toEqual(['./a.jpg']);
  });
  it('needs names in every language', () => {
    expect(PersonSchema.safeParse({ name: { zh: '曹伟', en: 'Cao Wei' } }).success).toBe(true);
    expect(PersonSchema.safeParse({ name: { zh: '曹伟' } }).success).toBe(false);
    expect(SectionSchema.safeParse({ name: { zh: '经济', en: '' } }).success).toBe(false);
  });
});

describe('MDX body rules', () => {
  const run = (body: string) => {
    const problems: Problem[] = [];
    const photos = checkBody(body, 'x.mdx', 10, problems);
    return { photos, problems: problems.map((p) => `${p.line}: ${p.field ?? ''}: ${p.message}`) };
  };
  it('finds <Photo id> with its line, inside other components too', () => {
    expect(run('Text.\n\n<Photo id="a-b" />\n\n<KeyFigures>\n- one\n</KeyFigures>')).toEqual({ photos: [{ id: 'a-b', line: 13 }], problems: [] });
  });
  it('refuses unknown elements, event attributes, imports and expressions', () => {
    expect(run('<iframe src="x" />').problems[0]).toMatch(/^11: iframe: <iframe> is not allowed/);
    expect(run('Hi <span onclick="x()">there</span>').problems[0]).toMatch(/span: <span> may carry only title and lang/);
    expect(run('import X from "./x.astro"\n\nText').problems[0]).toMatch(/import\/export is not allowed/);
    // Running text that happens to start like a module line: say what to do, not what the parser saw.
    expect(run('Text.\n\nexport volumes rose by a tenth.').problems).toEqual(['13: : a line that starts with "import" or "export" is read as code: reword the start of the line']);
    expect(run('Two {1 + 1}').problems[0]).toMatch(/code in \{braces\}/);
    expect(run('<Photo />').problems[0]).toMatch(/Photo: expected <Photo id="photo-id" \/>/);
  });
  it('refuses links that would run code and Markdown images, and keeps web, mail and site links', () => {
    expect(run('Click [here](javascript:alert(1)).').problems).toEqual(['11: link: link to "javascript:alert(1)" is not allowed: use an http(s), mailto, tel or site address']);
    expect(run('[a][ref]\n\n[ref]: JaVaScRiPt:alert(1)').problems[0]).toMatch(/^13: link: link to "JaVaScRiPt:alert\(1\)"/);
    // Markdown takes no whitespace in a link address, but browsers drop it from a scheme: refuse it anyway.
    expect(isAllowedLinkUrl(' java\tscript:alert(1)')).toBe(false);
    expect(isAllowedLinkUrl('HTTPS://x.org/')).toBe(true);
    // A space inside is part of a relative path, not a broken-up scheme; a hotline is a tel: link.
    expect(isAllowedLinkUrl('Annual report: 2024.pdf')).toBe(true);
    expect(isAllowedLinkUrl('tel:+861012345678')).toBe(true);
    expect(run('[d](data:text/html,<script>alert(1)</script>)').problems[0]).toMatch(/link to "data:text\/html/);
    expect(run('Text.\n\n![tracker](https://evil.example/t.png)').problems).toEqual([`13: image: ${MARKDOWN_IMAGE_MESSAGE}`]);
    expect(run('[w](https://x.org/a?b=1) [m](mailto:desk@x.org) [s](/2025/12/22/story/) [r](../other/) [f](#notes) https://www.gov.cn').problems).toEqual([]);
  });
  it('splits frontmatter and counts the body’s first line', () => {
    expect(splitFrontmatter('---\na: 1\nb: 2\n---\nBody')).toEqual({ yaml: 'a: 1\nb: 2', body: 'Body', bodyLine: 4 });
    expect(splitFrontmatter('no frontmatter')).toBeUndefined();
  });
});
