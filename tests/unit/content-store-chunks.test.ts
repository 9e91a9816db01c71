/**
 * Astro's chunked content store (astro.config.mjs) cuts the serialized store into files of at
 * most `chunkSize` UTF-8 bytes. patches/astro+*.patch makes it count those bytes from each code
 * point instead of encoding every character (decision 017): these tests hold the patched
 * counting to what TextEncoder says, and check that it no longer encodes character by character,
 * nor walks an entry that fits whole into what is left of a chunk.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const astroDir = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
const { chunkString, ChunkedWriter } = (await import(pathToFileURL(join(astroDir, 'dist/content/data-store-writer.js')).href)) as {
  chunkString: (text: string, maxBytes: number) => string[];
  ChunkedWriter: new (dir: URL, chunkSize: number) => { write(collections: Map<string, Map<string, unknown>>): Promise<boolean> };
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

const entries = new Map<string, unknown>();
for (let i = 0; i < 30; i++) entries.set(`story-${String(i).padStart(2, '0')}`, { body: SAMPLE.slice(0, 40 * i), title: `标题 ${i} 📰` });

/** The chunks the writer makes of `entries`, read back in the manifest's order. */
async function write(max: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-store-'));
  try {
    await new ChunkedWriter(pathToFileURL(`${dir}/`), max).write(new Map([['stories', entries]]));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, string[]>;
    return manifest.stories!.map((file) => readFileSync(join(dir, file), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// One entry a line (devalue escapes newlines); lone surrogates are on disk as U+FFFD, as wide.
const [whole] = await write(1e9);
const serialized = whole!.split(/(?<=\n)/);

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

  // The writer adds an entry that fits what is left of a chunk whole, and walks only an entry that
  // crosses a chunk's end: its chunks must be those of walking every entry character by character,
  // as unpatched Astro does, where a character wider than what is left still goes into the chunk,
  // which is written once it holds at least its size.
  const walked = (entries: string[], max: number) => {
    const chunks: string[] = [];
    let chunk = '';
    let size = 0;
    for (const char of entries.join('')) {
      chunk += char;
      size += bytes(char);
      if (size >= max) {
        chunks.push(chunk);
        chunk = '';
        size = 0;
      }
    }
    return chunk ? [...chunks, chunk] : chunks;
  };

  it('reads back every entry', () => {
    expect(serialized).toHaveLength(entries.size);
    expect(serialized[29]).toContain('story-29');
  });

  // 64 to 5000 bytes a chunk; and one where the first three entries end exactly at the first chunk's end.
  for (const max of [64, 300, 5000, bytes(serialized.slice(0, 3).join(''))]) {
    it(`writes a collection in the chunks of a character-by-character walk (${max} bytes a chunk)`, async () => {
      expect(await write(max)).toEqual(walked(serialized, max));
    });
  }

  it('adds an entry that fits what is left of a chunk whole, walking none of its characters', async () => {
    // Its length is Node's count of the UTF-8 bytes, in which a lone surrogate is U+FFFD, as in the walk.
    expect(Buffer.byteLength('\uD800')).toBe(bytes('\uD800'));
    const walk = vi.spyOn(String.prototype, 'codePointAt');
    await write(1e9);
    expect(walk).not.toHaveBeenCalled();
    await write(64);
    expect(walk).toHaveBeenCalled();
  });

  it('counts bytes without encoding each character', () => {
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    chunkString(SAMPLE, 64);
    expect(encode).not.toHaveBeenCalled();
  });
});
