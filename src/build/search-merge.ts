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
 * Pagefind's files are read and written by pagefind-files.ts, the word chunks merged by
 * search-words.ts: a word's positions on a page are copied through, never decoded, so an edit
 * costs a pass over the index, not Pagefind's work. Anything not as expected (another version's
 * layout, a sort by number, metadata fields gained or lost) throws MergeUnsupported, and the
 * caller indexes the language whole instead.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'cborg';
import { linkFile } from './files.ts';
import { isCacheFile } from './search-cache.ts';
import { type Bundle, compareText, decodeFile, fileName, MergeUnsupported, pack, pagefindHash, readBundle, readFragment, SIGNATURE, sign, toPagefindUrl, unpack, unpackAsync } from './pagefind-files.ts';
import { chunkWords, ChunkWriter, type NewWord, readNewWords } from './search-words.ts';

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
  /** Pagefind's sorts of `list`, as its metadata holds them: [name, page numbers in order]. */
  const sorts = (list: readonly BundlePage[]): [string, number[]][] => sortNames(list).map((name) => [name, sortOrder(list, name)]);
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
      // Pages indexed apart share Pagefind's 7-digit name as often as not past ~20,000: the name is
      // lengthened from the fragment's full hash, as Pagefind lengthens it within one run.
      const name = fragments.has(entry[0]) ? fileName(language, pagefindHash(unpack(fragment)), new Set(fragments.keys())) : entry[0];
      fragments.set(name, fragment);
      renumberNew[number] = place;
      meta[1][place] = [name, entry[1]];
      pages[place] = { ...pages[place]!, fields: pageFields };
      editedPages[number] = pages[place]!;
    }
    // The edited pages' sort values, read from their HTML by the caller, must give the order Pagefind read.
    if (JSON.stringify(edited.meta[4]) !== JSON.stringify(sorts(editedPages))) {
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
    for (const [word, reader] of chunkWords(bytes)) {
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

  meta[4] = sorts(pages);

  for (const [hash, file] of fragments) linkFile(file, join(outputDir, 'fragment', `${hash}.pf_fragment`));

  const metaBytes = encode(meta);
  // Pagefind's quirk: the metadata file's hash is as long as the language name plus eight.
  const metaHash = `${language}_${pagefindHash(metaBytes).slice(0, language.length + 8)}`;
  emit(`pagefind.${metaHash}.pf_meta`, sign(metaBytes));
  const entry = { ...old.entry, languages: { [language]: { ...old.entry.languages[language]!, hash: metaHash, page_count: pages.length } } };
  writeFileSync(join(outputDir, 'pagefind-entry.json'), JSON.stringify(entry));
  // Pagefind's scripts and WebAssembly: the same files in every bundle of one version.
  for (const name of readdirSync(previous.dir)) {
    if (name === 'pagefind-entry.json' || name.endsWith('.pf_meta') || isCacheFile(name) || statSync(join(previous.dir, name)).isDirectory()) continue;
    linkFile(join(previous.dir, name), join(outputDir, name));
  }
  return pages;
}
