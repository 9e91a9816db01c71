/**
 * Setup file of the unit project. Node aborts the whole run ("Assertion failed:
 * try_catch.CanContinue()" in crypto_keygen.h) when a worker thread is terminated while one of
 * its WebCrypto jobs is completing. Astro's container starts such a job for every container (its
 * server-island key) and never awaits it, and vitest terminates a file's thread as soon as the
 * file's tests end: on a loaded machine the two can meet. So every WebCrypto call made in a unit
 * file is tracked, and the file ends only once they have all settled (decision 023).
 */
import { afterAll } from 'vitest';

const pending = new Set<Promise<unknown>>();
const subtle = globalThis.crypto.subtle as unknown as Record<string, unknown>;
const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(subtle));
for (const name of methods) {
  const method = subtle[name];
  if (name === 'constructor' || typeof method !== 'function') continue;
  subtle[name] = function tracked(this: unknown, ...args: unknown[]) {
    const job = Promise.resolve(method.apply(this, args));
    const settled = job.then(
      () => void pending.delete(settled),
      () => void pending.delete(settled),
    );
    pending.add(settled);
    // A promise of its own for the caller, so a failure nobody handles is still reported as one.
    return job.then((value) => value);
  };
}

/** WebCrypto jobs started in this file and not yet settled. */
export function pendingCryptoJobs(): number {
  return pending.size;
}

/** Waits until every WebCrypto job started in this file has settled, new ones included. */
export async function settleCryptoJobs(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}

// Setup files' hooks run last (vitest's default 'stack' order), after the file's own afterAll.
afterAll(settleCryptoJobs);
