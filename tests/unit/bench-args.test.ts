/**
 * `npm run bench`: bad input is refused with a usage line, by the pure parser and by the script
 * itself (which must stop before it writes anything).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNS, parseBenchArgs, stepsOf, USAGE } from '../../scripts/bench/args.ts';
import { parseDuration, phasesOfLog } from '../../scripts/bench/phases.ts';

describe('parseBenchArgs', () => {
  it('accepts a positive integer, with or without --json and --keep', () => {
    expect(parseBenchArgs(['--stories', '300'])).toEqual({ ok: true, options: { stories: 300, json: false, keep: false, mode: 'full', runs: DEFAULT_RUNS } });
    expect(parseBenchArgs(['--stories', '1', '--json'])).toEqual({ ok: true, options: { stories: 1, json: true, keep: false, mode: 'full', runs: DEFAULT_RUNS } });
    expect(parseBenchArgs(['--json', '--stories=1000', '--keep'])).toEqual({ ok: true, options: { stories: 1000, json: true, keep: true, mode: 'full', runs: DEFAULT_RUNS } });
  });

  it('takes --gazette-only and --cold-only anywhere; --cold-only wins, as it implies --gazette-only', () => {
    const mode = (argv: string[]) => {
      const result = parseBenchArgs(argv);
      return result.ok ? result.options.mode : result.error;
    };
    expect(mode(['--stories', '5000', '--gazette-only'])).toBe('gazette-only');
    expect(mode(['--gazette-only', '--stories=5000', '--json'])).toBe('gazette-only');
    expect(mode(['--cold-only', '--stories', '20000'])).toBe('cold-only');
    expect(mode(['--stories', '20000', '--gazette-only', '--cold-only'])).toBe('cold-only');
    expect(mode(['--cold-only', '--stories', '20000', '--gazette-only'])).toBe('cold-only');
    expect(mode(['--cold-only'])).toMatch(/--stories is required/);
    expect(mode(['--stories', '10', '--cold'])).toMatch(/unknown argument "--cold"/);
  });

  it('repeats the cold pair --runs times in a full run (3 by default), and once in the other modes', () => {
    const runs = (argv: string[]) => {
      const result = parseBenchArgs(argv);
      return result.ok ? result.options.runs : result.error;
    };
    expect(DEFAULT_RUNS).toBe(3);
    expect(runs(['--stories', '300'])).toBe(3);
    expect(runs(['--stories', '300', '--runs', '5'])).toBe(5);
    expect(runs(['--stories', '300', '--runs', '2'])).toMatch(/--runs must be an odd positive integer, got "2"/);
    expect(runs(['--runs=1', '--stories=300', '--json'])).toBe(1);
    expect(runs(['--stories', '5000', '--gazette-only'])).toBe(1);
    expect(runs(['--stories', '20000', '--cold-only'])).toBe(1);
    // Asked for with a mode that builds no baseline: refused, not silently dropped.
    expect(runs(['--stories', '5000', '--gazette-only', '--runs', '3'])).toMatch(/--runs .* which --gazette-only leaves out/);
    expect(runs(['--cold-only', '--runs=1', '--stories', '9'])).toMatch(/which --cold-only leaves out/);
  });

  it.each([
    [['--stories', '300', '--runs', '0'], /--runs must be an odd positive integer, got "0"/],
    [['--stories', '300', '--runs', '4'], /--runs must be an odd positive integer, got "4"/],
    [['--stories', '300', '--runs', '2.5'], /--runs must be an odd positive integer/],
    [['--stories', '300', '--runs=three'], /--runs must be an odd positive integer, got "three"/],
    [['--stories', '300', '--runs'], /--runs needs a value/],
    [['--stories', '300', '--runs', '--json'], /--runs needs a value/],
    [['--stories', '0'], /positive integer, got "0"/],
    [['--stories', '-1'], /needs a value|positive integer/],
    [['--stories', 'abc'], /positive integer, got "abc"/],
    [['--stories', '1.5'], /positive integer/],
    [['--stories', '1e3'], /positive integer/],
    [['--stories', ''], /positive integer/],
    [['--stories=-5'], /positive integer/],
    [['--stories'], /needs a value/],
    [['--stories', '--json'], /needs a value/],
    [[], /--stories is required/],
    [['--json'], /--stories is required/],
    [['--stories', '10', '--fast'], /unknown argument "--fast"/],
  ])('refuses %j', (argv, message) => {
    const result = parseBenchArgs(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('has a usage line that names the command and its options', () => {
    expect(USAGE).toMatch(/^usage: npm run bench -- --stories N \[--json\]/);
    expect(USAGE).toContain('--gazette-only');
    expect(USAGE).toContain('--cold-only');
    expect(USAGE).toContain('--runs R');
  });
});

describe('the builds each mode runs', () => {
  it('full runs everything; gazette-only only Gazette cold and warm; cold-only only the cold build', () => {
    expect(stepsOf('full')).toEqual({ warm: true, imagesCached: true, baselines: true });
    expect(stepsOf('gazette-only')).toEqual({ warm: true, imagesCached: false, baselines: false });
    expect(stepsOf('cold-only')).toEqual({ warm: false, imagesCached: false, baselines: false });
  });
});

describe('reading phase times from an Astro build log', () => {
  it('parses Astro durations', () => {
    expect(parseDuration('815ms')).toBe(815);
    expect(parseDuration('3.69s')).toBe(3690);
    expect(parseDuration('1m 25s')).toBe(85_000);
    expect(parseDuration('2m 19s ')).toBe(139_000);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('')).toBeUndefined();
  });

  it('finds the vite, pages, images and total times, and marks a build without images as 0', () => {
    const log = [
      '14:55:34 [vite] ✓ built in 3.09s',
      '14:55:34 [vite] ✓ built in 35ms',
      ' generating static routes ',
      '14:55:36   ├─ /index.html (+2ms) ',
      '14:55:38 ✓ Completed in 3.69s.',
      ' generating optimized images ',
      '14:57:03 ✓ Completed in 1m 25s.',
      '14:57:04 [build] 632 page(s) built in 1m 34s',
      '',
    ].join('\n');
    expect(phasesOfLog(log)).toEqual({ vite: 3090, pages: 3690, images: 85_000, astro: 94_000 });
    const bare = log.replace(/ generating optimized images \n.*\n/, '');
    expect(phasesOfLog(bare).images).toBe(0);
    expect(phasesOfLog('nothing here')).toEqual({ vite: undefined, pages: undefined, images: undefined, astro: undefined });
  });

  it('reads Gazette’s own step times: the astro process from start to exit, and the search index', () => {
    const log = 'search index: 600 zh-hans, 600 en page(s)\ndist/ updated.\ntimings: start 180, check 2400, astro 9100, prune 9300, search 12400, swap 12450\n';
    expect(phasesOfLog(log)).toMatchObject({ astroProcess: 8920, search: 3100 });
  });

  it('counts the images the images step found cached (encoded while pages rendered) of all it listed', () => {
    const log = [
      ' generating optimized images ',
      '19:34:06   ▶ /_astro/a.avif (reused cache entry) (+0ms) (1/3)',
      '19:34:06   ▶ /_astro/b.avif (before: 670kB, after: 6kB) (+34ms) (2/3)',
      // As Astro colours it under CI=true.
      '\u001b[2m19:34:06\u001b[22m   \u001b[32m▶\u001b[39m /_astro/c.webp \u001b[2m(reused cache entry)\u001b[22m \u001b[2m(+1ms)\u001b[22m \u001b[2m(3/3)\u001b[22m',
      '19:34:07 ✓ Completed in 1.2s.',
      '',
    ].join('\n');
    expect(phasesOfLog(log).imagesEarly).toEqual({ cached: 2, total: 3 });
    expect(phasesOfLog(log.replace(/ generating optimized images \n/, '')).imagesEarly).toBeUndefined();
  });
});
