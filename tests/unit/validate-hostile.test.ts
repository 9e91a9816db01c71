/**
 * Hostile or broken input: each is refused by the check (and so the build) with
 * path:line: field: message, in-process on a copy of the basic fixture.
 */
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/check-content.ts';
import { site } from '../../src/config/site.ts';
import { splitFrontmatter } from '../../src/check/frontmatter.ts';
import { edit, EN, HERO, INLINE, STORY, useContentCopies, ZH } from '../helpers/content-tree.ts';
import { repoRoot } from '../helpers/project.ts';

const makeContentProject = useContentCopies('hostile');

/** The check's lines for a fixture copy after `mutate`; the check must fail. */
async function linesAfter(mutate: (dir: string) => void | Promise<void>): Promise<string[]> {
  const dir = makeContentProject();
  await mutate(dir);
  const report = await checkContent(dir);
  expect(report.ok, report.lines.join('\n')).toBe(false);
  return report.lines;
}

describe('a photo path that leads out of the story’s photos/ folder', () => {
  /** A JPEG outside content/, the kind of file the build machine could otherwise publish. */
  const plantOutside = (dir: string) => cpSync(join(dir, STORY, 'photos/fixture-hero.jpg'), join(dir, 'outside.jpg'));

  it.each([
    ['climbing with ../', '../../../../outside.jpg', /leads out of this story's photos\/ folder/],
    ['climbing after a folder name', './sub/../../../../../outside.jpg', /leads out of this story's photos\/ folder/],
    ['climbing with %-escapes', './%2e%2e/%2e%2e/%2e%2e/%2e%2e/outside.jpg', /leads out of this story's photos\/ folder/],
    ['climbing with backslashes', '..\\..\\..\\..\\outside.jpg', /leads out of this story's photos\/ folder/],
    ['absolute', '/etc/outside.jpg', /is an absolute path/],
    ['an address', 'file:///etc/outside.jpg', /is an address, not a file/],
  ])('refuses one %s', async (_name, path, message) => {
    const lines = await linesAfter((dir) => {
      plantOutside(dir);
      edit(dir, HERO, (t) => t.replace('image: ./fixture-hero.jpg', `image: '${path}'`));
    });
    expect(lines.join('\n')).toMatch(new RegExp(`^${HERO}:1: image: .*${message.source}`, 'm'));
  });

  it('refuses the absolute path of a real file', async () => {
    const lines = await linesAfter((dir) => {
      plantOutside(dir);
      edit(dir, HERO, (t) => t.replace('image: ./fixture-hero.jpg', `image: ${join(dir, 'outside.jpg')}`));
    });
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${HERO}:1: image: ".*outside\\.jpg" is an absolute path`)));
  });

  it('refuses a symbolic link in photos/ to a file outside it', async () => {
    const lines = await linesAfter((dir) => {
      plantOutside(dir);
      rmSync(join(dir, STORY, 'photos/fixture-hero.jpg'));
      symlinkSync(join(dir, 'outside.jpg'), join(dir, STORY, 'photos/fixture-hero.jpg'));
    });
    expect(lines).toContain(`${HERO}:1: image: "./fixture-hero.jpg" is a link to a file outside this story's photos/ folder: put the image file itself there`);
  });
});

describe('files not saved as UTF-8', () => {
  // "双语测试稿件" and "李华" as an old Chinese editor saves them, in GB18030 (GBK for these).
  const TITLE_GB18030 = Buffer.from('cbabd3efb2e2cad4b8e5bcfe', 'hex');
  const NAME_GB18030 = Buffer.from('c0eebbaa', 'hex');
  const message = 'not valid UTF-8 (saved in another encoding such as GBK/GB18030?); save the file as UTF-8';

  it('the test bytes are real GB18030', () => {
    expect(new TextDecoder('gb18030').decode(TITLE_GB18030)).toBe('双语测试稿件');
    expect(new TextDecoder('gb18030').decode(NAME_GB18030)).toBe('李华');
  });

  it('refuses a story in GB18030, naming the first line that is not UTF-8', async () => {
    const lines = await linesAfter((dir) => {
      const [head, tail] = readFileSync(join(dir, ZH), 'utf8').split('双语测试稿件');
      writeFileSync(join(dir, ZH), Buffer.concat([Buffer.from(head!), TITLE_GB18030, Buffer.from(tail!)]));
    });
    expect(lines).toContain(`${ZH}:2: ${message}`);
  });

  it('refuses a photo entry and a person in GB18030', async () => {
    const lines = await linesAfter((dir) => {
      writeFileSync(join(dir, INLINE), Buffer.concat([Buffer.from('image: ./fixture-inline.png\ncaption: { zh: '), TITLE_GB18030, Buffer.from(', en: Inline picture }\nalt: { zh: a, en: b }\ncredit: { zh: c, en: d }\n')]));
      writeFileSync(join(dir, 'content/people/li-hua.yaml'), Buffer.concat([Buffer.from('name: { zh: '), NAME_GB18030, Buffer.from(', en: Li Hua }\n')]));
    });
    expect(lines).toContain(`${INLINE}:2: ${message}`);
    expect(lines).toContain(`content/people/li-hua.yaml:1: ${message}`);
  });
});

describe('a UTF-8 byte order mark', () => {
  it('is accepted and stripped at the top of a story, a photo entry and a person', async () => {
    const dir = makeContentProject();
    for (const file of [ZH, HERO, 'content/people/li-hua.yaml']) writeFileSync(join(dir, file), `\uFEFF${readFileSync(join(dir, file), 'utf8')}`);
    const report = await checkContent(dir);
    expect(report.lines).toEqual([]);
  });

  it('does not reach the frontmatter that the loader, npm run new and npm run translations read', () => {
    const parts = splitFrontmatter('\uFEFF---\ntitle: 标题\n---\n\n正文\n');
    expect(parts).toEqual({ yaml: 'title: 标题', body: '\n正文\n', bodyLine: 3 });
  });
});

describe('invisible format characters in text fields', () => {
  it.each([
    ['a headline', ZH, 'title: 双语测试稿件', 'title: 双语\u202E测试稿件', 2, 'title', 'U+202E (RIGHT-TO-LEFT OVERRIDE)'],
    ['a summary', EN, 'summary: A bilingual story', 'summary: A bilingual\u200B story', 4, 'summary', 'U+200B (ZERO WIDTH SPACE)'],
    ['a subtitle', ZH, 'subtitle: ——副题在此', 'subtitle: ——副题\u2066在此\u2069', 3, 'subtitle', 'U+2066 (LEFT-TO-RIGHT ISOLATE)'],
    ['a caption', HERO, 'zh: 测试头图', 'zh: 测试\u202A头图\u202C', 2, 'caption.zh', 'U+202A (LEFT-TO-RIGHT EMBEDDING)'],
    ['alt text', INLINE, 'en: A blue test picture', 'en: A blue\u2060test picture', 3, 'alt.en', 'U+2060 (WORD JOINER)'],
    ['a credit', INLINE, 'en: Xinhua', 'en: Xin\uFEFFhua', 4, 'credit.en', 'U+FEFF (ZERO WIDTH NO-BREAK SPACE)'],
    ['a person’s name', 'content/people/li-hua.yaml', 'en: Li Hua', 'en: Li\u202DHua', 1, 'name.en', 'U+202D (LEFT-TO-RIGHT OVERRIDE)'],
    ['a section’s name', 'content/sections/news.yaml', 'zh: 要闻', 'zh: 要\u2067闻\u2069', 1, 'name.zh', 'U+2067 (RIGHT-TO-LEFT ISOLATE)'],
    ['a tag', ZH, 'tags: [测试, 制造业]', 'tags: [测试, 制造\u200B业]', 10, 'tags.1', 'U+200B (ZERO WIDTH SPACE)'],
  ])('refuses one in %s, naming the code point and the line', async (_name, file, from, to, line, field, character) => {
    const lines = await linesAfter((dir) => edit(dir, file, (t) => t.replace(from, to)));
    expect(lines).toContain(`${file}:${line}: ${field}: contains the invisible character ${character}: delete it (invisible format characters can make text read differently from how it looks)`);
  });

  it('accepts joiners, direction marks and soft hyphens, which text needs, and the seed story', async () => {
    const dir = makeContentProject();
    // An emoji sequence; an Arabic name kept in order by a right-to-left mark; a hyphenation hint.
    edit(dir, INLINE, (t) => t.replace('en: Inline picture', 'en: "Inline picture 👩\u200D💻 by محمد\u200F, photo\u00ADgraphed"'));
    expect((await checkContent(dir)).lines).toEqual([]);
    const seed = makeContentProject();
    rmSync(join(seed, 'content'), { recursive: true });
    cpSync(join(repoRoot, 'content'), join(seed, 'content'), { recursive: true });
    const report = await checkContent(seed);
    expect(report.lines.filter((entry) => !entry.includes(': warning: '))).toEqual([]);
  });
});

describe('invisible format characters in a story body', () => {
  it.each([
    ['a paragraph', '第一段正文，含有“引号”与English混排。', '第一段正文，含有“引号”与\u202EEnglish混排。', 24, 'U+202E (RIGHT-TO-LEFT OVERRIDE)'],
    ['a heading', '## 第一节', '## 第\u200B一节', 26, 'U+200B (ZERO WIDTH SPACE)'],
    ['a lead line', '第二行导语……', '第二行\u2066导语……\u2069', 21, 'U+2066 (LEFT-TO-RIGHT ISOLATE)'],
  ])('refuses one in %s, naming the code point and the line', async (_name, from, to, line, character) => {
    const lines = await linesAfter((dir) => edit(dir, ZH, (t) => t.replace(from, to)));
    expect(lines).toContain(`${ZH}:${line}: contains the invisible character ${character}: delete it (invisible format characters can make text read differently from how it looks)`);
  });

  it('accepts direction marks and soft hyphens in body text', async () => {
    const dir = makeContentProject();
    edit(dir, EN, (t) => t.replace('Second paragraph.', 'Second para\u00ADgraph, by محمد\u200F.'));
    expect((await checkContent(dir)).lines).toEqual([]);
  });
});

describe('dates after publication', () => {
  it('refuses an updated time before published', async () => {
    const lines = await linesAfter((dir) => edit(dir, ZH, (t) => t.replace('updated: 2025-12-22T10:00:00+08:00', 'updated: 2025-12-21T10:00:00+08:00')));
    expect(lines).toContain(`${ZH}:7: updated: 2025-12-21T10:00:00+08:00 is before published 2025-12-21T17:30:00Z: updated is the time of the last change after publication`);
  });

  it('refuses a correction dated before published', async () => {
    const lines = await linesAfter((dir) => edit(dir, ZH, (t) => t.replace('  - date: 2025-12-22T18:00:00+08:00', '  - date: 2025-12-20T18:00:00+08:00')));
    expect(lines).toContain(`${ZH}:13: corrections.0.date: 2025-12-20T18:00:00+08:00 is before published 2025-12-21T17:30:00Z: a correction is made to a published story`);
  });

  it('accepts an updated time equal to published', async () => {
    const dir = makeContentProject();
    edit(dir, ZH, (t) => t.replace('updated: 2025-12-22T10:00:00+08:00', 'updated: 2025-12-22T01:30:00+08:00'));
    expect((await checkContent(dir)).lines).toEqual([]);
  });
});

describe('photo files judged by their content, not their name', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><script>alert(document.cookie)</script><rect width="800" height="600" fill="blue"/></svg>';

  it('refuses an SVG (with a script) saved as .png, saying what it is', async () => {
    const lines = await linesAfter((dir) => writeFileSync(join(dir, STORY, 'photos/fixture-inline.png'), svg));
    expect(lines).toContain(`${INLINE}:1: image: "./fixture-inline.png" is an SVG drawing (which may hold scripts), not a photo: expected a JPEG, PNG or WebP file`);
  });

  it('refuses a GIF saved as .jpg', async () => {
    const gif = await sharp({ create: { width: 1300, height: 900, channels: 3, background: '#888' } }).gif().toBuffer();
    const lines = await linesAfter((dir) => writeFileSync(join(dir, STORY, 'photos/fixture-hero.jpg'), gif));
    expect(lines).toContain(`${HERO}:1: image: "./fixture-hero.jpg" is a GIF image, not a photo: expected a JPEG, PNG or WebP file`);
  });

  it('accepts a WebP saved as .png', async () => {
    const dir = makeContentProject();
    const webp = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#00f' } }).webp().toBuffer();
    writeFileSync(join(dir, STORY, 'photos/fixture-inline.png'), webp);
    expect((await checkContent(dir)).lines).toEqual([]);
  });
});

describe('pixel bombs', () => {
  it('refuses a photo over site.maxPhotoPixels from its header, before decoding', async () => {
    expect(site.maxPhotoPixels).toBe(100_000_000);
    // A bomb's shape: a header claiming 110 megapixels (330 MB decoded) around a few bytes of
    // data. Only a check that reads the header first names its size; a decoder would fail first.
    const bomb = pngWithHeader(11000, 10000);
    expect(bomb.length).toBeLessThan(100);
    const lines = await linesAfter((dir) => writeFileSync(join(dir, STORY, 'photos/fixture-inline.png'), bomb));
    expect(lines).toContain(`${INLINE}:1: image: image is 11000x10000 px (110 megapixels); a photo may have at most 100 megapixels (maxPhotoPixels in src/config/site.ts): scale it down`);
  });
});

/** A PNG signature, an IHDR chunk for width x height 8-bit RGB, one small IDAT and IEND. */
function pngWithHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(4))), chunk('IEND', Buffer.alloc(0))]);
}

