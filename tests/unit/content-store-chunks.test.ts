/**
 * Astro's chunked content store (astro.config.mjs) cuts the serialized store into files of at
 * most `chunkSize` UTF-8 bytes. patches/astro+*.patch makes it count those bytes from each code
 * point instead of encoding every character (decision 017): these tests hold the patched
 * counting to what TextEncoder says, and check that it no longer encodes character by character.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const astroDir = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
const { chunkString } = (await import(pathToFileURL(join(astroDir, 'dist/content/data-store-writer.js')).href)) as {
  chunkString: (text: string, maxBytes: number) => string[];
};

const bytes = (text: string) => new TextEncoder().encode(text).length;

// 1, 2, 3 and 4 bytes a character (the last a surrogate pair), each width's first and last code
// point, and broken surrogates (each U+FFFD, 3 bytes): lone high, lone low, reversed, and a high
// one ending the text.
const SAMPLE =
  'a-é-连-𠀋-\uD800-'.repeat(40) +
  '\u007F\u0080\u07FF\u0800\uFFFF\u{10000}\u{10FFFF}\uDC00x\uDC00\uD800' +
  '碳纤维鱼竿 📰 "quoted" ' +
  'z'.repeat(50) +
  '\uD800';

afterEach(() => vi.restoreAllMocks());

describe('the content store in chunks (patched Astro)', () => {
  for (const max of [0, 1, 2, 3, 4, 5, 7, 64]) {
    it(`cuts into chunks of at most ${max} UTF-8 bytes, each as full as the next character allows`, () => {
      const chunks = chunkString(SAMPLE, max);
      expect(chunks.join('')).toBe(SAMPLE);
      chunks.forEach((chunk, i) => {
        const size = bytes(chunk);
        // A single character wider than the limit still goes whole into a chunk of its own.
        if ([...chunk].length > 1) expect(size, `chunk ${i}`).toBeLessThanOrEqual(max);
        const next = chunks[i + 1];
        if (next === undefined) return;
        expect(/[\uD800-\uDBFF]$/.test(chunk) && /^[\uDC00-\uDFFF]/.test(next), `chunk ${i} splits a surrogate pair`).toBe(false);
        expect(size + bytes(String.fromCodePoint(next.codePointAt(0)!)), `chunk ${i} could hold more`).toBeGreaterThan(max);
      });
    });
  }

  it('counts bytes without encoding each character', () => {
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    chunkString(SAMPLE, 64);
    expect(encode).not.toHaveBeenCalled();
  });
});
