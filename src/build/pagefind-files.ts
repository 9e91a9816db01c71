/**
 * Pagefind's files, read and written as Pagefind 1.6 does (pagefind/src/index/ in its source):
 * gzip of "pagefind_dcd" and CBOR arrays of its Rust structs, named by a cut sha1. Used by the
 * search merge (search-merge.ts, decision 020). Anything not as expected throws MergeUnsupported.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzip } from 'node:zlib';
import { decode } from 'cborg';

/** Thrown where the bundles are not what the merge knows how to merge: index the language whole. */
export class MergeUnsupported extends Error {}

export const SIGNATURE = Buffer.from('pagefind_dcd');
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

function unsign(raw: Buffer, file: string): Buffer {
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new MergeUnsupported(`${file} is not a Pagefind file`);
  return raw.subarray(SIGNATURE.length);
}

/** A file that cannot be read or unpacked (deleted, cut short, damaged) cannot be merged from: the language is indexed whole. */
const unreadable = (file: string, error: unknown) =>
  error instanceof MergeUnsupported ? error : new MergeUnsupported(`${file} cannot be read: ${(error as Error).message}`);

export function unpack(file: string): Buffer {
  try {
    return unsign(gunzipSync(readFileSync(file)), file);
  } catch (error) {
    throw unreadable(file, error);
  }
}

/** The same, decompressed on libuv's threads: a bundle's word chunks are unpacked side by side while the merge walks them in order. */
export async function unpackAsync(file: string): Promise<Buffer> {
  try {
    return unsign(await gunzipAsync(readFileSync(file)), file);
  } catch (error) {
    throw unreadable(file, error);
  }
}

/** Pagefind's CBOR, decoded; damaged data is a file that cannot be merged from. */
export function decodeFile<T>(file: string): T {
  const bytes = unpack(file);
  try {
    return decode(bytes) as T;
  } catch (error) {
    throw unreadable(file, error);
  }
}

/**
 * A file's bytes gzipped. Not at Pagefind's level (9) but zlib's default (6): an edit rewrites
 * most of a language's word chunks, and level 9 took several times as long for files barely
 * smaller (docs/performance.md, "Tenth session").
 */
export const pack = (signed: Buffer) => gzipAsync(signed, { level: 6 });
export const sign = (cbor: Uint8Array) => Buffer.concat([SIGNATURE, cbor]);

/** Pagefind's full_hash: sha1, each byte in hex without padding ({:x?} in Rust). */
export function pagefindHash(data: Uint8Array): string {
  let hex = '';
  for (const byte of createHash('sha1').update(data).digest()) hex += byte.toString(16);
  return hex;
}

/** A file name as Pagefind gives it: the language, then the hash cut to 7 characters, longer where two files would share it. */
export function fileName(language: string, hash: string, taken: Set<string>): string {
  const full = `${language}_${hash}`;
  let length = language.length + 8;
  while (taken.has(full.slice(0, length)) && length < full.length) length += 1;
  const name = full.slice(0, length);
  taken.add(name);
  return name;
}

/** Rust orders strings by their UTF-8 bytes, JavaScript by UTF-16 units: they differ past U+FFFF. */
export const compareText = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** A CBOR reader for Pagefind's word chunks: definite-length arrays, integers and text only. */
export class Reader {
  pos = 0;
  readonly buf: Buffer;
  constructor(buf: Buffer) {
    this.buf = buf;
  }

  /** An item's argument, checking its major type. */
  item(major: number): number {
    if (this.pos >= this.buf.length) throw new MergeUnsupported('a word chunk ends early');
    const byte = this.buf[this.pos++]!;
    if (byte >> 5 !== major) throw new MergeUnsupported(`unexpected CBOR item 0x${byte.toString(16)} at ${this.pos - 1}`);
    return this.argument(byte & 31);
  }

  private argument(info: number): number {
    const { buf } = this;
    if (info < 24) return info;
    const start = this.pos;
    if (info === 24) return buf[this.pos++]!;
    if (info === 25) return (this.pos += 2), buf.readUInt16BE(start);
    if (info === 26) return (this.pos += 4), buf.readUInt32BE(start);
    throw new MergeUnsupported(`unexpected CBOR length ${info} at ${start - 1}`);
  }

  text(): Buffer {
    const length = this.item(3);
    return this.buf.subarray(this.pos, (this.pos += length));
  }

  /** Skips an array of integers (a page's positions), returning its length. */
  skipIntegers(): number {
    const count = this.item(4);
    const { buf } = this;
    for (let i = 0; i < count; i++) {
      const byte = buf[this.pos++]!;
      // Integers only (major types 0 and 1), of at most four bytes.
      if (byte >> 6 !== 0 || (byte & 31) > 26) throw new MergeUnsupported(`unexpected CBOR item 0x${byte.toString(16)} in positions`);
      const info = byte & 31;
      if (info >= 24) this.pos += info === 24 ? 1 : info === 25 ? 2 : 4;
    }
    return count;
  }
}

/** A growing buffer of CBOR. */
export class Writer {
  buf: Buffer;
  pos = 0;

  constructor(size = 1 << 16) {
    this.buf = Buffer.allocUnsafe(size);
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  /** An item's head, in CBOR's shortest form, as Pagefind's encoder writes it. */
  head(major: number, value: number): void {
    this.room(9);
    const type = major << 5;
    if (value < 24) this.buf[this.pos++] = type | value;
    else if (value < 0x100) (this.buf[this.pos++] = type | 24), (this.buf[this.pos++] = value);
    else if (value < 0x10000) (this.buf[this.pos++] = type | 25), this.buf.writeUInt16BE(value, this.pos), (this.pos += 2);
    else (this.buf[this.pos++] = type | 26), this.buf.writeUInt32BE(value, this.pos), (this.pos += 4);
  }

  bytes(source: Buffer, start = 0, end = source.length): void {
    this.room(end - start);
    source.copy(this.buf, this.pos, start, end);
    this.pos += end - start;
  }

  text(value: Buffer): void {
    this.head(3, value.length);
    this.bytes(value);
  }

  take(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

export interface Bundle {
  dir: string;
  language: string;
  entry: { languages: Record<string, { hash: string; page_count: number }> } & Record<string, unknown>;
  /** [version, pages [hash, word count], chunks [from, to, hash], filters [name, hash], sorts [name, pages], metadata fields]. */
  meta: [string, [string, number][], [string, string, string][], [string, string][], [string, number[]][], string[]];
}

export function readBundle(dir: string): Bundle {
  const file = join(dir, 'pagefind-entry.json');
  let entry: Bundle['entry'];
  try {
    entry = JSON.parse(readFileSync(file, 'utf8')) as Bundle['entry'];
  } catch (error) {
    throw unreadable(file, error);
  }
  const languages = Object.keys(entry.languages ?? {});
  if (languages.length !== 1) throw new MergeUnsupported(`${dir} holds ${languages.length} languages`);
  const language = languages[0]!;
  const meta = decodeFile<Bundle['meta']>(join(dir, `pagefind.${entry.languages[language]!.hash}.pf_meta`));
  if (!Array.isArray(meta) || meta.length !== 6) throw new MergeUnsupported(`${dir}: Pagefind's metadata has another layout`);
  return { dir, language, entry, meta };
}

/** The URL Pagefind gives a page file: its folder, from the site's root. */
export const toPagefindUrl = (path: string) => `/${path.replace(/index\.html$/, '')}`;

/** What a page's fragment says of it: its URL, and its metadata fields. */
export function readFragment(file: string): { url: string; fields: string[] } {
  let fragment: { url: string; meta: Record<string, string> };
  try {
    fragment = JSON.parse(unpack(file).toString('utf8')) as typeof fragment;
  } catch (error) {
    throw unreadable(file, error);
  }
  return { url: fragment.url, fields: Object.keys(fragment.meta ?? {}) };
}
