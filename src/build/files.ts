/**
 * The one walker of content folders, for the check, the stories loader and the editors'
 * scripts alike, so they all see the same entries in the same order. A missing folder is
 * empty rather than an error: a new site may have no people/ or photos/ yet.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Names in a folder, sorted by code unit so every machine lists them alike. */
export function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** Names of a folder's subfolders, sorted; a symbolic link to a folder counts as one. */
export function listDirs(dir: string): string[] {
  return listDir(dir).filter((name) => statSync(join(dir, name)).isDirectory());
}
