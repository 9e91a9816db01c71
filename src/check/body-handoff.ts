/**
 * The body verdicts the stories loader hands the check in `npm run build`
 * (docs/decisions/030-bodies-parsed-once-per-build.md). The check and Astro run side by side, and
 * both parsed every body: the check for its verdict, the loader for the HTML. In a build the loader
 * also writes the verdict of each body it parses (src/site/story-loader.ts), in the body cache's
 * format, and the check, when enough of its bodies are new to it, waits for those instead of
 * parsing them itself. Whatever the loader did not hand over, the check parses as before.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { localeKeys } from '../config/locales.ts';
import { listDirs } from '../build/files.ts';
import { bodyKey, readBodyCache, type BodyCache } from './body-cache.ts';
import { splitFrontmatter } from './frontmatter.ts';

/** Where the loader writes its verdicts, and the Astro process it runs in. */
export interface BodyHandoff {
  dir: string;
  astroPid: number;
  /** How many verdicts the check took from the loader: set once it has waited. */
  taken?: number;
}

/** Set by scripts/build.ts only: a plain `npm run check` or `astro dev` parses its own bodies. */
export function getBodyHandoff(env: NodeJS.ProcessEnv = process.env): BodyHandoff | undefined {
  const dir = env.GAZETTE_BODY_VERDICTS;
  const astroPid = Number(env.GAZETTE_BODY_VERDICTS_FROM);
  return dir && Number.isInteger(astroPid) && astroPid > 0 ? { dir, astroPid } : undefined;
}

/**
 * Below this many new bodies the check parses them itself: a one-story edit's body takes
 * milliseconds, while the loader reaches it only after Astro has started, a second or more later.
 */
export const WORTH_WAITING = 64;

/** How often the check looks for the loader's verdicts while it waits. */
const POLL_MS = 20;

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The content folders whose bodies the loader hands over, each in `<folder>.json` (src/site/story-loader.ts). */
const FOLDERS = ['stories', 'pages'];

/** The keys of every body in a content folder (stories/ or pages/ under `root`), as the check will look them up. */
function bodyKeys(root: string, folder: string): string[] {
  const keys: string[] = [];
  for (const id of listDirs(join(root, folder))) {
    for (const locale of localeKeys) {
      const file = join(root, folder, id, `${locale}.mdx`);
      // Anything unreadable here the check itself reports, with its line, when it reads the file.
      const parts = existsSync(file) ? splitFrontmatter(readFileSync(file, 'utf8')) : undefined;
      if (parts) keys.push(bodyKey(parts.body, parts.bodyLine));
    }
  }
  return keys;
}

/**
 * Adds the loader's verdicts to `cache.previous`, when at least WORTH_WAITING bodies have none in
 * it: waits for each folder's file that could answer one of them, until it has come or the Astro
 * process has ended (then it never will: a build Astro could not run is one whose bodies the
 * check must judge itself). A loader writes its file once, whatever it parsed, so a body it did
 * not parse (unchanged since Astro's last build) is left to the check. Returns how many it took.
 */
export async function awaitBodyVerdicts(root: string, cache: BodyCache, handoff: BodyHandoff, salt: string): Promise<number> {
  const waiting = FOLDERS.map((folder) => ({ folder, missing: bodyKeys(root, folder).filter((key) => !cache.previous.has(key)).length })).filter(({ missing }) => missing > 0);
  if (waiting.reduce((sum, { missing }) => sum + missing, 0) < WORTH_WAITING) return 0;
  let taken = 0;
  let left = waiting.map(({ folder }) => join(handoff.dir, `${folder}.json`));
  while (left.length > 0) {
    const running = isRunning(handoff.astroPid);
    for (const file of left.filter((name) => existsSync(name))) {
      for (const [key, checked] of readBodyCache(file, salt).previous) {
        if (!cache.previous.has(key)) taken += 1;
        cache.previous.set(key, checked);
      }
      left = left.filter((name) => name !== file);
    }
    if (!running) break;
    if (left.length > 0) await sleep(POLL_MS);
  }
  return taken;
}
