/**
 * Jobs run side by side while their estimated memory fits one budget. The largest starts first,
 * and one job always runs even when it alone exceeds the budget: a budget slows a build down,
 * it never stops one.
 */

export interface BudgetedJob<T> {
  /** The job's estimated peak memory, in the budget's unit. */
  cost: number;
  run: () => Promise<T>;
}

/**
 * Runs every job and resolves with their results in the order given. When one fails no further
 * job starts, and the failure is reported once those already running have ended (no job is left
 * writing after its caller has moved on).
 */
export async function runWithinBudget<T>(jobs: readonly BudgetedJob<T>[], budget: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  const waiting = jobs.map((job, index) => ({ job, index })).sort((a, b) => b.job.cost - a.job.cost || a.index - b.index);
  let used = 0;
  let running = 0;
  let failure: { error: unknown } | undefined;
  return new Promise<T[]>((resolve, reject) => {
    const next = () => {
      if (failure) {
        if (running === 0) reject(failure.error);
        return;
      }
      if (waiting.length === 0 && running === 0) return resolve(results);
      // The next largest that fits; nothing running, the largest whatever its cost.
      for (let i = 0; i < waiting.length; ) {
        const { job, index } = waiting[i]!;
        if (running > 0 && used + job.cost > budget) {
          i++;
          continue;
        }
        waiting.splice(i, 1);
        used += job.cost;
        running++;
        Promise.resolve()
          .then(job.run)
          .then(
            (result) => {
              results[index] = result;
            },
            (error: unknown) => {
              failure ??= { error };
            },
          )
          .finally(() => {
            used -= job.cost;
            running--;
            next();
          });
      }
    };
    next();
  });
}
