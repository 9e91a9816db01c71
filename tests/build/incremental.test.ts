/**
 * Rebuilds restore unchanged pages from .gazette/cache (Astro's incremental build, keyed by
 * src/site/page-cache-keys.ts). Newsroom rule: a stale page is worse than a slow build, so after
 * each edit the rebuilt dist/ must be byte-identical to a build from scratch of the same content;
 * and the log must show the pages that show an edited story rendered, and the others restored
 * (docs/decisions/015-finer-page-cache-keys.md): not among the pages it shows rendered, in a
 * build that counts restored pages (decision 033).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureContent, makeProject, readPage, removeProject, runBuild, textOf } from '../helpers/project.ts';
import { listFiles } from '../../src/build/files.ts';
import { digestDist } from '../helpers/site-checks.ts';

const STORY = 'content/stories/bilingual-story';
const ZH_ONLY = 'content/stories/zh-only-story';
const DESK = 'content/stories/desk-story';
let dir: string;
const others: string[] = [];

/**
 * A fresh copy of `dir`'s current content, built with no cache at all, and without the patch that
 * encodes images while pages render (decision 021): `dir`'s first build encoded them so, and its
 * site must not differ from one built by Astro's own images step.
 */
function buildFromScratch(): Record<string, string> {
  const fresh = makeProject(join(dir, 'content'));
  others.push(fresh);
  const result = runBuild(fresh, { GAZETTE_IMAGES_WHILE_RENDERING: '0' });
  expect(result.status, result.output).toBe(0);
  expect(result.output).not.toMatch(KEPT);
  return digestDist(fresh);
}

/** Astro (patched, decision 033) logs each page it renders, and counts those it restores in one line. */
const KEPT = / └─ (\d+) page\(s\) unchanged, restored from the cache$/m;

function rebuild(): string {
  const result = runBuild(dir);
  expect(result.status, result.output).toBe(0);
  // Every page of the site was either rendered (a line each) or restored (counted in one line).
  const restored = Number(KEPT.exec(result.output)?.[1] ?? 0);
  const rendered = [...result.output.matchAll(/ ├─ \S+\.html \(\+[\d.]+m?s\)/g)].length;
  expect(restored + rendered, 'pages restored and rendered').toBe(listFiles(join(dir, 'dist')).filter((file) => file.endsWith('.html')).length);
  return result.output;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const RENDERED = String.raw`\(\+[\d.]+m?s\)`;
/** The build log's line for the page at site path `path` (e.g. /en/), ending in what Astro did with it. */
const pageLine = (path: string, outcome: string) => new RegExp(` ${escapeRegExp(path)}index\\.html ${outcome}`);

/** Restored: in the site, and not rendered, of a build that says it restored pages. */
function expectRestored(output: string, paths: string[]): void {
  expect(output).toMatch(KEPT);
  for (const path of paths) {
    expect(output, `${path} should be restored`).not.toMatch(pageLine(path, RENDERED));
    expect(existsSync(join(dir, 'dist', path, 'index.html')), `${path} should be in the site`).toBe(true);
  }
}

function expectRendered(output: string, paths: string[]): void {
  for (const path of paths) expect(output, `${path} should be rendered`).toMatch(pageLine(path, RENDERED));
}

/** Site paths of the keyed pages the log shows rendered (the 404 and search pages have no key: always rendered). */
const renderedPages = (output: string) =>
  [...output.matchAll(new RegExp(` (/\\S*)index\\.html ${RENDERED}`, 'g'))].map((match) => match[1]!).filter((path) => !/\/(404|search)\/$/.test(path));

/** The English version was not edited, so Astro restored it; the Chinese one was, so Astro rendered it. */
function expectOnlyChineseRendered(output: string): void {
  expectRestored(output, ['/en/2025/12/22/bilingual-story/']);
  expect(output).toMatch(/ \/2025\/12\/22\/bilingual-story\/index\.html \(\+\d+m?s\)/);
}

/**
 * A story in another section with no tag in common with the fixture's: nothing of it is on the
 * other stories' pages, so edits to them must leave its pages restored.
 */
function addDeskStory(): void {
  writeFileSync(join(dir, 'content/sections/culture.yaml'), 'name: { zh: 文化, en: Culture }\n');
  mkdirSync(join(dir, DESK));
  const frontmatter = (title: string, summary: string, tag: string) =>
    `---\ntitle: ${title}\nsummary: ${summary}\npublished: 2025-11-05T09:00:00+08:00\nauthors: [li-hua]\nsection: culture\ntags: [${tag}]\n---\n\n`;
  writeFileSync(join(dir, DESK, 'zh.mdx'), `${frontmatter('文化版的稿件', '一篇与其他稿件无关的稿件。', '文化')}文化版的正文。\n`);
  writeFileSync(join(dir, DESK, 'en.mdx'), `${frontmatter('A culture desk story', 'A story unrelated to the others.', 'culture')}The culture desk's text.\n`);
}

beforeAll(() => {
  dir = makeProject(fixtureContent('basic'));
  addDeskStory();
  rebuild();
});

afterAll(() => {
  for (const other of [dir, ...others]) removeProject(other);
});

describe('incremental rebuilds', () => {
  it('after a body edit, re-renders that story and restores the rest, as a fresh build would have it', () => {
    const sentence = '编辑补充的一句话。';
    appendFileSync(join(dir, STORY, 'zh.mdx'), `\n${sentence}\n`);
    expectOnlyChineseRendered(rebuild());
    expect(textOf(readPage(dir, '/2025/12/22/bilingual-story/').querySelector('.story-body'))).toContain(sentence);
    // Restored pages are links to their cached copies, not copies (decision 019), and so are
    // rendered ones, written once (decision 025)...
    const inode = (path: string) => statSync(path).ino;
    for (const page of ['en/2025/12/22/bilingual-story/index.html', '2025/12/22/bilingual-story/index.html']) {
      expect(inode(join(dir, 'dist', page))).toBe(inode(join(dir, '.gazette/cache/dist', page)));
    }
    // ...into a new file: the site this build replaced, which linked the old copy, is unchanged.
    expect(readFileSync(join(dir, '.gazette/dist-previous/2025/12/22/bilingual-story/index.html'), 'utf8')).not.toContain(sentence);
    expect(textOf(readPage(dir, '/2025/12/22/bilingual-story/').querySelector('.story-body'))).toContain(sentence);
    expect(digestDist(dir)).toEqual(buildFromScratch());
  });

  // Fields only the story's own page shows (and the archives, whose props hold its whole version):
  // the other language's page is restored.
  it('after a correction, an update time and a new subtitle, re-renders only that story, as a fresh build would have it', () => {
    const zh = join(dir, STORY, 'zh.mdx');
    const correction = '更正：第三段的年份应为2024年。';
    writeFileSync(
      zh,
      readFileSync(zh, 'utf8')
        .replace(/^updated: .*$/m, 'updated: 2025-12-22T20:00:00+08:00')
        .replace(/^subtitle: .*$/m, 'subtitle: ——改过的副题')
        .replace(/^corrections:\n/m, `corrections:\n  - date: 2025-12-22T20:00:00+08:00\n    text: ${correction}\n`),
    );
    expectOnlyChineseRendered(rebuild());
    const page = readPage(dir, '/2025/12/22/bilingual-story/');
    expect(textOf(page.querySelector('.corrections'))).toContain(correction);
    expect(textOf(page.querySelector('.standfirst'))).toBe('——改过的副题');
    expect(digestDist(dir)).toEqual(buildFromScratch());
  });

  it('after a headline and a caption edit, shows them on every page, as a fresh build would have it', () => {
    const en = join(dir, STORY, 'en.mdx');
    writeFileSync(en, readFileSync(en, 'utf8').replace(/^title: .*$/m, 'title: A corrected English headline'));
    const caption = join(dir, STORY, 'photos/fixture-inline.yaml');
    writeFileSync(caption, readFileSync(caption, 'utf8').replace('caption: { zh: 正文图片,', 'caption: { zh: 更正后的图片说明,'));
    rebuild();
    expect(textOf(readPage(dir, '/en/').querySelector('main'))).toContain('A corrected English headline');
    expect(textOf(readPage(dir, '/2025/12/22/bilingual-story/').querySelector('.story-body'))).toContain('更正后的图片说明');
    expect(digestDist(dir)).toEqual(buildFromScratch());
  });

  // With no caption edited alongside, only the pages that show the edited story re-render: a
  // page kept stale would differ from the fresh build, and one rendered needlessly shows in the log.
  // The other Chinese story shows the headline only in its related stories.
  it('after a headline and a summary edit, re-renders the pages that show the story and restores the rest, as a fresh build would have it', () => {
    const zh = join(dir, STORY, 'zh.mdx');
    writeFileSync(zh, readFileSync(zh, 'utf8').replace(/^title: .*$/m, 'title: 改过的中文标题').replace(/^summary: .*$/m, 'summary: 改过的摘要。'));
    const output = rebuild();
    // Its own pages (the Traditional one is converted from it), the front pages and archives that
    // list it, and the other story, which lists it among its related stories.
    expectRendered(output, ['/2025/12/22/bilingual-story/', '/zh-hant/2025/12/22/bilingual-story/', '/', '/zh-hant/', '/sections/news/', '/people/wang-ming/', '/2025/12/22/', '/zh-hant/2025/12/22/']);
    expectRendered(output, ['/2025/12/10/zh-only-story/', '/zh-hant/2025/12/10/zh-only-story/']);
    // The story is on none of these: another desk's story and archives, an archive of the other
    // story alone, and the whole English edition.
    expectRestored(output, ['/2025/11/05/desk-story/', '/zh-hant/2025/11/05/desk-story/', '/sections/culture/', '/2025/11/05/', '/2025/12/10/', '/people/li-hua/', '/en/', '/en/2025/12/22/bilingual-story/']);
    expect(renderedPages(output).filter((path) => path.startsWith('/en/'))).toEqual([]);
    expect(textOf(readPage(dir, '/2025/12/10/zh-only-story/').querySelector('.related'))).toContain('改过的中文标题');
    expect(textOf(readPage(dir, '/sections/news/').querySelector('main'))).toContain('改过的摘要。');
    expect(digestDist(dir)).toEqual(buildFromScratch());
  });

  // Three edits that change which pages list a story: a new tag (a new archive), a story moved to
  // another section (the related stories of its section change too) and a story moved to another
  // day (its address, its day archive and its place in every list change).
  it('after a tag added, a section changed and a published date moved, re-renders the pages that list those stories, as a fresh build would have it', () => {
    const en = join(dir, STORY, 'en.mdx');
    writeFileSync(en, readFileSync(en, 'utf8').replace(/^tags: \[(.*)\]$/m, 'tags: [$1, harbours]'));
    const deskEn = join(dir, DESK, 'en.mdx');
    writeFileSync(deskEn, readFileSync(deskEn, 'utf8').replace(/^section: culture$/m, 'section: news'));
    const zhOnly = join(dir, ZH_ONLY, 'zh.mdx');
    writeFileSync(zhOnly, readFileSync(zhOnly, 'utf8').replace(/^published: 2025-12-10T/m, 'published: 2025-12-11T'));
    const output = rebuild();
    // The tag: the story's page and the new tag archive.
    expectRendered(output, ['/en/2025/12/22/bilingual-story/', '/en/tags/harbours/']);
    // The section: the story, both section archives, and the story that now shares its section lists it as related.
    expectRendered(output, ['/en/2025/11/05/desk-story/', '/en/sections/news/', '/en/sections/culture/']);
    expect(textOf(readPage(dir, '/en/2025/12/22/bilingual-story/').querySelector('.related'))).toContain('A culture desk story');
    // The date: the story at its new address, its new day, its month, the front page and the story listing it as related.
    expectRendered(output, ['/2025/12/11/zh-only-story/', '/zh-hant/2025/12/11/zh-only-story/', '/2025/12/11/', '/2025/12/', '/', '/2025/12/22/bilingual-story/']);
    // None of the three stories is on these.
    expectRestored(output, ['/2025/11/05/desk-story/', '/zh-hant/2025/11/05/desk-story/', '/sections/culture/', '/2025/11/05/', '/about/']);
    expect(digestDist(dir)).toEqual(buildFromScratch());
  });

  // The Traditional edition is converted once and kept in the content store: the exceptions file
  // is part of what the conversion depends on, so an edit to it alone converts the story again.
  it('after an edit to the exceptions file alone, shows the new form in the Traditional edition, as a fresh build would have it', () => {
    writeFileSync(join(dir, 'content/zh-hant-exceptions.yaml'), '引号: 括號\n');
    rebuild();
    expect(textOf(readPage(dir, '/zh-hant/2025/12/22/bilingual-story/').querySelector('.story-body'))).toContain('含有“括號”');
    expect(textOf(readPage(dir, '/2025/12/22/bilingual-story/').querySelector('.story-body'))).toContain('含有“引号”');
    expect(digestDist(dir)).toEqual(buildFromScratch());
  });
});
