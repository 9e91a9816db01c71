/**
 * Rebuilds restore unchanged pages from .gazette/cache (Astro's incremental build, keyed by
 * src/site/page-cache-keys.ts). Newsroom rule: a stale page is worse than a slow build, so after
 * each edit the rebuilt dist/ must be byte-identical to a build from scratch of the same content.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureContent, makeProject, readPage, removeProject, runBuild, textOf } from '../helpers/project.ts';
import { digestDist } from '../helpers/site-checks.ts';

const STORY = 'content/stories/bilingual-story';
let dir: string;
const others: string[] = [];

/** A fresh copy of `dir`'s current content, built with no cache at all. */
function buildFromScratch(): Record<string, string> {
  const fresh = makeProject(join(dir, 'content'));
  others.push(fresh);
  const result = runBuild(fresh);
  expect(result.status, result.output).toBe(0);
  expect(result.output).not.toMatch(/\((cached|restored)\)/);
  return digestDist(fresh);
}

function rebuild(): string {
  const result = runBuild(dir);
  expect(result.status, result.output).toBe(0);
  return result.output;
}

/** The English version was not edited, so Astro restored it; the Chinese one was, so Astro rendered it. */
function expectOnlyChineseRendered(output: string): void {
  expect(output).toMatch(/ \/en\/2025\/12\/22\/bilingual-story\/index\.html \((cached|restored)\)/);
  expect(output).toMatch(/ \/2025\/12\/22\/bilingual-story\/index\.html \(\+\d+m?s\)/);
}

beforeAll(() => {
  dir = makeProject(fixtureContent('basic'));
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
    expect(digestDist(dir)).toEqual(buildFromScratch());
  });

  // Every field in PAGE_ONLY_FIELDS (src/site/page-cache-keys.ts) is edited here: if one of
  // them were shown on another page, that page would be restored stale and differ from the
  // fresh build.
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

  // Another story's page lists this one among its related stories by headline: with no caption
  // edited alongside, only the headline's place in every page's key re-renders that page.
  it('after a headline edit alone, shows it in the related stories of another story, as a fresh build would have it', () => {
    const zh = join(dir, STORY, 'zh.mdx');
    writeFileSync(zh, readFileSync(zh, 'utf8').replace(/^title: .*$/m, 'title: 改过的中文标题'));
    rebuild();
    expect(textOf(readPage(dir, '/2025/12/10/zh-only-story/').querySelector('.related'))).toContain('改过的中文标题');
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
