/**
 * The desk's save path: what Keystatic sends to `POST /api/keystatic/update`, written to disk
 * only inside content/, images only when they are JPEG, PNG or WebP, and every text file
 * through preserve-bytes.ts so unchanged fields and bodies keep the editors' bytes.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { toDiskPath } from './desk-paths.ts';
import { getImageKind, NOT_AN_IMAGE } from './image-kind.ts';
import { mergeMdx, mergeYaml } from './preserve-bytes.ts';

export interface DeskUpdate {
  additions: { path: string; contents: Uint8Array }[];
  deletions: { path: string }[];
}

export class Refused extends Error {}

/** Base64url (Keystatic's encoding of file contents) to bytes. */
export const fromBase64Url = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64url'));

/** The folder a path may be written in: inside content/ even after following links. */
function assertInsideContent(root: string, file: string): void {
  const content = realpathSync(join(root, 'content'));
  let dir = dirname(file);
  while (!existsSync(dir)) dir = dirname(dir);
  const real = realpathSync(dir);
  if (real !== content && !real.startsWith(content + sep)) throw new Refused(`${relative(root, file)}: 编辑台只写 content/ 之内 · the desk writes inside content/ only`);
}

function textOf(root: string, disk: string, contents: Uint8Array): Uint8Array {
  const file = join(root, disk);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const after = Buffer.from(contents).toString('utf8');
  if (disk.endsWith('.mdx')) return Buffer.from(mergeMdx(before, after));
  if (disk.endsWith('.yaml')) return Buffer.from(mergeYaml(before, after));
  return contents;
}

/** Checks every change first, then writes: a refused save writes nothing. Returns the files written. */
export function applyDeskUpdate(root: string, update: DeskUpdate): string[] {
  const writes = update.additions.map(({ path, contents }) => {
    const disk = toDiskPath(path);
    if (!disk) throw new Refused(`${path}: 编辑台只写 content/ 之内 · the desk writes inside content/ only`);
    if (!/\.(mdx|yaml)$/.test(disk) && !getImageKind(contents)) throw new Refused(`${disk}: ${NOT_AN_IMAGE}`);
    assertInsideContent(root, join(root, disk));
    return { disk, bytes: textOf(root, disk, contents) };
  });
  const deletions = update.deletions.map(({ path }) => {
    const disk = toDiskPath(path);
    if (!disk) throw new Refused(`${path}: 编辑台只写 content/ 之内 · the desk writes inside content/ only`);
    assertInsideContent(root, join(root, disk));
    return disk;
  });
  for (const { disk, bytes } of writes) {
    const file = join(root, disk);
    mkdirSync(dirname(file), { recursive: true });
    if (!existsSync(file) || !Buffer.from(readFileSync(file)).equals(Buffer.from(bytes))) writeFileSync(file, bytes);
  }
  for (const disk of deletions) rmSync(join(root, disk), { force: true });
  return [...writes.map((write) => write.disk), ...deletions];
}
