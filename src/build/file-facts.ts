/**
 * What a build reads out of the built site's files (the assets a page names, a story page's
 * search digest, a page's sitemap date), remembered between builds by each file's identity on
 * disk, so that a rebuild reads the files that changed, not the whole archive again.
 *
 * Identity is device, inode, size and modification time to the nanosecond. That is enough because
 * of how pages reach the site: Astro restores an unchanged page as a hard link to its cached copy
 * (decision 019), the same inode build after build, and a page it renders is a new file (its cached
 * copy too is written aside and renamed, never in place). A file changed in place gets a new time.
 *
 * The racy case, as git's index knows it: a file written in the same clock tick as its reading
 * could change again within that tick at the same size, unseen on a filesystem with coarse times.
 * So files younger than a few seconds are read every time and never remembered.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { relativePath } from './files.ts';
import { getSourceHash } from './hash.ts';

const RACY_MS = 3000;

const unreadable = (): never => {
  throw new Error('file facts: not a store this code wrote');
};

/** A file's facts: a list of strings, each kept once in the store (the pages of a site name the same photos). */
export type Facts = readonly string[];

interface Store {
  version: string;
  strings: string[];
  /** By file name: its identity, and its facts as indices into `strings`. */
  files: Record<string, [identity: string, facts: number[]]>;
}

export class FileFacts {
  readonly #store: string | undefined;
  readonly #root: string;
  readonly #version: string;
  readonly #known = new Map<string, [identity: string, facts: Facts]>();
  /** Only the files read in this build are remembered, so the store never outgrows the site. */
  readonly #read = new Map<string, [identity: string, facts: Facts]>();

  /**
   * `store`: the JSON file that remembers, or undefined to read every file every time.
   * `root`: the site folder, which files are named relative to. `version`: a hash of the code that
   * extracts the facts; a store written by other code is ignored.
   */
  constructor(store: string | undefined, root: string, version: string) {
    this.#store = store;
    this.#root = root;
    this.#version = `${getSourceHash(import.meta.url)}:${version}`;
    if (!store) return;
    try {
      const saved = JSON.parse(readFileSync(store, 'utf8')) as Store;
      if (saved.version !== this.#version) return;
      const { strings, files } = saved;
      if (!Array.isArray(strings) || !strings.every((value) => typeof value === 'string')) unreadable();
      for (const [name, entry] of Object.entries(files)) {
        const [identity, indices]: unknown[] = Array.isArray(entry) ? entry : [];
        if (typeof identity !== 'string' || !Array.isArray(indices)) return unreadable();
        this.#known.set(name, [identity, indices.map((index: unknown) => (Number.isInteger(index) ? strings[index as number] : undefined) ?? unreadable())]);
      }
    } catch {
      // No store yet, or one a crash left unreadable: every file is read, as on a first build.
      this.#known.clear();
    }
  }

  /**
   * The facts of `file`, from the store when the file is the one they were read from and `isWhole`
   * accepts them, else from `extract`.
   */
  read(file: string, extract: (bytes: Buffer) => Facts, isWhole: (facts: Facts) => boolean = () => true): Facts {
    const stat = statSync(file, { bigint: true });
    const identity = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
    const name = relativePath(this.#root, file);
    const known = this.#known.get(name);
    if (known?.[0] === identity && isWhole(known[1])) {
      this.#read.set(name, known);
      return known[1];
    }
    const facts = extract(readFileSync(file));
    if (Date.now() - Number(stat.mtimeMs) > RACY_MS) this.#read.set(name, [identity, facts]);
    return facts;
  }

  /**
   * Writes the store, aside and renamed, so a build killed while writing leaves the last one whole.
   * A store that cannot be written (a full disk) costs the next build its reading, not this build.
   */
  save(): void {
    if (!this.#store) return;
    const strings = new Map<string, number>();
    const intern = (value: string) => strings.get(value) ?? (strings.set(value, strings.size), strings.size - 1);
    const files: Store['files'] = {};
    for (const [name, [identity, facts]] of this.#read) files[name] = [identity, facts.map(intern)];
    const aside = `${this.#store}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.#store), { recursive: true });
      writeFileSync(aside, JSON.stringify({ version: this.#version, strings: [...strings.keys()], files } satisfies Store));
      renameSync(aside, this.#store);
    } catch (error) {
      try {
        rmSync(aside, { force: true });
      } catch {
        // Its folder could not be made either: nothing was written.
      }
      console.warn(`${this.#store}: not saved (${(error as Error).message}); the next build reads every page again.`);
    }
  }
}
