/**
 * `npm run bench` refuses bad arguments before it copies or builds anything, and a tiny run
 * prints every figure it promises. The command runs as a process, so it lives with the build
 * tests, out of the unit loop.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseHTML } from 'linkedom';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { expect, it, describe } from 'vitest';
import { USAGE } from '../../scripts/bench/args.ts';
import { FIGURE_WIDTHS } from '../../scripts/bench/baseline.ts';
import { cleanEnv, repoRoot } from '../helpers/project.ts';

describe('the bench script on bad input', () => {
  it.each([[['--stories', '0']], [['--stories', '-1']], [['--stories', 'abc']], [[]]])(
    '%j exits non-zero with the usage line, before building anything',
    (args) => {
      const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/bench.ts'), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(USAGE);
      // Nothing started: no progress lines, no table.
      expect(result.stderr).not.toContain('[bench]');
      expect(result.stdout).toBe('');
    },
  );
});

describe('a tiny bench run', () => {
  // Two stories show 6-7 of the pool's photos: every build of the run still encodes photos.
  it('prints the JSON line with the like-for-like baseline and both warm rebuilds, and that baseline encodes the photos as Gazette does', { timeout: 900_000 }, () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/bench.ts'), '--stories', '2', '--json', '--keep'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: cleanEnv(),
      timeout: 900_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const figures = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Record<string, number | string>;
    expect(figures.mode).toBe('full');
    for (const key of ['wallMs', 'warmWallMs', 'warmPeakRssMb', 'warmMetaWallMs', 'likeBaselineWallMs', 'likeBaselinePeakRssMb', 'baselineWallMs', 'satteriWallMs', 'firstSearchBytes', 'firstSearchRequests', 'firstSearchResults']) {
      expect(figures[key], key).toBeGreaterThan(0);
    }
    expect(figures.ratioLike).toBeCloseTo((figures.wallMs as number) / (figures.likeBaselineWallMs as number), 2);
    // Three cold pairs by default; each side's figure is its median run, one of the three.
    const median = (runs: number[]) => [...runs].sort((x, y) => x - y)[1];
    expect(figures.runs).toBe(3);
    for (const [key, runsKey] of [['wallMs', 'coldRunsWallMs'], ['likeBaselineWallMs', 'likeBaselineRunsWallMs']] as const) {
      const runs = figures[runsKey] as unknown as number[];
      expect(runs, runsKey).toHaveLength(3);
      expect(figures[key], key).toBe(median(runs));
    }
    expect(result.stdout).toMatch(/gazette cold \(median of 3\)/);
    // A first search fetches the page, Pagefind's code, some index and the shown results' fragments.
    expect(figures.firstSearchRequests).toBeGreaterThanOrEqual(5);
    expect(figures.firstSearchBytes).toBeGreaterThan(10_000);
    expect(result.stdout).toMatch(new RegExp(`first search .* \\(${figures.firstSearchBytes} bytes\\) over the wire in ${figures.firstSearchRequests} requests, ${figures.firstSearchResults} page`));
    for (const key of ['loadStart', 'loadEnd']) expect(figures[key], key).toBeGreaterThanOrEqual(0);
    const work = /temp projects kept in (\S+)/.exec(result.stderr)![1]!;
    try {
      // The like-for-like baseline's story page: hero and body photos as <picture>, AVIF then WebP at Figure.astro's widths.
      const dist = join(work, 'baseline-like/dist');
      const page = join(dist, readdirSync(dist).find((name) => name.startsWith('bench-story-'))!, 'en/index.html');
      const { document } = parseHTML(readFileSync(page, 'utf8'));
      const pictures = [...document.querySelectorAll('picture')];
      expect(pictures.length).toBeGreaterThanOrEqual(2);
      for (const picture of pictures) {
        const sources = [...picture.querySelectorAll('source')];
        expect(sources.map((source) => source.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
        for (const source of sources) {
          const widths = source.getAttribute('srcset')!.split(',').map((candidate) => Number(/ (\d+)w$/.exec(candidate.trim())![1]));
          expect(widths).toEqual([...FIGURE_WIDTHS]);
          for (const candidate of source.getAttribute('srcset')!.split(',')) expect(existsSync(join(dist, candidate.trim().split(' ')[0]!))).toBe(true);
        }
      }
      // The repeated pairs were built each in a project of their own, kept with --keep.
      for (const name of ['site-cold-2', 'site-cold-3']) expect(existsSync(join(work, name, 'dist/index.html')), name).toBe(true);
      for (const name of ['baseline-like-2', 'baseline-like-3']) expect(existsSync(page.replace('baseline-like', name)), name).toBe(true);
      // The text-only baseline shows no photo at all.
      const textPage = page.replace('baseline-like', 'baseline-unified');
      expect(readFileSync(textPage, 'utf8')).not.toContain('<picture');
    } finally {
      if (work.startsWith('/tmp/')) rmSync(work, { recursive: true, force: true });
    }
  });

  // Forty stories: enough bodies (80) for the stories loader to share them with a worker thread
  // under Astro's own content loader (decision 026), and for the check to take the loader's
  // verdicts on them (decision 030), which no other build test reaches.
  it('with --cold-only builds Gazette once, measures the first search, and leaves every other build out of the table and the JSON', { timeout: 600_000 }, () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/bench.ts'), '--stories', '40', '--cold-only', '--json', '--keep'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: cleanEnv(),
      timeout: 600_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const work = /temp projects kept in (\S+)/.exec(result.stderr)![1]!;
    try {
      const figures = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Record<string, number | string>;
      expect(Object.keys(figures).sort()).toEqual(
        ['distMb', 'firstSearchBytes', 'firstSearchRequests', 'firstSearchResults', 'images', 'imagesEncodedEarly', 'loadEnd', 'loadStart', 'mode', 'msPerPage', 'pages', 'peakRssMb', 'stories', 'wallMs'],
      );
      expect(figures.mode).toBe('cold-only');
      expect(figures.stories).toBe(40);
      const log = readFileSync(join(work, 'gazette-cold.log'), 'utf8');
      expect(log).not.toMatch(/worker thread failed/);
      if (availableParallelism() > 1) expect(log).toContain('80 story bodies made on 2 threads');
      // The check took the loader's verdict on every body instead of parsing it again (decision 030).
      expect(log).toContain('content: 80 body verdicts from the stories loader');
      for (const key of ['wallMs', 'peakRssMb', 'firstSearchBytes', 'firstSearchRequests', 'firstSearchResults']) expect(figures[key], key).toBeGreaterThan(0);
      // The table names the cold build only.
      const table = result.stdout.split('\n');
      expect(table.filter((line) => line.startsWith('gazette cold'))).toHaveLength(2);
      expect(table.filter((line) => /^(gazette warm|gazette images cached|baseline |ratio )/.test(line))).toEqual([]);
      // Nothing else was built: the run's folder holds the one project.
      expect(readdirSync(work).filter((name) => !/\.(log|time)$/.test(name))).toEqual(['site']);
    } finally {
      if (work.startsWith('/tmp/')) rmSync(work, { recursive: true, force: true });
    }
  });
});
