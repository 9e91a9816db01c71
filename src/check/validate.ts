/**
 * The one content validator, shared by `npm run check` and `npm run build` so they can
 * never disagree. It reads the editors' files itself (not Astro's store) because it must
 * see the raw text: line numbers for every problem, offsets on dates that YAML would
 * otherwise turn into offset-less Date objects, and MDX bodies before they compile.
 * Problems are collected, never thrown, so an editor sees every one of them at once.
 */
import { resolve } from 'node:path';
import { localeKeys, locales, type Locale } from '../config/locales.ts';
import { readBodyCache, writeCheckedBodies } from './body-cache.ts';
import { awaitBodyVerdicts, type BodyHandoff } from './body-handoff.ts';
import { loadContent } from './content-files.ts';
import { checkEntries, checkPhotoLanguages } from './cross-entry.ts';
import { checkExceptionsFile, checkExceptionUse } from './exceptions-file.ts';
import { checkImage } from './image-check.ts';
import { checkPages } from './page-files.ts';
import type { Problem } from './problems.ts';
import type { ContentSchemas } from './schema-messages.ts';
import { checkInvisible } from './text-rules.ts';

export interface ValidateOptions {
  schemas: ContentSchemas;
  /** Skip decoding image files (unit tests of pure rules). */
  skipImageDecode?: boolean;
  /** A JSON file that remembers what each MDX body already checked was found to hold (BodyCache). */
  bodyCacheFile?: string;
  /** Mixed into the cache's version: results are only reused while it is unchanged. */
  bodyCacheSalt?: string;
  /** In `npm run build`: take the stories loader's verdicts on the bodies it parses (body-handoff.ts). */
  bodyHandoff?: BodyHandoff;
}

/**
 * Validates everything under a content/ folder. Returns every problem found; the caller
 * decides that any error stops the build. `root` is the content folder itself.
 */
export async function validateContent(root: string, options: ValidateOptions): Promise<Problem[]> {
  const problems: Problem[] = [];
  const bodyCache = options.bodyCacheFile ? readBodyCache(options.bodyCacheFile, options.bodyCacheSalt) : undefined;
  if (bodyCache && options.bodyHandoff) options.bodyHandoff.taken = await awaitBodyVerdicts(root, bodyCache, options.bodyHandoff, options.bodyCacheSalt ?? '');
  const content = loadContent(resolve(root), problems, bodyCache);
  const pages = checkPages(content.root, options.schemas, problems, bodyCache);
  const exceptions = checkExceptionsFile(content.root, problems);
  if (bodyCache && options.bodyCacheFile) writeCheckedBodies(options.bodyCacheFile, bodyCache.next, options.bodyCacheSalt);
  for (const { file, yaml } of [...content.stories, ...pages, ...content.photos, ...content.people.values(), ...content.sections.values(), ...(exceptions ? [exceptions] : [])]) {
    if (yaml) checkInvisible(yaml, file, problems);
  }
  if (exceptions) {
    // The exceptions apply to the text editions are converted from: those language files, and the YAML entries (their text sits beside the others').
    const from = new Set<Locale | undefined>(localeKeys.map((key) => locales[key].derivedFrom));
    const sources = [...content.stories, ...pages].filter((file) => from.has(file.locale)).map((file) => file.file);
    checkExceptionUse(exceptions, [...sources, ...content.photos.map((photo) => photo.file), ...[...content.people.values(), ...content.sections.values()].map((entry) => entry.file)], problems);
  }
  const { photos, photoNeeds } = checkEntries(content, options.schemas, problems);
  // Each photo in use: its text in every language it is shown in, and an image that decodes.
  for (const [id, photo] of photos) {
    if (!photo.data) continue;
    const needs = photoNeeds.get(id) ?? [];
    checkPhotoLanguages(photo.file, photo.data, needs, content.root, problems);
    await checkImage(photo.file, photo.data, needs, content.root, options.skipImageDecode ?? false, problems);
  }
  return problems;
}
