/**
 * An edit's search bundle, made from the last one (decision 020): Pagefind indexes only the pages
 * that changed, into a bundle of their own, and their words are merged into the last bundle's
 * words in place of their old ones. Pagefind itself cannot update a bundle: it indexes every page
 * it is given, and segmenting Chinese is most of its cost, so a one-story edit re-indexed every
 * page of both Chinese editions.
 *
 * What comes out holds what Pagefind writes for the same pages: the same words with the same
 * positions and weights on each page, filters, sort order, page metadata, fragments and chunk
 * boundaries (so a search loads the same files). Two things differ: pages are numbered in another
 * order (kept pages first, in the last bundle's order, then new ones; Pagefind numbers them in the
 * order its walk finds the files), which only orders results that tie, and gzip is Node's.
 *
 * Pagefind's files are gzip of "pagefind_dcd" and CBOR arrays of its Rust structs
 * (pagefind/src/index/ in Pagefind's source). Word chunks are walked as bytes: a word's positions
 * on a page are copied through, never decoded, so an edit costs a pass over the index, not
 * Pagefind's work. Anything this module does not expect (another version's layout, a sort by
 * number, a page metadata field the bundle lacks) throws MergeUnsupported, and the caller indexes
 * the language whole instead.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzip } from 'node:zlib';
import { decode, encode } from 'cborg';
import { linkFile } from './files.ts';

/** A page of a bundle as the merge needs it, in the bundle's page order: what Pagefind's files do not say. */
export interface BundlePage {
  /** The page's file, relative to the site folder (2025/01/02/story/index.html). */
  path: string;
  /** A hash of the page's bytes: a page whose hash changed is indexed again. */
  digest: string;
  /** The page's sort values (data-pagefind-sort), by sort name. */
  sort: Record<string, string>;
  /** The metadata fields Pagefind found on the page (title, image, …), once it has indexed it. */
  fields?: string[];
}

/** Thrown where the bundles are not what the merge knows how to merge: index the language whole. */
export class MergeUnsupported extends Error {}

const SIGNATURE = Buffer.from('pagefind_dcd');
/** Pagefind's index_chunk_size: a chunk ends after the word that brings it to this many positions (PAGEFIND_* settings are not passed on). */
const CHUNK_SIZE = 20_000;
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

function unsign(raw: Buffer, file: string): Buffer {
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new MergeUnsupported(`${file} is not a Pagefind file`);
  return raw.subarray(SIGNATURE.length);
}

/** A file that cannot be read or unpacked (deleted, cut short, damaged) cannot be merged from: the language is indexed whole. */
const unreadable = (file: string, error: unknown) => new MergeUnsupported(`${file} cannot be read: ${(error as Error).message}`);

function unpack(file: string): Buffer {
  try {
    return unsign(gunzipSync(readFileSync(file)), file);
  } catch (error) {
    throw error instanceof MergeUnsupported ? error : unreadable(file, error);
  }
}

/** The same, decompressed on libuv's threads: a bundle's word chunks are unpacked side by side while the merge walks them in order. */
async function unpackAsync(file: string): Promise<Buffer> {
  try {
    return unsign(await gunzipAsync(readFileSync(file)), file);
  } catch (error) {
    throw error instanceof MergeUnsupported ? error : unreadable(file, error);
  }
}

/** Pagefind's CBOR, decoded; damaged data is a file that cannot be merged from. */
function decodeFile<T>(file: string): T {
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
const pack = (signed: Buffer) => gzipAsync(signed, { level: 6 });
const sign = (cbor: Uint8Array) => Buffer.concat([SIGNATURE, cbor]);

/** Pagefind's full_hash: sha1, each byte in hex without padding ({:x?} in Rust). */
function pagefindHash(data: Uint8Array): string {
  let hex = '';
  for (const byte of createHash('sha1').update(data).digest()) hex += byte.toString(16);
  return hex;
}

/** A file name as Pagefind gives it: the language, then the hash cut to 7 characters, longer where two files would share it. */
function fileName(language: string, hash: string, taken: Set<string>): string {
  const full = `${language}_${hash}`;
  let length = language.length + 8;
  while (taken.has(full.slice(0, length)) && length < full.length) length += 1;
  const name = full.slice(0, length);
  taken.add(name);
  return name;
}

/** Rust orders strings by their UTF-8 bytes, JavaScript by UTF-16 units: they differ past U+FFFF. */
const compareText = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** A CBOR reader for Pagefind's word chunks: definite-length arrays, integers and text only. */
class Reader {
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
class Writer {
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

/** A page's entry under a word of the edited pages: its number in the merged bundle and its positions, as CBOR. */
interface NewPosting {
  page: number;
  body: Buffer;
  size: number;
}

interface NewWord {
  word: Buffer;
  pages: NewPosting[];
  variants: Map<string, NewPosting[]>;
}

/**
 * Reads the postings of one page list (at the reader), keeping those `renumber` maps to a page of
 * the merged bundle, then appends `added` (sorted: the edited pages come after every kept one),
 * into `out`; returns how many were written and their size as Pagefind counts it for chunking.
 */
function mergePostings(reader: Reader | undefined, renumber: Int32Array, added: readonly NewPosting[], out: Writer): { count: number; size: number } {
  let count = 0;
  let size = 0;
  let last = 0;
  const write = (page: number, source: Buffer, start: number, end: number, length: number) => {
    if (count > 0 && page <= last) throw new MergeUnsupported(`page ${page} would follow page ${last} in a word's list`);
    out.head(4, 3);
    out.head(0, page - last);
    out.bytes(source, start, end);
    last = page;
    count += 1;
    size += length;
  };
  const total = reader ? reader.item(4) : 0;
  let oldPage = 0;
  for (let i = 0; i < total; i++) {
    if (reader!.item(4) !== 3) throw new MergeUnsupported('a page entry is not [page, positions, metadata positions]');
    oldPage += reader!.item(0);
    const start = reader!.pos;
    const length = reader!.skipIntegers() + reader!.skipIntegers() + 1;
    const page = renumber[oldPage] ?? -1;
    if (page >= 0) write(page, reader!.buf, start, reader!.pos, length);
  }
  for (const { page, body, size: length } of added) write(page, body, 0, body.length, length);
  return { count, size };
}

/** The words of a bundle's edited pages, renumbered for the merged bundle and sorted, each page list by page. */
function readNewWords(chunks: Buffer[], renumber: Int32Array, fieldMap: number[]): NewWord[] {
  const words = new Map<string, NewWord>();
  const remapFields = fieldMap.some((to, from) => to !== from);
  const readList = (reader: Reader): NewPosting[] => {
    const postings: NewPosting[] = [];
    const total = reader.item(4);
    let page = 0;
    for (let i = 0; i < total; i++) {
      if (reader.item(4) !== 3) throw new MergeUnsupported('a page entry is not [page, positions, metadata positions]');
      page += reader.item(0);
      const start = reader.pos;
      const locs = reader.skipIntegers();
      const metaStart = reader.pos;
      const metaLocs = reader.skipIntegers();
      let body = Buffer.from(reader.buf.subarray(start, reader.pos));
      if (remapFields && metaLocs > 0) {
        // Metadata positions name their field by its place in the bundle's field list: -(place + 1).
        const values = decode(reader.buf.subarray(metaStart, reader.pos)) as number[];
        body = Buffer.concat([reader.buf.subarray(start, metaStart), encode(values.map((value) => (value < 0 ? -(fieldMap[-value - 1]! + 1) : value)))]);
      }
      postings.push({ page: renumber[page]!, body, size: locs + metaLocs + 1 });
    }
    return postings.sort((a, b) => a.page - b.page);
  };
  for (const chunk of chunks) {
    const reader = new Reader(chunk);
    reader.item(4);
    const total = reader.item(4);
    for (let i = 0; i < total; i++) {
      if (reader.item(4) !== 3) throw new MergeUnsupported('a word entry is not [word, pages, variants]');
      const word = Buffer.from(reader.text());
      const entry: NewWord = { word, pages: readList(reader), variants: new Map() };
      const variants = reader.item(4);
      for (let v = 0; v < variants; v++) {
        if (reader.item(4) !== 2) throw new MergeUnsupported('a variant is not [form, pages]');
        const form = reader.text().toString('utf8');
        entry.variants.set(form, readList(reader));
      }
      words.set(word.toString('latin1'), entry);
    }
  }
  return [...words.values()].sort((a, b) => Buffer.compare(a.word, b.word));
}

interface Bundle {
  dir: string;
  language: string;
  entry: { languages: Record<string, { hash: string; page_count: number }> } & Record<string, unknown>;
  /** [version, pages [hash, word count], chunks [from, to, hash], filters [name, hash], sorts [name, pages], metadata fields]. */
  meta: [string, [string, number][], [string, string, string][], [string, string][], [string, number[]][], string[]];
}

function readBundle(dir: string): Bundle {
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
const toPagefindUrl = (path: string) => `/${path.replace(/index\.html$/, '')}`;

/** What a page's fragment says of it: its URL, and its metadata fields. */
function readFragment(file: string): { url: string; fields: string[] } {
  let fragment: { url: string; meta: Record<string, string> };
  try {
    fragment = JSON.parse(unpack(file).toString('utf8')) as typeof fragment;
  } catch (error) {
    throw error instanceof MergeUnsupported ? error : unreadable(file, error);
  }
  return { url: fragment.url, fields: Object.keys(fragment.meta ?? {}) };
}

/**
 * The pages of a bundle Pagefind wrote, in its page order (the order its walk found the files),
 * with their metadata fields, from their fragments. Throws MergeUnsupported when a page is not
 * one of `pages`, or one of `pages` is missing.
 */
export function listBundlePages(dir: string, pages: readonly BundlePage[]): BundlePage[] {
  const byUrl = new Map(pages.map((page) => [toPagefindUrl(page.path), page]));
  const { meta } = readBundle(dir);
  const listed = meta[1].map(([hash]) => {
    const { url, fields } = readFragment(join(dir, 'fragment', `${hash}.pf_fragment`));
    const page = byUrl.get(url);
    if (!page) throw new MergeUnsupported(`Pagefind indexed ${url}, which is not a page it was given`);
    return { ...page, fields };
  });
  if (listed.length !== pages.length || new Set(listed.map((page) => page.path)).size !== pages.length) throw new MergeUnsupported('Pagefind did not index every page once');
  return listed;
}

/** The pages to index for an edit: those changed or new since the last bundle. */
export function planMerge(previous: readonly BundlePage[], current: readonly BundlePage[]): BundlePage[] {
  const before = new Map(previous.map((page) => [page.path, page.digest]));
  return current.filter((page) => before.get(page.path) !== page.digest);
}

/**
 * Writes the merged bundle's words, chunk by chunk, as Pagefind chunks them, and returns the
 * chunks' [from, to, name] as the metadata lists them.
 */
class ChunkWriter {
  readonly chunks: [string, string, string][] = [];
  private readonly body = new Writer();
  private readonly pages = new Writer();
  private readonly variants = new Writer();
  private readonly list = new Writer();
  private words = 0;
  private size = 0;
  private first = '';
  private last = '';
  private readonly taken = new Set<string>();
  private readonly finish: (name: string, signed: Buffer) => void;
  private readonly language: string;

  /** `finish` writes a chunk: its file name and its bytes, Pagefind's signature first. */
  constructor(language: string, finish: (name: string, signed: Buffer) => void) {
    this.language = language;
    this.finish = finish;
  }

  /**
   * One word: its page list from `reader` (the last bundle's, renumbered) merged with `added`,
   * then its variants (diacritic forms) likewise. Dropped when no page is left.
   */
  word(word: Buffer, reader: Reader | undefined, renumber: Int32Array, added: NewWord | undefined): void {
    this.pages.pos = 0;
    const { count, size: pagesSize } = mergePostings(reader, renumber, added?.pages ?? [], this.pages);
    // Pagefind 1.6 counts a word's variants' positions towards its chunk's size too.
    let size = pagesSize;
    this.variants.pos = 0;
    let variants = 0;
    const variant = (form: Buffer, from: Reader | undefined, list: readonly NewPosting[]) => {
      this.list.pos = 0;
      const written = mergePostings(from, renumber, list, this.list);
      if (written.count === 0) return;
      size += written.size;
      this.variants.head(4, 2);
      this.variants.text(form);
      this.variants.head(4, written.count);
      this.variants.bytes(this.list.buf, 0, this.list.pos);
      variants += 1;
    };
    const seen = new Set<string>();
    const total = reader ? reader.item(4) : 0;
    for (let v = 0; v < total; v++) {
      if (reader!.item(4) !== 2) throw new MergeUnsupported('a variant is not [form, pages]');
      const form = reader!.text();
      const key = form.toString('utf8');
      seen.add(key);
      variant(form, reader, added?.variants.get(key) ?? []);
    }
    for (const [form, list] of added?.variants ?? []) if (!seen.has(form)) variant(Buffer.from(form), undefined, list);
    if (count === 0 && variants === 0) return;

    const { body } = this;
    body.head(4, 3);
    body.text(word);
    body.head(4, count);
    body.bytes(this.pages.buf, 0, this.pages.pos);
    body.head(4, variants);
    body.bytes(this.variants.buf, 0, this.variants.pos);
    const text = word.toString('utf8');
    if (this.words === 0) this.first = text;
    this.last = text;
    this.words += 1;
    this.size += size;
    if (this.size >= CHUNK_SIZE) this.end();
  }

  end(): void {
    if (this.words === 0) return;
    // The file's bytes, signature first: written once, at their size.
    const file = new Writer(SIGNATURE.length + 10 + this.body.pos);
    file.bytes(SIGNATURE);
    file.head(4, 1);
    file.head(4, this.words);
    file.bytes(this.body.buf, 0, this.body.pos);
    const signed = file.take();
    const hash = pagefindHash(signed.subarray(SIGNATURE.length));
    const name = fileName(this.language, hash, this.taken);
    this.finish(name, signed);
    this.chunks.push([this.first, this.last, name]);
    this.body.pos = 0;
    this.words = 0;
    this.size = 0;
  }

  /** Pagefind's chunk ranges: each boundary cut to the shortest prefixes that still tell the two chunks apart. */
  ranges(): [string, string, string][] {
    const { chunks } = this;
    for (let i = 0; i + 1 < chunks.length; i++) {
      const a = [...chunks[i]![1]];
      const b = [...chunks[i + 1]![0]];
      let common = 0;
      while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
      const to = a.slice(0, common + 1).join('');
      if (compareText(to, chunks[i]![0]) >= 0) chunks[i]![1] = to;
      chunks[i + 1]![0] = b.slice(0, common + 1).join('');
    }
    return chunks;
  }
}

/**
 * Writes into `outputDir` the bundle of `current` (every page of the language), from `previous`
 * (the last bundle and its pages in its page order) and `delta` (Pagefind's bundle of the pages
 * planMerge says to index; none when pages were only removed). Returns the merged bundle's pages
 * in its page order, for the next merge.
 */
export async function mergeBundle(input: MergeInput): Promise<BundlePage[]> {
  // Files are compressed on libuv's threads while the merge goes on; a merge that stops waits for
  // them, so none is written after its caller has removed the folder.
  const writes: Promise<void>[] = [];
  try {
    const pages = await merge(input, writes);
    await Promise.all(writes);
    return pages;
  } catch (error) {
    await Promise.allSettled(writes);
    throw error;
  }
}

interface MergeInput {
  previous: { dir: string; pages: readonly BundlePage[] };
  delta?: string;
  current: readonly BundlePage[];
  outputDir: string;
}

async function merge({ previous, delta, current, outputDir }: MergeInput, writes: Promise<void>[]): Promise<BundlePage[]> {
  const old = readBundle(previous.dir);
  const [version, oldPages, oldChunks, oldFilters, oldSorts, fields] = old.meta;
  if (oldPages.length !== previous.pages.length) throw new MergeUnsupported('the last bundle and its page list disagree');
  const { language } = old;

  // Pagefind's sort order must be the one the page list gives, or the list is not what Pagefind read.
  const sortNames = (list: readonly BundlePage[]) => [...new Set(list.flatMap((page) => Object.keys(page.sort)))].sort(compareText);
  const sortOrder = (list: readonly BundlePage[], name: string): number[] => {
    const values = list.flatMap((page, number) => (page.sort[name] === undefined ? [] : [[page.sort[name]!, number] as const]));
    // Pagefind sorts numbers as numbers, which this merge does not.
    if (values.every(([value]) => value.trim() !== '' && !Number.isNaN(Number(value)))) throw new MergeUnsupported(`sort ${name} is by number`);
    return values.sort((a, b) => compareText(a[0], b[0]) || a[1] - b[1]).map(([, number]) => number);
  };
  if (JSON.stringify(oldSorts.map(([name]) => name)) !== JSON.stringify(sortNames(previous.pages))) throw new MergeUnsupported("the last bundle's sorts are not its pages' sort values");
  for (const [name, order] of oldSorts) if (JSON.stringify(sortOrder(previous.pages, name)) !== JSON.stringify(order)) throw new MergeUnsupported(`sort ${name} is not the one the pages' values give`);

  // Kept pages keep their order; the indexed ones follow. A page's number is its place.
  const digests = new Map(current.map((page) => [page.path, page.digest]));
  const pages: BundlePage[] = [];
  const renumberOld = new Int32Array(oldPages.length).fill(-1);
  previous.pages.forEach((page, number) => {
    if (digests.get(page.path) !== page.digest) return;
    renumberOld[number] = pages.length;
    pages.push(page);
  });
  if (pages.some((page) => !page.fields)) throw new MergeUnsupported("the last bundle's page list does not say the pages' metadata fields");
  const keptPaths = new Set(pages.map((page) => page.path));
  const placeOfUrl = new Map<string, number>();
  for (const page of current) {
    if (keptPaths.has(page.path)) continue;
    placeOfUrl.set(toPagefindUrl(page.path), pages.length);
    pages.push(page);
  }
  if (pages.length !== current.length || placeOfUrl.size !== pages.length - keptPaths.size) throw new MergeUnsupported('a page is listed twice');

  const meta: Bundle['meta'] = [version, new Array<[string, number]>(pages.length), [], [], [], fields];
  const fragments = new Map<string, string>();
  oldPages.forEach((entry, number) => {
    if (renumberOld[number]! < 0) return;
    meta[1][renumberOld[number]!] = entry;
    fragments.set(entry[0], join(previous.dir, 'fragment', `${entry[0]}.pf_fragment`));
  });

  const edited = delta ? readBundle(delta) : undefined;
  let added: NewWord[] = [];
  let renumberNew = new Int32Array(0);
  if (edited) {
    if (edited.language !== language) throw new MergeUnsupported(`the edited pages are indexed as ${edited.language}, the bundle as ${language}`);
    const [, newPages, newChunks, , , newFields] = edited.meta;
    // Metadata positions name their field by its place in the bundle's field list.
    const fieldMap = newFields.map((field) => fields.indexOf(field));
    if (fieldMap.some((place) => place < 0)) throw new MergeUnsupported('an edited page has a metadata field the bundle lacks');
    renumberNew = new Int32Array(newPages.length).fill(-1);
    const editedPages: BundlePage[] = [];
    for (const [number, entry] of newPages.entries()) {
      const fragment = join(delta!, 'fragment', `${entry[0]}.pf_fragment`);
      const { url, fields: pageFields } = readFragment(fragment);
      const place = placeOfUrl.get(url);
      if (place === undefined) throw new MergeUnsupported(`the edited pages' bundle holds ${url}, which is not to be indexed`);
      if (fragments.has(entry[0])) throw new MergeUnsupported(`two pages would share the fragment name ${entry[0]}`);
      fragments.set(entry[0], fragment);
      renumberNew[number] = place;
      meta[1][place] = entry;
      pages[place] = { ...pages[place]!, fields: pageFields };
      editedPages[number] = pages[place]!;
    }
    // The edited pages' sort values, read from their HTML by the caller, must give the order Pagefind read.
    if (JSON.stringify(edited.meta[4]) !== JSON.stringify(sortNames(editedPages).map((name) => [name, sortOrder(editedPages, name)]))) {
      throw new MergeUnsupported("the edited pages' sort values are not the ones Pagefind read");
    }
    added = readNewWords(
      newChunks.map(([, , hash]) => unpack(join(delta!, 'index', `${hash}.pf_index`))),
      renumberNew,
      fieldMap,
    );
  }
  for (let i = 0; i < pages.length; i++) if (!meta[1][i]) throw new MergeUnsupported(`${pages[i]!.path} is in neither bundle`);
  // Pagefind lists the fields its pages have: one the last page with it has lost leaves the list.
  const allFields = [...new Set(pages.flatMap((page) => page.fields ?? []))].sort(compareText);
  if (JSON.stringify(allFields) !== JSON.stringify(fields)) throw new MergeUnsupported(`the pages' metadata fields change (${fields.join(', ')} to ${allFields.join(', ')})`);

  for (const folder of ['index', 'fragment', 'filter']) mkdirSync(join(outputDir, folder), { recursive: true });
  const emit = (file: string, signed: Buffer) => writes.push(pack(signed).then((packed) => writeFileSync(join(outputDir, file), packed, { flag: 'wx' })));

  // Words: the last bundle's, chunk by chunk, with the edited pages' merged in, in Pagefind's order.
  const oldChunkBytes = new Map<string, Buffer>();
  const chunks = new ChunkWriter(language, (name, signed) => {
    const file = join('index', `${name}.pf_index`);
    // A chunk the edit left as it was is the last bundle's file.
    if (oldChunkBytes.get(name)?.equals(signed.subarray(SIGNATURE.length))) linkFile(join(previous.dir, file), join(outputDir, file));
    else emit(file, signed);
  });
  let nextAdded = 0;
  const unpacked = oldChunks.map(([, , name]) => unpackAsync(join(previous.dir, 'index', `${name}.pf_index`)));
  // The loop awaits them one by one and may stop at a failure: the others' failures are handled here.
  for (const unpacking of unpacked) unpacking.catch(() => {});
  for (const [index, [, , name]] of oldChunks.entries()) {
    const bytes = await unpacked[index]!;
    oldChunkBytes.set(name, bytes);
    const reader = new Reader(bytes);
    if (reader.item(4) !== 1) throw new MergeUnsupported('a word chunk is not [words]');
    const total = reader.item(4);
    for (let i = 0; i < total; i++) {
      if (reader.item(4) !== 3) throw new MergeUnsupported('a word entry is not [word, pages, variants]');
      const word = reader.text();
      while (nextAdded < added.length && Buffer.compare(added[nextAdded]!.word, word) < 0) chunks.word(added[nextAdded]!.word, undefined, renumberOld, added[nextAdded++]);
      const same = nextAdded < added.length && added[nextAdded]!.word.equals(word) ? added[nextAdded++] : undefined;
      chunks.word(word, reader, renumberOld, same);
    }
  }
  while (nextAdded < added.length) chunks.word(added[nextAdded]!.word, undefined, renumberOld, added[nextAdded++]);
  chunks.end();
  meta[2] = chunks.ranges();

  // Filters: which pages have each value, in Pagefind's order.
  const filters = new Map<string, Map<string, number[]>>();
  const readFilters = (dir: string, list: [string, string][], renumber: Int32Array) => {
    for (const [, hash] of list) {
      const [name, values] = decodeFile<[string, [string, number[]][]]>(join(dir, 'filter', `${hash}.pf_filter`));
      const byValue = filters.get(name) ?? new Map<string, number[]>();
      filters.set(name, byValue);
      for (const [value, numbers] of values) byValue.set(value, [...(byValue.get(value) ?? []), ...numbers.map((number) => renumber[number] ?? -1).filter((number) => number >= 0)]);
    }
  };
  readFilters(previous.dir, oldFilters, renumberOld);
  if (edited) readFilters(delta!, edited.meta[3], renumberNew);
  const filterNames = new Set<string>();
  for (const name of [...filters.keys()].sort(compareText)) {
    const values = [...filters.get(name)!]
      .filter(([, numbers]) => numbers.length > 0)
      .sort(([a], [b]) => compareText(a, b))
      .map(([value, numbers]) => [value, numbers.sort((a, b) => a - b)]);
    if (values.length === 0) continue;
    const bytes = encode([name, values]);
    const hash = fileName(language, pagefindHash(bytes), filterNames);
    emit(join('filter', `${hash}.pf_filter`), sign(bytes));
    meta[3].push([name, hash]);
  }

  meta[4] = sortNames(pages).map((name) => [name, sortOrder(pages, name)]);

  for (const [hash, file] of fragments) linkFile(file, join(outputDir, 'fragment', `${hash}.pf_fragment`));

  const metaBytes = encode(meta);
  // Pagefind's quirk: the metadata file's hash is as long as the language name plus eight.
  const metaHash = `${language}_${pagefindHash(metaBytes).slice(0, language.length + 8)}`;
  emit(`pagefind.${metaHash}.pf_meta`, sign(metaBytes));
  const entry = { ...old.entry, languages: { [language]: { ...old.entry.languages[language]!, hash: metaHash, page_count: pages.length } } };
  writeFileSync(join(outputDir, 'pagefind-entry.json'), JSON.stringify(entry));
  // Pagefind's scripts and WebAssembly: the same files in every bundle of one version.
  for (const name of readdirSync(previous.dir)) {
    if (name === 'pagefind-entry.json' || name.endsWith('.pf_meta') || name.startsWith('gazette-') || statSync(join(previous.dir, name)).isDirectory()) continue;
    linkFile(join(previous.dir, name), join(outputDir, name));
  }
  return pages;
}
