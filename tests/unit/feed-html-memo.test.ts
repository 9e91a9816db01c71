/**
 * Feed items kept from one build to the next (src/site/feed-html-memo.ts): an item is taken from
 * the last build only for the same HTML, address and salt, and the file keeps only the items the
 * last build asked for.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toFeedHtml } from '../../src/newsroom/feed-xml.ts';
import { openFeedHtmlMemo } from '../../src/site/feed-html-memo.ts';

const dir = mkdtempSync(join(tmpdir(), 'gazette-feed-memo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PAGE = 'https://news.test/2025/12/22/story/';
const HTML = '<figure><picture><source srcset="/_astro/a.avif 360w" type="image/avif"><img src="/_astro/a.jpg" alt="码头"></picture></figure><p><a href="#fn-1">注</a></p>';
const saved = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { salt: string; items: Record<string, string> };

/** A memo saved by one build with one item, whose kept HTML is replaced by `planted` to tell a kept item from a made one. */
function plant(name: string, planted: string, salt = 'code-1') {
  const file = join(dir, `${name}.json`);
  const first = openFeedHtmlMemo(file, salt);
  expect(first.get(HTML, PAGE)).toBe(toFeedHtml(HTML, PAGE));
  first.save();
  const written = saved(file);
  const [key] = Object.keys(written.items);
  writeFileSync(file, JSON.stringify({ ...written, items: { [key!]: planted } }));
  return file;
}

describe('feed items kept between builds', () => {
  it('rewrites an item as toFeedHtml does: absolute addresses, no <source>', () => {
    const item = openFeedHtmlMemo(undefined, '').get(HTML, PAGE);
    expect(item).toBe(toFeedHtml(HTML, PAGE));
    expect(item).toContain('src="https://news.test/_astro/a.jpg"');
    expect(item).not.toContain('<source');
  });

  it('takes the last build\'s item for the same HTML, address and salt', () => {
    const file = plant('same', '<p>kept</p>');
    expect(openFeedHtmlMemo(file, 'code-1').get(HTML, PAGE)).toBe('<p>kept</p>');
  });

  it('makes the item again when the HTML, the address or the salt changed', () => {
    const file = plant('changed', '<p>kept</p>');
    const memo = openFeedHtmlMemo(file, 'code-1');
    expect(memo.get(`${HTML}<p>更正</p>`, PAGE)).toBe(toFeedHtml(`${HTML}<p>更正</p>`, PAGE));
    expect(memo.get(HTML, 'https://news.test/2025/12/23/story/')).toContain('https://news.test/2025/12/23/story/#fn-1');
    expect(openFeedHtmlMemo(file, 'code-2').get(HTML, PAGE)).toBe(toFeedHtml(HTML, PAGE));
  });

  it('saves only the items asked for since it was opened', () => {
    const file = plant('pruned', '<p>kept</p>');
    const memo = openFeedHtmlMemo(file, 'code-1');
    memo.get(`${HTML}<p>新</p>`, PAGE);
    memo.save();
    const items = Object.values(saved(file).items);
    expect(items).toEqual([toFeedHtml(`${HTML}<p>新</p>`, PAGE)]);
    expect(saved(file).salt).toBe('code-1');
  });

  it('makes every item again from a damaged file', () => {
    const file = join(dir, 'damaged.json');
    writeFileSync(file, '{"salt":"code-1","items":{"x":');
    const memo = openFeedHtmlMemo(file, 'code-1');
    expect(memo.get(HTML, PAGE)).toBe(toFeedHtml(HTML, PAGE));
    memo.save();
    expect(Object.keys(saved(file).items)).toHaveLength(1);
  });
});
