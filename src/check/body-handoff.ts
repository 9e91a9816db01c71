/**
 * The body verdicts the stories loader hands the check in `npm run build`
 * (docs/decisions/030-bodies-parsed-once-per-build.md). The check and Astro run side by side, and
 * both parsed every body: the check for its verdict, the loader for the HTML. In a build the loader
 * also writes the verdict of each body it parses (src/site/story-loader.ts), in the body cache's
 * format, and the check, when it knows none of the bodies yet, waits for those instead of parsing
 * them itself. Whatever the loader did not hand over, the check parses as before.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { localeKeys } from '../config/locales.ts';
import { listDirs } from '../build/files.ts';
import { readBodyCache, type BodyCache } from './body-cache.ts';

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

/** Below this many bodies the check parses them itself: a few take milliseconds, while the loader reaches them only after Astro has started. */
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

/** The content folders whose bodies a loader hands over, each in `<folder>.json`: the `base` folders of src/content.config.ts's two story loaders. */
const FOLDERS = ['stories', 'pages'];

/** How many MDX files a content folder (stories/ or pages/ under `root`) holds, without reading them. */
function countMdxFiles(root: string, folder: string): number {
  let count = 0;
  for (const id of listDirs(join(root, folder))) {
    for (const locale of localeKeys) if (existsSync(join(root, folder, id, `${locale}.mdx`))) count += 1;
  }
  return count;
}

/**
 * Adds the loader's verdicts to `cache.previous` when the check knows no body yet (a fresh clone,
 * CI, new rules or parsers) and there are at least WORTH_WAITING: waits for the file of each folder
 * with a body, until it has come or the Astro process has ended (then it never will: a build Astro
 * could not run is one whose bodies the check must judge itself). A loader writes its file once,
 * whatever it parsed, so a body it did not parse (unchanged since Astro's last build) is left to
 * the check. After an edit the cache answers for all but the edited bodies, which the check parses
 * in milliseconds, so it does not wait. Returns how many verdicts it took.
 */
export async function awaitBodyVerdicts(root: string, cache: BodyCache, handoff: BodyHandoff, salt: string): Promise<number> {
  if (cache.previous.size > 0) return 0;
  const counts = FOLDERS.map((folder) => ({ folder, bodies: countMdxFiles(root, folder) })).filter(({ bodies }) => bodies > 0);
  if (counts.reduce((sum, { bodies }) => sum + bodies, 0) < WORTH_WAITING) return 0;
  let taken = 0;
  let left = counts.map(({ folder }) => join(handoff.dir, `${folder}.json`));
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
