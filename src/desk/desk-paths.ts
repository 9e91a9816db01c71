/**
 * Where the desk may read and write, and the one place its view of the files differs from the
 * contract. Keystatic keeps an entry's uploaded image in a folder named after the entry
 * (photos/<photo-id>/<file>); the contract keeps it beside the entry (photos/<photo-id>.jpg).
 * The desk's API shows each photo file at the place Keystatic looks for it and writes it back
 * beside its entry, so the files on disk never change shape (docs/decisions/013-editing-desk.md).
 */
import { posix } from 'node:path';

/** Everything the desk touches is under this folder of the project. */
export const DESK_ROOT = 'content';

const IMAGE_EXTENSION = /\.(jpe?g|png|webp)$/i;
const DISK_PHOTO = /^(content\/stories\/[^/]+\/photos)\/([^/]+)(\.[^./]+)$/;
const DESK_PHOTO = /^(content\/stories\/[^/]+\/photos)\/([^/]+)\/([^/]+)(\.[^./]+)$/;

/** A path the desk may touch: relative, inside content/, no `.`/`..` segments, no backslash. */
export function isDeskPath(path: string): boolean {
  if (path.includes('\\') || path.includes('\0') || path.startsWith('/')) return false;
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return false;
  return segments[0] === DESK_ROOT && segments.length > 1 && posix.normalize(path) === path;
}

/** Where Keystatic sees a file that is at `path` on disk. */
export function toDeskPath(path: string): string {
  const match = DISK_PHOTO.exec(path);
  if (!match || !IMAGE_EXTENSION.test(path)) return path;
  const [, photos, id, extension] = match;
  return `${photos}/${id}/${id}${extension}`;
}

/** Where a file that Keystatic names `path` is on disk; undefined when the desk may not touch it. */
export function toDiskPath(path: string): string | undefined {
  if (!isDeskPath(path)) return undefined;
  const match = DESK_PHOTO.exec(path);
  if (!match) return path;
  const [, photos, folder, name, extension] = match;
  // Only a photo's own image maps back; anything else in such a folder has no place in the contract.
  if (folder !== name || !IMAGE_EXTENSION.test(path)) return undefined;
  return `${photos}/${name}${extension}`;
}
