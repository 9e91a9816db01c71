/**
 * What src/content.config.ts imports to define its collections, loaded by Node rather than by
 * Vite's module runner, which loads the content config at every build's content sync and would
 * transform every module of these again each time (decision 032):
 * - the stories loader (story-loader.ts) and all it imports, when Astro first runs it;
 * - Astro's glob() loader, when Astro first runs it, and defineCollection(): Node has most of
 *   their modules loaded already, as Astro's own process uses them.
 * None of them needs Vite: they read files and render HTML. Node's require loads ES modules, and
 * strips the types of our .ts itself; a module among them with a top-level await would make it
 * throw. The price is in `astro dev`: an edit to the loader's code takes a restart to be seen.
 */
import type { Loader } from 'astro/loaders';
import { createRequire } from 'node:module';

type AstroLoaders = typeof import('astro/loaders');
type StoryLoaderModule = typeof import('./story-loader.ts');
type StoryLoaderOptions = Parameters<StoryLoaderModule['storyLoader']>[0];

const nodeRequire = createRequire(import.meta.url);

export const { defineCollection } = nodeRequire('astro/content/config') as typeof import('astro/content/config');

/** A loader made by `make` with Node's modules the first time Astro runs it, kept for the next syncs. */
function loadedByNode(name: string, make: () => Loader): Loader {
  let loader: Loader | undefined;
  return {
    name,
    load: async (context) => {
      try {
        loader ??= make();
      } catch (error) {
        // A developer's error, not an editor's: Node refused a module Vite would have taken.
        const why = error instanceof Error ? error.message : String(error);
        throw new Error(`${name}: Node could not load this loader's modules (docs/decisions/032-content-loaders-loaded-by-node.md): ${why}`, { cause: error });
      }
      return loader.load(context);
    },
  };
}

export function nativeStoryLoader(options: StoryLoaderOptions & { name: string }): Loader {
  return loadedByNode(options.name, () => (nodeRequire('./story-loader.ts') as StoryLoaderModule).storyLoader(options));
}

/** Astro's glob() loader (its name: "glob-loader"). */
export function glob(options: Parameters<AstroLoaders['glob']>[0]): Loader {
  return loadedByNode('glob-loader', () => (nodeRequire('astro/loaders') as AstroLoaders).glob(options));
}
