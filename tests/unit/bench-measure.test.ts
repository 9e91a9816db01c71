import { describe, expect, it } from 'vitest';
import { parseTimeCpuMs, parseTimeMaxRssKb } from '../../scripts/bench/measure.ts';

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
