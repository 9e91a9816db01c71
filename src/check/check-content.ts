/**
 * Wires the schemas of src/content.config.ts into the pure validator, for the build
 * script, `npm run check` and the Astro integration alike.
 */
import { join } from 'node:path';
import { getLockHash } from '../build/hash.ts';
import { ImagePathSchema, makePhotoSchema, NewsroomPageSchema, PersonSchema, SectionSchema, StorySchema } from '../content.config.ts';
import { getBodyHandoff } from './body-handoff.ts';
import { formatProblem, hasErrors, type Problem } from './problems.ts';
import { validateContent } from './validate.ts';

export const contentSchemas = {
  story: StorySchema,
  // The validator checks the image file itself (exists, decodes, width), so here it is a path.
  photo: makePhotoSchema(() => ImagePathSchema),
  person: PersonSchema,
  section: SectionSchema,
  page: NewsroomPageSchema,
};

export interface ContentReport {
  problems: Problem[];
  lines: string[];
  /** The lines of errors, then of warnings: what stops a build, and what only asks for a look. */
  errors: string[];
  warnings: string[];
  ok: boolean;
  /** In `npm run build`: how many bodies the check took the stories loader's verdict on instead of parsing them (decision 030). */
  bodiesFromLoader: number;
}

/** Validates <projectRoot>/content and formats every problem, one a line. */
export async function checkContent(projectRoot: string): Promise<ContentReport> {
  const bodyHandoff = getBodyHandoff();
  const problems = await validateContent(join(projectRoot, 'content'), {
    schemas: contentSchemas,
    // Beside Astro's caches, so a fresh clone or temp copy starts without it.
    bodyCacheFile: join(projectRoot, '.gazette/cache/checked-bodies.json'),
    // A parser upgrade (remark-mdx, remark-gfm) changes the lock file: check every body again.
    bodyCacheSalt: getLockHash(projectRoot),
    bodyHandoff,
  });
  const lines = problems.map((problem) => formatProblem(problem, projectRoot));
  const ofSeverity = (severity: Problem['severity']) => lines.filter((_, i) => problems[i]!.severity === severity);
  return { problems, lines, errors: ofSeverity('error'), warnings: ofSeverity('warning'), ok: !hasErrors(problems), bodiesFromLoader: bodyHandoff?.taken ?? 0 };
}
