/**
 * Jobs side by side within a memory budget (src/build/memory-budget.ts), as the search index runs
 * its languages: never over the budget unless one job alone is, largest first, results in order,
 * and a failure reported only once nothing is left running.
 */
import { describe, expect, it } from 'vitest';
import { runWithinBudget } from '../../src/build/memory-budget.ts';

/** Jobs that each wait for the test to end them, recording what ran beside what. */
function makeJobs(costs: number[]) {
  const log: string[] = [];
  const running = new Set<number>();
  const ends = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void }>();
  const peaks: number[] = [];
  const jobs = costs.map((cost, i) => ({
    cost,
    run: () =>
      new Promise<string>((resolve, reject) => {
        running.add(i);
        log.push(`start ${i}`);
        peaks.push([...running].reduce((sum, j) => sum + costs[j]!, 0));
        ends.set(i, {
          resolve: (value) => {
            running.delete(i);
            log.push(`end ${i}`);
            resolve(value);
          },
          reject: (error) => {
            running.delete(i);
            log.push(`fail ${i}`);
            reject(error);
          },
        });
      }),
  }));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { jobs, log, running, ends, peaks, settle };
}

describe('runWithinBudget', () => {
  it('runs side by side what fits, largest first, and returns results in the order given', async () => {
    const { jobs, log, running, ends, peaks, settle } = makeJobs([300, 900, 600]);
    const done = runWithinBudget(jobs, 1500);
    await settle();
    expect([...running].sort()).toEqual([1, 2]);
    ends.get(2)!.resolve('c');
    await settle();
    expect([...running].sort()).toEqual([0, 1]);
    ends.get(1)!.resolve('b');
    ends.get(0)!.resolve('a');
    expect(await done).toEqual(['a', 'b', 'c']);
    expect(log.slice(0, 2)).toEqual(['start 1', 'start 2']);
    expect(Math.max(...peaks)).toBeLessThanOrEqual(1500);
  });

  it('runs a job larger than the whole budget, alone', async () => {
    const { jobs, running, ends, settle } = makeJobs([5000, 100]);
    const done = runWithinBudget(jobs, 1000);
    await settle();
    expect([...running]).toEqual([0]);
    ends.get(0)!.resolve('big');
    await settle();
    expect([...running]).toEqual([1]);
    ends.get(1)!.resolve('small');
    expect(await done).toEqual(['big', 'small']);
  });

  it('runs everything at once when the budget holds it all, and one at a time when it holds one', async () => {
    for (const [budget, most] of [[10_000, 3], [1000, 1]] as const) {
      const { jobs, running, ends, settle } = makeJobs([1000, 1000, 1000]);
      const done = runWithinBudget(jobs, budget);
      let seen = 0;
      for (let i = 0; i < 3; i++) {
        await settle();
        seen = Math.max(seen, running.size);
        ends.get([...running][0]!)!.resolve(String(i));
      }
      await done;
      expect(seen, `budget ${budget}`).toBe(most);
    }
  });

  it('starts nothing after a failure and rejects only once the running jobs have ended', async () => {
    const { jobs, log, ends, settle } = makeJobs([500, 500, 500]);
    const done = runWithinBudget(jobs, 1000);
    let rejected: unknown;
    done.catch((error: unknown) => (rejected = error));
    await settle();
    ends.get(0)!.reject(new Error('pagefind: zh stopped'));
    await settle();
    expect(rejected).toBeUndefined();
    ends.get(1)!.resolve('b');
    await settle();
    expect((rejected as Error).message).toBe('pagefind: zh stopped');
    expect(log).toEqual(['start 0', 'start 1', 'fail 0', 'end 1']);
  });

  it('resolves at once with no jobs', async () => {
    expect(await runWithinBudget([], 1000)).toEqual([]);
  });
});
