/**
 * A worker thread of src/site/body-threads.ts: takes bodies from the shared counter until none is
 * left and posts each one's HTML back. Plain Node, not Vite: it imports nothing Astro provides.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderJob, takeJob, type WorkerData, type WorkerMessage } from './body-threads.ts';
import { getTraditionalConverter } from './traditional-edition.ts';

const { jobs, counter, contentDir } = workerData as WorkerData;
const convert = () => getTraditionalConverter(contentDir).convert;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
for (let index = takeJob(counter); index < jobs.length; index = takeJob(counter)) post({ index, result: renderJob(jobs[index]!, convert) });
post({ done: true });
