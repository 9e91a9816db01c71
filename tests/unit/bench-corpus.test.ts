/**
 * The benchmark's synthetic corpus is valid Gazette content of the promised shape, so the
 * benchmark measures a build that succeeds, on stories like the seed story. Uses a pool of
 * small stand-in photos (the real pool is 3000x2000 and takes seconds to make).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN_TARGET_WORDS, PEOPLE, photoId, POOL_SIZE, SECTIONS, TAGS, writeCorpus, ZH_TARGET_CHARS, type CorpusInfo } from '../../scripts/bench/corpus.ts';
import { countChars, countWords } from '../../scripts/bench/text.ts';
import { checkContent } from '../../src/check/check-content.ts';
import { splitFrontmatter } from '../../src/check/frontmatter.ts';

const NOW = '2026-01-01T00:00:00+08:00';
let dir: string;
let corpus: CorpusInfo;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gazette-bench-corpus-'));
  const pool = join(dir, 'pool');
  mkdirSync(pool);
  // Heroes must be at least 1,200 px wide: the validator decodes every image.
  for (let i = 0; i < POOL_SIZE; i++) {
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 10 * i, g: 100, b: 150 } } }).jpeg().toFile(join(pool, `${photoId(i)}.jpg`));
  }
  corpus = writeCorpus(join(dir, 'project/content'), 12, pool, new Date(NOW));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (id: string, locale: string) => readFileSync(join(dir, 'project/content/stories', id, `${locale}.mdx`), 'utf8');

describe('the benchmark corpus', () => {
  it('passes the content check with no error and no warning', async () => {
    const report = await checkContent(join(dir, 'project'));
    expect(report.lines).toEqual([]);
  });

  it('has every story in both languages, 30 people, 5 sections and the 20 photos in the owner stories', () => {
    const root = join(dir, 'project/content');
    expect(readdirSync(join(root, 'stories'))).toHaveLength(12);
    for (const id of corpus.storyIds) expect(readdirSync(join(root, 'stories', id))).toEqual(expect.arrayContaining(['en.mdx', 'zh.mdx']));
    expect(readdirSync(join(root, 'people'))).toHaveLength(PEOPLE.length);
    expect(PEOPLE).toHaveLength(30);
    expect(readdirSync(join(root, 'sections'))).toHaveLength(SECTIONS.length);
    expect(TAGS).toHaveLength(40);
    const photos = corpus.storyIds.flatMap((id) => {
      try {
        return readdirSync(join(root, 'stories', id, 'photos')).filter((name) => name.endsWith('.yaml'));
      } catch {
        return [];
      }
    });
    expect(photos).toHaveLength(POOL_SIZE);
  });

  it('gives each story about 3,000 Chinese characters, 1,500 English words, three ## sections, a table, a list and two or three photos', () => {
    for (const id of corpus.storyIds) {
      for (const locale of ['zh', 'en'] as const) {
        const parts = splitFrontmatter(read(id, locale))!;
        const body = parts.body;
        const text = body.replace(/<[^>]+>/g, '');
        if (locale === 'zh') expect(countChars(text)).toBeGreaterThanOrEqual(ZH_TARGET_CHARS);
        else expect(countWords(text)).toBeGreaterThanOrEqual(EN_TARGET_WORDS);
        expect(countChars(text)).toBeLessThan(locale === 'zh' ? ZH_TARGET_CHARS * 1.2 : 20_000);
        expect(body.match(/^## /gm)).toHaveLength(3);
        expect(body).toMatch(/^\| --- \| ---: \| ---: \| ---: \|$/m);
        expect(body).toMatch(/<KeyFigures>\n- /);
        const photos = (body.match(/<Photo id="/g) ?? []).length + (parts.yaml.includes('\nhero: ') ? 1 : 0);
        expect(photos).toBeGreaterThanOrEqual(2);
        expect(photos).toBeLessThanOrEqual(3);
      }
    }
  });

  it('is deterministic and spreads publication over the two years before now, in +08:00', () => {
    const dates = corpus.storyIds.map((id) => /^published: (.+)$/m.exec(read(id, 'zh'))![1]!);
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+08:00$/);
    const times = dates.map((date) => Date.parse(date));
    expect(Math.max(...times)).toBeLessThan(Date.parse(NOW));
    expect(Math.min(...times)).toBeGreaterThan(Date.parse(NOW) - 2 * 366 * 86_400_000);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(365 * 86_400_000);
    const again = mkdtempSync(join(tmpdir(), 'gazette-bench-corpus-'));
    try {
      writeCorpus(join(again, 'content'), 12, join(dir, 'pool'), new Date(NOW));
      for (const id of corpus.storyIds) expect(readFileSync(join(again, 'content/stories', id, 'en.mdx'), 'utf8')).toBe(read(id, 'en'));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
