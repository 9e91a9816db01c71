/**
 * Arguments of `npm run bench`, parsed by a pure function so the bad-input rule is unit-tested
 * without building anything.
 */

export const USAGE = 'usage: npm run bench -- --stories N [--json] [--keep] [--gazette-only | --cold-only]   (N: a positive integer, e.g. 300)';

/**
 * How much of the run to do. A full run is seven builds, hours at 20,000 stories; the archive
 * figures need only Gazette's own builds, or only its cold one.
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

export type ParsedArgs = { ok: true; options: BenchOptions } | { ok: false; error: string };

/** Parses argv (without node and the script). Never throws; never exits. */
export function parseBenchArgs(argv: readonly string[]): ParsedArgs {
  let stories: string | undefined;
  let json = false;
  let keep = false;
  let gazetteOnly = false;
  let coldOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--keep') keep = true;
    else if (arg === '--gazette-only') gazetteOnly = true;
    else if (arg === '--cold-only') coldOnly = true;
    else if (arg === '--stories') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, error: '--stories needs a value' };
      stories = value;
      i++;
    } else if (arg.startsWith('--stories=')) stories = arg.slice('--stories='.length);
    else return { ok: false, error: `unknown argument "${arg}"` };
  }
  if (stories === undefined) return { ok: false, error: '--stories is required' };
  // Digits only: "1e3", "3.0", "+5", " 7" and "0x10" are refused rather than guessed at.
  if (!/^[0-9]+$/.test(stories) || Number(stories) < 1 || !Number.isSafeInteger(Number(stories))) {
    return { ok: false, error: `--stories must be a positive integer, got "${stories}"` };
  }
  // --cold-only is the narrower of the two, and already leaves out everything --gazette-only does.
  const mode: BenchMode = coldOnly ? 'cold-only' : gazetteOnly ? 'gazette-only' : 'full';
  return { ok: true, options: { stories: Number(stories), json, keep, mode } };
}
