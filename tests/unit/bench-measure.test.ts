import { describe, expect, it } from 'vitest';
import { medianRun, parseTimeCpuMs, parseTimeMaxRssKb } from '../../scripts/bench/measure.ts';

/** The lines of a real `/usr/bin/time -v` report (GNU time 1.9) that the benchmark reads. */
const REPORT = `\tCommand being timed: "node scripts/build.ts"
\tUser time (seconds): 41.27
\tSystem time (seconds): 6.08
\tPercent of CPU this job got: 119%
\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:39.47
\tMaximum resident set size (kbytes): 1461248
\tExit status: 0
`;

describe('reading /usr/bin/time -v', () => {
  it('adds user and system time of the whole tree, in ms', () => {
    expect(parseTimeCpuMs(REPORT)).toBe(47_350);
  });

  it('reads the largest single process’s peak RSS, in kB', () => {
    expect(parseTimeMaxRssKb(REPORT)).toBe(1_461_248);
  });

  it('gives undefined, not zero, when there is no report (no /usr/bin/time)', () => {
    expect(parseTimeCpuMs('')).toBeUndefined();
    expect(parseTimeMaxRssKb('')).toBeUndefined();
  });
});

describe('the run that stands for several', () => {
  const run = (name: string, wallMs: number) => ({ name, wallMs });

  it('is the median by wall time, whatever order the runs came in', () => {
    expect(medianRun([run('a', 30), run('b', 10), run('c', 20)]).name).toBe('c');
    expect(medianRun([run('a', 27_700), run('b', 30_200), run('c', 27_800)]).name).toBe('c');
    expect(medianRun([run('only', 5)]).name).toBe('only');
  });

  it('is the slower middle run for an even count, and refuses no runs', () => {
    expect(medianRun([run('a', 40), run('b', 10), run('c', 20), run('d', 30)]).name).toBe('d');
    expect(() => medianRun([])).toThrow(/no runs/);
  });
});
