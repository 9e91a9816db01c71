/**
 * A search bundle's merge (search-merge.ts) on a worker thread of its own (decision 027). At
 * thousands of pages a merge is seconds of JavaScript, and an edit to a Chinese story merges two
 * languages (zh and its Traditional edition), whose merges take turns on one thread.
 * This file is both sides: `mergeOnWorker` starts the worker, which runs this file again.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { MergeUnsupported } from './pagefind-files.ts';
import { type BundlePage, mergeBundle, type MergeInput } from './search-merge.ts';

type Reply = { pages: BundlePage[] } | { unsupported: string } | { error: string };

/** Tells this file's worker apart from any other thread that imports it (a test runner's). */
const KIND = 'gazette-search-merge';

/** How many merge workers this process has started (for tests: which way a merge went). */
export const mergeWorkers = { started: 0 };

/** mergeBundle on a worker thread: the same bundle, and MergeUnsupported still a MergeUnsupported. */
export function mergeOnWorker(input: MergeInput): Promise<BundlePage[]> {
  mergeWorkers.started += 1;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { kind: KIND, input } });
    worker.once('message', (reply: Reply) => {
      if ('pages' in reply) resolve(reply.pages);
      else if ('unsupported' in reply) reject(new MergeUnsupported(reply.unsupported));
      else reject(new Error(reply.error));
    });
    worker.once('error', reject);
    // After a reply this settles nothing; without one the thread died.
    worker.once('exit', (code) => reject(new Error(`search index: a merge's worker thread stopped without a reply (exit code ${code})`)));
  });
}

if (!isMainThread && (workerData as { kind?: string } | undefined)?.kind === KIND) {
  const reply = await mergeBundle((workerData as { input: MergeInput }).input).then(
    (pages): Reply => ({ pages }),
    (error: Error): Reply => (error instanceof MergeUnsupported ? { unsupported: error.message } : { error: error.stack ?? error.message }),
  );
  parentPort!.postMessage(reply);
}
