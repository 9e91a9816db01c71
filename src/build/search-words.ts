/**
 * The word chunks of a merged search bundle (search-merge.ts): the last bundle's words walked as
 * CBOR bytes, each page's positions copied through, the edited pages' entries put in, and the
 * result cut into chunks where Pagefind cuts them.
 */
import { decode, encode } from 'cborg';
import { compareText, fileName, MergeUnsupported, pagefindHash, Reader, SIGNATURE, Writer } from './pagefind-files.ts';

/** Pagefind's index_chunk_size: a chunk ends after the word that brings it to this many positions (PAGEFIND_* settings are not passed on). */
const CHUNK_SIZE = 20_000;

/** A page's entry under a word of the edited pages: its number in the merged bundle and its positions, as CBOR. */
export interface NewPosting {
  page: number;
  body: Buffer;
  size: number;
}

export interface NewWord {
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

/**
 * The words of a word chunk, in order: each word with the reader at its page list, which the
 * caller reads (then the variants) before taking the next word.
 */
export function* chunkWords(bytes: Buffer): Generator<[word: Buffer, reader: Reader]> {
  const reader = new Reader(bytes);
  if (reader.item(4) !== 1) throw new MergeUnsupported('a word chunk is not [words]');
  const total = reader.item(4);
  for (let i = 0; i < total; i++) {
    if (reader.item(4) !== 3) throw new MergeUnsupported('a word entry is not [word, pages, variants]');
    yield [reader.text(), reader];
  }
}

/** The words of a bundle's edited pages, renumbered for the merged bundle and sorted, each page list by page. */
export function readNewWords(chunks: Buffer[], renumber: Int32Array, fieldMap: number[]): NewWord[] {
  const words: NewWord[] = [];
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
    for (const [word, reader] of chunkWords(chunk)) {
      const entry: NewWord = { word: Buffer.from(word), pages: readList(reader), variants: new Map() };
      const variants = reader.item(4);
      for (let v = 0; v < variants; v++) {
        if (reader.item(4) !== 2) throw new MergeUnsupported('a variant is not [form, pages]');
        const form = reader.text().toString('utf8');
        entry.variants.set(form, readList(reader));
      }
      words.push(entry);
    }
  }
  return words.sort((a, b) => Buffer.compare(a.word, b.word));
}

/**
 * Writes the merged bundle's words, chunk by chunk, as Pagefind chunks them, and returns the
 * chunks' [from, to, name] as the metadata lists them.
 */
export class ChunkWriter {
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
