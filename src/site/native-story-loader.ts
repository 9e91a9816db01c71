/**
 * The stories loader as src/content.config.ts names it. The loader (story-loader.ts) and all it
 * imports are loaded by Node itself the first time Astro runs it, not by Vite's module runner,
 * which transforms each of those modules again on every content sync of every build (decision
 * 032). None of them needs Vite: they read files and render HTML. The price is in `astro dev`:
 * an edit to the loader's code takes a restart to be seen.
 */
import type { Loader } from 'astro/loaders';
import { createRequire } from 'node:module';

type StoryLoaderModule = typeof import('./story-loader.ts');
type StoryLoaderOptions = Parameters<StoryLoaderModule['storyLoader']>[0];

export function nativeStoryLoader(options: StoryLoaderOptions & { name: string }): Loader {
  let loader: Loader | undefined;
  return {
    name: options.name,
    load: async (context) => {
      // Node's require, which Vite does not transform, loads ES modules too (its type stripping
      // runs the .ts); a module of them with a top-level await would make it throw here.
      loader ??= (createRequire(import.meta.url)('./story-loader.ts') as StoryLoaderModule).storyLoader(options);
      return loader.load(context);
    },
  };
}
