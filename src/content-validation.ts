/**
 * Wires the schemas of src/content.config.ts into the pure validator, for the build
 * script, `npm run check` and the Astro integration alike.
 */
import { z } from 'astro/zod';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePhotoSchema, PersonSchema, SectionSchema, StorySchema } from './content.config.ts';
import { formatProblem, hasErrors, validateContent, type Problem } from './lib/validate.ts';

export const contentSchemas = {
  story: StorySchema,
  // The validator checks the image file itself (exists, decodes, width), so here it is a path.
  photo: makePhotoSchema(() => z.string().min(1, 'expected a relative path such as ./photo-id.jpg')),
  person: PersonSchema,
  section: SectionSchema,
};

export interface ContentReport {
  problems: Problem[];
  lines: string[];
  ok: boolean;
}

function lockHash(projectRoot: string): string {
  const lock = join(projectRoot, 'package-lock.json');
  return existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex').slice(0, 16) : '';
}

/** Validates <projectRoot>/content and formats every problem, one a line. */
export async function checkContent(projectRoot: string): Promise<ContentReport> {
  const problems = await validateContent(join(projectRoot, 'content'), {
    schemas: contentSchemas,
    // Beside Astro's caches, so a fresh clone or temp copy starts without it.
    bodyCacheFile: join(projectRoot, '.gazette/cache/checked-bodies.json'),
    // A parser upgrade (remark-mdx, remark-gfm) changes the lock file: check every body again.
    bodyCacheSalt: lockHash(projectRoot),
  });
  return {
    problems,
    lines: problems.map((problem) => formatProblem(problem, projectRoot)),
    ok: !hasErrors(problems),
  };
}
