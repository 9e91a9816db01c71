/**
 * The one sha256 of the build: page cache keys, the check's body cache, and what cached results
 * depend on besides their input (the code that made them and the installed packages: a parser
 * upgrade changes package-lock.json), so no cache outlives them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function sha256(data: string | Buffer, encoding: 'hex' | 'base64url'): string {
  return createHash('sha256').update(data).digest(encoding);
}

// 64 bits is plenty to tell one version of the code apart from the next.
const shortHash = (data: string | Buffer) => sha256(data, 'hex').slice(0, 16);

/** A hash of package-lock.json, or '' where there is none. */
export function getLockHash(projectRoot: string): string {
  const lock = join(projectRoot, 'package-lock.json');
  return existsSync(lock) ? shortHash(readFileSync(lock)) : '';
}

/** A hash of the source of the modules at these URLs (an import.meta.url, or one resolved from it). */
export function getSourceHash(...moduleUrls: string[]): string {
  return shortHash(moduleUrls.map((url) => readFileSync(fileURLToPath(url), 'utf8')).join('\0'));
}
