/**
 * The one file walker: content folders for the check, the stories loader and the editors'
 * scripts alike, so they all see the same entries in the same order, and the built site for
 * the asset pruner and the tests. A missing folder is
 * empty rather than an error: a new site may have no people/ or photos/ yet. And the one way the
 * build puts a cached file into a site: a hard link.
 */
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { compareCodeUnits } from '../newsroom/order.ts';

/** Names in a folder, sorted by code unit so every machine lists them alike. */
export function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** Names of a folder's subfolders, sorted; a symbolic link to a folder counts as one. */
export function listDirs(dir: string): string[] {
  return listDir(dir).filter((name) => statSync(join(dir, name)).isDirectory());
}

/** Every file below `dir`, recursively, as full paths; throws when `dir` does not exist. */
export function listFiles(dir: string, out: string[] = []): string[] {
  // The directory entry's type, not a stat of each file: a site has tens of thousands of files.
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(path).isDirectory())) listFiles(path, out);
    else out.push(path);
  }
  return out;
}

/** `file`'s path below `dir` with forward slashes, as site paths and manifests write it on any OS. */
export function relativePath(dir: string, file: string): string {
  return relative(dir, file).split('\\').join('/');
}

/** Errors that mean "no hard link here", where a copy is the answer. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK']);

/** Links a file that is never written in place (cached search files are written aside and renamed), or copies it where the filesystem cannot link. */
export function linkFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    // Another filesystem (a cache mounted elsewhere) or one without links: copy. Nothing else, and
    // never over a file: that would write through to whatever the file is linked to.
    if (!NO_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(from, to, constants.COPYFILE_EXCL);
  }
}

/**
 * Writes `file` aside and renames it over the old one (making its folder): a reader, or the next
 * build after a kill, finds the old file or the new one, never half of one. A kill between the
 * two leaves `<file>.<pid>.tmp`, which the next build removes (unfinished-build.ts).
 */
export function writeFileAside(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, data);
  renameSync(aside, file);
}

/** Removes from `dir` (if there) the aside files a killed writeFileAside left for the files whose names match `of`. */
export function removeAsideFiles(dir: string, of: RegExp): void {
  for (const name of listDir(dir)) {
    const file = /^(.*)\.\d+\.tmp$/.exec(name)?.[1];
    if (file !== undefined && of.test(file)) rmSync(join(dir, name), { force: true });
  }
}
