/** What a killed build or check leaves in .gazette/cache, removed by the next build (src/build/unfinished-build.ts). */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { beginBuild, FEED_ITEMS, finishBuild, SHARE_CARDS } from '../../src/build/unfinished-build.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'gazette-unfinished-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

it('removes the aside file of a body cache write that was killed, and keeps the body cache', () => {
  writeFileSync(join(cacheDir, 'checked-bodies.json'), '{}');
  writeFileSync(join(cacheDir, 'checked-bodies.json.4242.tmp'), '{"vers');
  expect(beginBuild(cacheDir)).toBe(0);
  finishBuild(cacheDir);
  expect(existsSync(join(cacheDir, 'checked-bodies.json.4242.tmp'))).toBe(false);
  expect(existsSync(join(cacheDir, 'checked-bodies.json'))).toBe(true);
});

it('removes the aside file of a feed items write that was killed, and keeps the feed items', () => {
  mkdirSync(join(cacheDir, FEED_ITEMS), { recursive: true });
  writeFileSync(join(cacheDir, FEED_ITEMS, 'zh.json'), '{}');
  writeFileSync(join(cacheDir, FEED_ITEMS, 'zh.json.4242.tmp'), '{"salt');
  expect(beginBuild(cacheDir)).toBe(0);
  finishBuild(cacheDir);
  expect(existsSync(join(cacheDir, FEED_ITEMS, 'zh.json.4242.tmp'))).toBe(false);
  expect(existsSync(join(cacheDir, FEED_ITEMS, 'zh.json'))).toBe(true);
});

it('removes the aside file of a share card write that was killed, and keeps the cards', () => {
  const cards = join(cacheDir, SHARE_CARDS);
  mkdirSync(cards, { recursive: true });
  for (const name of ['0a1b.png', '0a1b.missing.json', '0a1b.png.4242.tmp']) writeFileSync(join(cards, name), '');
  expect(beginBuild(cacheDir)).toBe(0);
  finishBuild(cacheDir);
  expect(existsSync(join(cards, '0a1b.png.4242.tmp'))).toBe(false);
  expect(existsSync(join(cards, '0a1b.png'))).toBe(true);
  expect(existsSync(join(cards, '0a1b.missing.json'))).toBe(true);
});
