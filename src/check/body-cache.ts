/** The body check's results, kept in a JSON file from one run of the check to the next. */
import { readFileSync } from 'node:fs';
import { writeFileAside } from '../build/files.ts';
import { getSourceHash, sha256 } from '../build/hash.ts';
import { checkBody } from './body-check.ts';
import type { Problem } from './problems.ts';

/** What checkBody found in one body, without the file name: the same body gives the same result. */
export interface CheckedBody {
  photos: { id: string; line?: number }[];
  problems: Omit<Problem, 'file'>[];
}

/** What checkBody found, as kept: the problems without their file. */
export const toCheckedBody = (photos: CheckedBody['photos'], problems: Problem[]): CheckedBody => ({
  photos,
  problems: problems.map(({ file: _file, ...rest }) => rest),
});

/** The key of a body's result: the same body at the same line of its file gives the same result. */
export const bodyKey = (body: string, bodyLine: number) => sha256(`${bodyLine}\0${body}`, 'base64url');

/**
 * checkBody results by a hash of (first body line, body), for bodies unchanged since the last
 * check: parsing MDX is most of the check's time, and a rebuild after editing one story should
 * parse one file. `next` collects the entries used in this run, so the cache never keeps the
 * bodies of deleted or edited files.
 */
export interface BodyCache {
  previous: Map<string, CheckedBody>;
  next: Map<string, CheckedBody>;
}

/**
 * Changes whenever the code that decides a body's verdict (the body check, its text rule and the body grammar)
 * or this file's way of storing it changes, so a cached result never outlives the rules that
 * made it; an edit to any other rule of the check leaves it valid.
 */
const VALIDATOR_VERSION = getSourceHash(
  import.meta.url,
  new URL('./body-check.ts', import.meta.url).href,
  new URL('./text-rules.ts', import.meta.url).href,
  new URL('../newsroom/body-syntax.ts', import.meta.url).href,
);

/** `salt` names what else the results depend on, e.g. a hash of the installed parser versions. */
export function readBodyCache(file: string, salt = ''): BodyCache {
  const cache: BodyCache = { previous: new Map(), next: new Map() };
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; bodies?: Record<string, CheckedBody> };
    if (saved.version === VALIDATOR_VERSION + salt && saved.bodies) cache.previous = new Map(Object.entries(saved.bodies));
  } catch {
    // No cache yet, or an unreadable one: check every body.
  }
  return cache;
}

/** Results by key, in the cache's format, written aside and renamed: a reader never sees half a file. */
export function writeCheckedBodies(file: string, bodies: Map<string, CheckedBody>, salt = ''): void {
  writeFileAside(file, JSON.stringify({ version: VALIDATOR_VERSION + salt, bodies: Object.fromEntries(bodies) }));
}

/** checkBody, answered from `cache` when the same body at the same line was checked before. */
export function checkBodyCached(body: string, file: string, bodyLine: number, problems: Problem[], cache: BodyCache | undefined) {
  if (!cache) return checkBody(body, file, bodyLine, problems);
  const key = bodyKey(body, bodyLine);
  let checked = cache.previous.get(key) ?? cache.next.get(key);
  if (!checked) {
    const own: Problem[] = [];
    checked = toCheckedBody(checkBody(body, file, bodyLine, own), own);
  }
  cache.next.set(key, checked);
  problems.push(...checked.problems.map((problem) => ({ ...problem, file })));
  return checked.photos.map((photo) => ({ ...photo }));
}
