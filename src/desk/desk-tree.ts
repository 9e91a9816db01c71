/**
 * The file list Keystatic's local mode expects (`GET /api/keystatic/tree`): every file with its
 * git blob sha, and every folder with its git tree sha, as Keystatic's own server computes them.
 * Ours lists content/ only, with photo images at the place Keystatic looks for them (desk-paths.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DESK_ROOT, toDeskPath } from './desk-paths.ts';

export interface TreeEntry {
  path: string;
  mode: '100644' | '040000';
  type: 'blob' | 'tree';
  sha: string;
}

interface Folder {
  files: Map<string, string>;
  folders: Map<string, Folder>;
}

const sha1 = (...parts: Uint8Array[]) => createHash('sha1').update(Buffer.concat(parts)).digest('hex');

/** The git blob sha of a file's bytes: Keystatic asks for and checks files by it. */
export function blobSha(contents: Uint8Array): string {
  return sha1(Buffer.from(`blob ${contents.byteLength}\0`), contents);
}

function treeSha(folder: Folder, shas: Map<Folder, string>): string {
  const entries = [
    ...[...folder.files].map(([name, sha]) => ({ name, sort: name, mode: '100644', sha })),
    ...[...folder.folders].map(([name, child]) => ({ name, sort: `${name}/`, mode: '40000', sha: shas.get(child)! })),
  ].sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
  const body = Buffer.concat(entries.flatMap((entry) => [Buffer.from(`${entry.mode} ${entry.name}\0`), Buffer.from(entry.sha, 'hex')]));
  return sha1(Buffer.from(`tree ${body.byteLength}\0`), body);
}

function filesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return filesUnder(root, path);
    return entry.isFile() ? [path] : [];
  });
}

/** Every file and folder of the project's content/, as Keystatic sees them. */
export function readDeskTree(root: string): TreeEntry[] {
  const top: Folder = { files: new Map(), folders: new Map() };
  for (const path of filesUnder(root, DESK_ROOT)) {
    const segments = toDeskPath(path).split('/');
    let folder = top;
    for (const name of segments.slice(0, -1)) {
      if (!folder.folders.has(name)) folder.folders.set(name, { files: new Map(), folders: new Map() });
      folder = folder.folders.get(name)!;
    }
    folder.files.set(segments.at(-1)!, blobSha(readFileSync(join(root, path))));
  }
  const shas = new Map<Folder, string>();
  const entries: TreeEntry[] = [];
  const walk = (folder: Folder, prefix: string): void => {
    for (const [name, child] of folder.folders) {
      walk(child, `${prefix}${name}/`);
      shas.set(child, treeSha(child, shas));
    }
  };
  walk(top, '');
  const list = (folder: Folder, prefix: string): void => {
    for (const [name, child] of folder.folders) {
      entries.push({ path: `${prefix}${name}`, mode: '040000', type: 'tree', sha: shas.get(child)! });
      list(child, `${prefix}${name}/`);
    }
    for (const [name, sha] of folder.files) entries.push({ path: `${prefix}${name}`, mode: '100644', type: 'blob', sha });
  };
  list(top, '');
  return entries;
}
