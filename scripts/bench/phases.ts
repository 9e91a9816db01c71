/**
 * Phase durations from an Astro build log, for the benchmark's "where the time goes" table.
 * Informational only: Astro's log format is not an API, so a phase it cannot find is shown as "?".
 */
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

/** Astro's durations, e.g. "815ms", "3.69s", "1m 25s", in ms. */
export function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d+)m\s*)?(?:([\d.]+)s)?(?:([\d.]+)ms)?$/.exec(text.trim());
  if (!match || (!match[1] && !match[2] && !match[3])) return undefined;
  return Number(match[1] ?? 0) * 60_000 + Number(match[2] ?? 0) * 1000 + Number(match[3] ?? 0);
}

export interface Phases {
  /** Vite's server build: where every MDX file is compiled. */
  vite?: number;
  /** Rendering the pages. */
  pages?: number;
  /** Encoding (or fetching from the cache) the images. */
  images?: number;
  /**
   * Images Astro's images step found already in its cache, of all it lists. In a cold build those
   * were encoded while pages rendered (decisions 021 and 029).
   */
  imagesEarly?: { cached: number; total: number };
  /** All of `astro build`, by Astro's own timer. */
  astro?: number;
  /**
   * Gazette only, from the `timings:` line of scripts/build.ts (GAZETTE_TIMINGS=1): the `astro
   * build` process from start to exit (its timer misses start-up, config and content sync), and
   * the search index (Pagefind).
   */
  astroProcess?: number;
  search?: number;
}

/** Phase durations from an Astro build log (informational: Astro's log format is not an API). */
export function phasesOf(logFile: string): Phases {
  return phasesOfLog(readFileSync(logFile, 'utf8'));
}

export function phasesOfLog(log: string): Phases {
  // Astro colours its log where it thinks a terminal or a CI job reads it (CI=true).
  const text = stripVTControlCharacters(log);
  const after = (heading: string) => {
    const start = text.indexOf(heading);
    const match = start < 0 ? null : /✓ Completed in ([^.\n]+(?:\.\d+s)?)\.?\n/.exec(text.slice(start));
    return match ? parseDuration(match[1]!) : undefined;
  };
  const vite = /\[vite\] ✓ built in (\S+)/.exec(text);
  const astro = /\[build\] \d+ page\(s\) built in (.+)/.exec(text);
  const timings = /^timings: (.+)$/m.exec(text);
  const at = Object.fromEntries((timings?.[1] ?? '').split(', ').map((pair) => pair.split(' ')).map(([name, ms]) => [name, Number(ms)]));
  const timed = timings ? { astroProcess: at.astro! - at.start!, search: at.search! - at.prune! } : {};
  const imageStep = text.indexOf('generating optimized images');
  // Each image listed once: "▶ /_astro/x.avif (reused cache entry) (+0ms) (3/420)".
  const listed = imageStep < 0 ? [] : [...text.slice(imageStep).matchAll(/▶ .*\(\d+\/\d+\)$/gm)].map((line) => line[0]);
  return {
    ...timed,
    ...(listed.length > 0 ? { imagesEarly: { cached: listed.filter((line) => line.includes('(reused cache entry)')).length, total: listed.length } } : {}),
    vite: vite ? parseDuration(vite[1]!) : undefined,
    pages: after('generating static routes'),
    // No heading at all: a build without images (the baselines).
    images: text.includes('generating optimized images') ? after('generating optimized images') : astro ? 0 : undefined,
    astro: astro ? parseDuration(astro[1]!) : undefined,
  };
}

