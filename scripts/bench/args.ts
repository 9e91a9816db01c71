/**
 * Arguments of `npm run bench`, parsed by a pure function so the bad-input rule is unit-tested
 * without building anything.
 */

export const USAGE =
  'usage: npm run bench -- --stories N [--json] [--keep] [--runs R] [--gazette-only | --cold-only]   (N: a positive integer, e.g. 300; R: an odd one, e.g. 3)';

/**
 * Cold builds of Gazette and of the like-for-like baseline in a full run, alternated, the median
 * reported: on this 2-core VM one side's cold builds within one run can spread over 17%, more than
 * the gap the ratio measures (docs/performance.md).
 */
export const DEFAULT_RUNS = 3;

/**
 * How much of the run to do. A full run is 5 + 2R builds (11 by default), hours at 20,000
 * stories; the archive figures need only Gazette's own builds, or only its cold one.
 */
export type BenchMode = 'full' | 'gazette-only' | 'cold-only';

export interface BenchOptions {
  /** Stories in the synthetic corpus, each in zh and en. */
  stories: number;
  /** Print one JSON line last, after the table. */
  json: boolean;
  /** Keep the temp projects (for looking at the output); they are removed otherwise. */
  keep: boolean;
  mode: BenchMode;
  /** Cold pairs (Gazette, like-for-like baseline) in a full run, odd; 1 in the other modes, which build no baseline. */
  runs: number;
}

/** The builds a mode runs, besides Gazette's cold build (and the first search after it), which every mode runs. */
export interface BenchSteps {
  /** Gazette warm after a body edit, then after a headline edit. */
  warm: boolean;
  /** Gazette in a fresh copy with only the encoded images restored. */
  imagesCached: boolean;
  /** The three bare Astro baselines. */
  baselines: boolean;
}

export function stepsOf(mode: BenchMode): BenchSteps {
  return { warm: mode !== 'cold-only', imagesCached: mode === 'full', baselines: mode === 'full' };
}

const VALUED_OPTIONS = ['--stories', '--runs'] as const;
type ValuedOption = (typeof VALUED_OPTIONS)[number];

export type ParsedArgs = { ok: true; options: BenchOptions } | { ok: false; error: string };

/** Parses argv (without node and the script). Never throws; never exits. */
export function parseBenchArgs(argv: readonly string[]): ParsedArgs {
  const values: Record<ValuedOption, string | undefined> = { '--stories': undefined, '--runs': undefined };
  let json = false;
  let keep = false;
  let gazetteOnly = false;
  let coldOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const valued = VALUED_OPTIONS.find((name) => arg === name || arg.startsWith(`${name}=`));
    if (valued === undefined) {
      if (arg === '--json') json = true;
      else if (arg === '--keep') keep = true;
      else if (arg === '--gazette-only') gazetteOnly = true;
      else if (arg === '--cold-only') coldOnly = true;
      else return { ok: false, error: `unknown argument "${arg}"` };
    } else if (arg !== valued) values[valued] = arg.slice(valued.length + 1);
    else {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return { ok: false, error: `${valued} needs a value` };
      values[valued] = value;
    }
  }
  const { '--stories': stories, '--runs': runs } = values;
  if (stories === undefined) return { ok: false, error: '--stories is required' };
  if (!isPositiveInteger(stories)) return { ok: false, error: `--stories must be a positive integer, got "${stories}"` };
  // Odd, so that each side's median is one of its runs: with two middle runs, either choice
  // would lean one way, and the first cold build (the session's first, not alternated) is often one.
  if (runs !== undefined && !(isPositiveInteger(runs) && Number(runs) % 2 === 1)) return { ok: false, error: `--runs must be an odd positive integer, got "${runs}"` };
  // --cold-only is the narrower of the two, and already leaves out everything --gazette-only does.
  const mode: BenchMode = coldOnly ? 'cold-only' : gazetteOnly ? 'gazette-only' : 'full';
  // Repeating the cold build without its baseline would time nothing the ratio uses: refused, not ignored.
  if (runs !== undefined && mode !== 'full') return { ok: false, error: `--runs repeats the cold pair with the like-for-like baseline, which --${mode} leaves out` };
  const pairs = mode === 'full' ? Number(runs ?? DEFAULT_RUNS) : 1;
  return { ok: true, options: { stories: Number(stories), json, keep, mode, runs: pairs } };
}

// Digits only: "1e3", "3.0", "+5", " 7" and "0x10" are refused rather than guessed at.
function isPositiveInteger(value: string): boolean {
  return /^[0-9]+$/.test(value) && Number(value) >= 1 && Number.isSafeInteger(Number(value));
}
