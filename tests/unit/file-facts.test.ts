import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FileFacts } from '../../src/build/file-facts.ts';
import { pruneUnreferencedAssets } from '../../src/build/prune-assets.ts';

const dir = mkdtempSync(join(tmpdir(), 'gazette-facts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const site = join(dir, 'site');
const store = join(dir, 'cache/facts.json');
mkdirSync(site, { recursive: true });

/** Writes a file dated `secondsAgo` in the past, as a page restored from an earlier build is. */
function page(name: string, text: string, secondsAgo = 3600): string {
  const file = join(site, name);
  writeFileSync(file, text);
  const when = Date.now() / 1000 - secondsAgo;
  utimesSync(file, when, when);
  return file;
}

/** One build: reads `files` through a fresh FileFacts, saves it, and says which files were really read. */
function build(files: string[], version = 'v1'): { facts: string[][]; extracted: string[] } {
  const facts = new FileFacts(store, site, version);
  const extracted: string[] = [];
  const extract = (bytes: Buffer) => {
    extracted.push(bytes.toString('utf8'));
    return bytes.toString('utf8').split(' ');
  };
  const result = files.map((file) => [...facts.read(file, extract)]);
  facts.save();
  return { facts: result, extracted };
}

describe('facts remembered by file identity', () => {
  it('reads an unchanged file once, and gives the same facts from the store', () => {
    rmSync(store, { force: true });
    const a = page('a.html', 'one two two');
    const b = page('b.html', 'three one');
    const first = build([a, b]);
    expect(first.extracted).toEqual(['one two two', 'three one']);
    const second = build([a, b]);
    expect(second.extracted).toEqual([]);
    expect(second.facts).toEqual([
      ['one', 'two', 'two'],
      ['three', 'one'],
    ]);
  });

  it('reads a file again when it was rewritten, even at the same size', () => {
    rmSync(store, { force: true });
    const a = page('a.html', 'aaaa', 7200);
    build([a]);
    page('a.html', 'bbbb', 3600);
    expect(build([a]).facts).toEqual([['bbbb']]);
  });

  it('keeps the facts of a page restored as a hard link to the same copy', () => {
    rmSync(store, { force: true });
    const cached = page('cached.html', 'linked page');
    const restored = join(site, 'restored.html');
    linkSync(cached, restored);
    build([restored]);
    rmSync(restored);
    linkSync(cached, restored);
    expect(build([restored]).extracted).toEqual([]);
  });

  it('never remembers a file written in the last few seconds (the racy case)', () => {
    rmSync(store, { force: true });
    const young = page('young.html', 'just written', 0);
    build([young]);
    expect(build([young]).extracted).toEqual(['just written']);
  });

  it('ignores a store written by other code, or one left unreadable', () => {
    rmSync(store, { force: true });
    const a = page('a.html', 'versioned');
    build([a], 'v1');
    expect(build([a], 'v2').extracted).toEqual(['versioned']);
    writeFileSync(store, readFileSync(store, 'utf8').slice(0, 40));
    expect(build([a], 'v2').extracted).toEqual(['versioned']);
    const saved = JSON.parse(readFileSync(store, 'utf8'));
    saved.strings = [];
    writeFileSync(store, JSON.stringify(saved));
    expect(build([a], 'v2').extracted).toEqual(['versioned']);
    // Valid JSON of the right version, in the wrong shape.
    for (const damage of [(store: any) => (store.strings = [42]), (store: any) => (store.files['a.html'] = 'versioned')]) {
      const good = JSON.parse(readFileSync(store, 'utf8'));
      damage(good);
      writeFileSync(store, JSON.stringify(good));
      expect(build([a], 'v2').extracted).toEqual(['versioned']);
    }
  });

  it('reads a file again when its remembered facts are not whole for the caller', () => {
    rmSync(store, { force: true });
    const a = page('a.html', 'one two');
    build([a]);
    const facts = new FileFacts(store, site, 'v1');
    let read = 0;
    const result = facts.read(a, (bytes) => (read++, bytes.toString('utf8').split(' ')), (known) => known.length === 3);
    expect([read, result]).toEqual([1, ['one', 'two']]);
  });

  it('warns and goes on when the store cannot be written', () => {
    const blocked = page('blocked', 'a file where the store folder would be');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const facts = new FileFacts(join(blocked, 'facts.json'), site, 'v1');
    facts.read(page('a.html', 'x'), (bytes) => [bytes.toString('utf8')]);
    expect(() => facts.save()).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not saved'));
    warn.mockRestore();
  });

  it('forgets files this build did not read, so the store never outgrows the site', () => {
    rmSync(store, { force: true });
    const a = page('a.html', 'kept');
    const b = page('b.html', 'gone');
    build([a, b]);
    build([a]);
    expect(Object.keys(JSON.parse(readFileSync(store, 'utf8')).files)).toEqual(['a.html']);
    expect(build([b]).extracted).toEqual(['gone']);
  });
});

describe('the asset pruner, through its facts store', () => {
  it('keeps what a page names, removes the rest, and survives a malformed escape in a page', () => {
    const dist = join(dir, 'dist');
    mkdirSync(join(dist, '_astro'), { recursive: true });
    writeFileSync(join(dist, '_astro', 'kept.avif'), 'image');
    writeFileSync(join(dist, '_astro', '原图.jpg'), 'original');
    writeFileSync(join(dist, 'index.html'), '<img src="/_astro/kept.avif"><p>/_astro/100%zz off</p>');
    const facts = join(dir, 'cache/assets.json');
    expect(pruneUnreferencedAssets(dist, '_astro', facts)).toEqual(['/_astro/原图.jpg']);
    writeFileSync(join(dist, '_astro', '原图.jpg'), 'original');
    writeFileSync(join(dist, 'index.html'), '<img src="/_astro/kept.avif"><img src="/_astro/%E5%8E%9F%E5%9B%BE.jpg">');
    expect(pruneUnreferencedAssets(dist, '_astro', facts)).toEqual([]);
  });
});
