/**
 * Story bodies made HTML on more than one thread (docs/decisions/026-bodies-on-worker-threads.md).
 * A cold content sync parses every body on Astro's one JavaScript thread while the machine's other
 * cores wait. Here this thread and worker threads (src/site/body-worker.ts) each take the next
 * body from a shared counter until none is left, so no thread waits for another's share. A worker
 * that fails leaves the bodies it took to this thread. Results come back in the jobs' order,
 * whichever thread made them, and are the same as one thread's.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { toCheckedBody, type CheckedBody } from '../check/body-cache.ts';
import { checkBodyTree } from '../check/body-check.ts';
import type { Problem } from '../check/problems.ts';
import type { MdxNode } from '../newsroom/body-syntax.ts';
import type { Convert } from '../newsroom/traditional.ts';
import { toBodyHtml, toConvertedBodyHtml } from './story-body.ts';

/** One source file's body and the editions made from it, in order: as written (false) or converted (true). */
export interface BodyJob {
  body: string;
  converted: boolean[];
  /** The body's first line in its file, when the check's verdict is wanted too (src/check/body-handoff.ts). */
  bodyLine?: number;
}

/** Each edition's HTML, or why the body could not be made HTML; and the check's verdict if asked for. */
export type BodyResult = ({ html: string[] } | { error: string }) & { verdict?: CheckedBody };

/** One job, on whatever thread runs it. The converter is asked for only when an edition needs it. */
export function renderJob(job: BodyJob, convert: () => Convert): BodyResult {
  let verdict: CheckedBody | undefined;
  const withVerdict = (result: { html: string[] } | { error: string }): BodyResult => (verdict ? { ...result, verdict } : result);
  try {
    let parsed: MdxNode | undefined;
    if (job.bodyLine !== undefined) {
      // The check's parse and verdict, and the HTML made from that same tree: the body is parsed once.
      const problems: Problem[] = [];
      const checked = checkBodyTree(job.body, '', job.bodyLine, problems);
      verdict = toCheckedBody(checked.photos, problems);
      parsed = checked.tree;
    }
    // Taken once: making HTML changes the tree.
    const take = () => {
      const tree = parsed;
      parsed = undefined;
      return tree;
    };
    // In order, so the Traditional edition converts the tree its Simplified body was just made from.
    const html = job.converted.map((converted) => (converted ? toConvertedBodyHtml(job.body, convert(), take()) : toBodyHtml(job.body, take())));
    return withVerdict({ html });
  } catch (error) {
    return withVerdict({ error: (error as Error).message });
  }
}

/** A worker's start (loading the parsers, building OpenCC's dictionaries) costs about what this many bodies do: an edit's few bodies stay on this thread. */
export const JOBS_PER_WORKER = 64;

/** Each worker holds every body and its own OpenCC dictionaries: a few are enough to keep a parser busy per core. */
const MAX_WORKERS = 3;

/** One worker per spare core, as the jobs are worth it. */
export const defaultWorkers = (jobs: number) => Math.max(0, Math.min(availableParallelism() - 1, MAX_WORKERS, Math.floor(jobs / JOBS_PER_WORKER)));

export interface WorkerData {
  jobs: BodyJob[];
  /** The index of the next job to take, shared by every thread. */
  counter: Int32Array;
  /** For the Traditional converter, which reads the editors' exceptions file there. */
  contentDir: string;
}

export type WorkerMessage = { index: number; result: BodyResult } | { done: true };

const WORKER = new URL('./body-worker.ts', import.meta.url);

/** The next job's index from the shared counter; past the end when none is left. */
export const takeJob = (counter: Int32Array) => Atomics.add(counter, 0, 1);

export async function renderBodies(
  jobs: BodyJob[],
  contentDir: string,
  convert: () => Convert,
  { workers = defaultWorkers(jobs.length), here = true }: { workers?: number; here?: boolean } = {},
): Promise<{ results: BodyResult[]; workers: number; onWorkers: number; workerErrors: string[] }> {
  const results: (BodyResult | undefined)[] = new Array(jobs.length);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workerErrors: string[] = [];
  let onWorkers = 0;
  const running = Array.from(
    { length: workers },
    () =>
      new Promise<void>((resolve) => {
        let worker: Worker;
        try {
          worker = new Worker(WORKER, { workerData: { jobs, counter, contentDir } satisfies WorkerData });
        } catch (error) {
          workerErrors.push((error as Error).message);
          return resolve();
        }
        worker.on('message', (message: WorkerMessage) => {
          if ('done' in message) return resolve();
          // A body a worker could not make is made again here, so the error an editor reads is
          // this thread's (a worker's stack, for one, is larger), never a worker's fault.
          if ('error' in message.result) return;
          results[message.index] = message.result;
          onWorkers += 1;
        });
        worker.on('error', (error) => {
          workerErrors.push(error.message);
          resolve();
        });
        worker.on('exit', () => resolve());
      }),
  );
  // `here: false` only in tests, to see the workers make every job.
  if (here) for (let index = takeJob(counter); index < jobs.length; index = takeJob(counter)) results[index] = renderJob(jobs[index]!, convert);
  await Promise.all(running);
  // Whatever a failed worker took and did not finish, and any body a worker could not make.
  return { results: jobs.map((job, index) => results[index] ?? renderJob(job, convert)), workers, onWorkers, workerErrors };
}
