/**
 * The desk's save path: what Keystatic sends to `POST /api/keystatic/update`, written to disk
 * only inside content/, images only when they are JPEG, PNG or WebP, and every text file
 * through preserve-bytes.ts so unchanged fields and bodies keep the editors' bytes.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { toDiskPath } from './desk-paths.ts';
import { getImageKind, IMAGE_EXTENSIONS, NOT_AN_IMAGE } from './image-kind.ts';
import { mergeMdx, mergeYaml } from './preserve-bytes.ts';

export interface DeskUpdate {
  additions: { path: string; contents: Uint8Array }[];
  deletions: { path: string }[];
}

export class Refused extends Error {}

/** Base64url (Keystatic's encoding of file contents) to bytes. */
export const fromBase64Url = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64url'));

const outside = (path: string) => new Refused(`${path}: 编辑台只写 content/ 之内 · the desk writes inside content/ only`);

/**
 * The folder a path may be written in: inside content/ even after following links. The file itself
 * must not be a link either: writing through a linked file would write wherever it points.
 */
function assertInsideContent(root: string, file: string): void {
  const content = realpathSync(join(root, 'content'));
  let dir = dirname(file);
  while (!existsSync(dir)) dir = dirname(dir);
  const real = realpathSync(dir);
  if (real !== content && !real.startsWith(content + sep)) throw outside(relative(root, file));
  if (lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) throw outside(relative(root, file));
}

/** Only the contract's kinds of file: MDX and YAML entries, and a photo's own image under its own extension. */
function assertContractFile(disk: string, contents: Uint8Array): void {
  if (/\.(mdx|yaml)$/.test(disk)) return;
  const kind = getImageKind(contents);
  const extension = disk.split('.').at(-1)!.toLowerCase();
  const named = kind === 'jpeg' ? ['jpg', 'jpeg'].includes(extension) : extension === (kind && IMAGE_EXTENSIONS[kind]);
  if (!kind || !named || !/\/photos\/[^/]+$/.test(disk)) throw new Refused(`${disk}: ${NOT_AN_IMAGE}`);
}

/**
 * A story or photo moved to another folder loses what stays behind (its other language, its photos,
 * its address: no alias is written) and the check cannot see it; moving is done in files.
 */
function assertNoMove(writes: string[], deletions: string[]): void {
  for (const deleted of deletions) {
    const moved = writes.find((written) => basename(written) === basename(deleted) && dirname(written) !== dirname(deleted));
    if (moved && existsSync(deleted)) {
      throw new Refused(`${moved}: 编辑台不能移动或改名稿件、图片，请在文件中改并加 aliases · the desk cannot move or rename a story or photo: do it in the files, with an alias (README)`);
    }
  }
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
    if (!disk) throw outside(path);
    assertContractFile(disk, contents);
    assertInsideContent(root, join(root, disk));
    return { disk, bytes: textOf(root, disk, contents) };
  });
  const deletions = update.deletions.map(({ path }) => {
    const disk = toDiskPath(path);
    if (!disk) throw outside(path);
    assertInsideContent(root, join(root, disk));
    return disk;
  });
  assertNoMove(writes.map((write) => join(root, write.disk)), deletions.map((disk) => join(root, disk)));
  for (const { disk, bytes } of writes) {
    const file = join(root, disk);
    mkdirSync(dirname(file), { recursive: true });
    if (!existsSync(file) || !Buffer.from(readFileSync(file)).equals(Buffer.from(bytes))) writeFileSync(file, bytes);
  }
  for (const disk of deletions) rmSync(join(root, disk), { force: true });
  return [...writes.map((write) => write.disk), ...deletions];
}
