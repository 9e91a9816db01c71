/**
 * A content loader's context as Astro hands it over, for the stories loader's unit tests: a store
 * kept in a Map, digests by sha1, the project root, and a logger that keeps what it is told.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';

export interface StoredEntry<Data> {
  id: string;
  data: Data;
  rendered: { html: string };
}

export function loaderContext<Data>(projectDir: string, extra: { parseData?: (entry: { data: Data }) => Promise<Data>; watcher?: unknown } = {}) {
  const entries = new Map<string, StoredEntry<Data>>();
  /** Every error and warning the loader logged. */
  const said: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: StoredEntry<Data>) => (entries.set(entry.id, entry), true),
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
  };
  const context = {
    store,
    parseData: extra.parseData ?? (async ({ data }: { data: Data }) => data),
    generateDigest: (text: string) => createHash('sha1').update(text).digest('hex'),
    watcher: extra.watcher,
    config: { root: pathToFileURL(`${projectDir}/`) },
    logger: { error: (message: string) => said.push(message), warn: (message: string) => said.push(message), info: () => {} },
  };
  return { entries, said, context: context as unknown as LoaderContext };
}
