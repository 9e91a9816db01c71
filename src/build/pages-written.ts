/**
 * When `astro build` has written every page: the moment the build can start its search index
 * while Astro encodes images, writes the sitemap and exits (decision 022).
 *
 * Astro 7 says so only in its log: after the last page it prints the banner of its images step
 * (core/build/generate.js), and nothing after it changes a page. A site with no image prints no
 * banner; a later Astro may word it otherwise. Either way the promise never settles and the build
 * starts the index once Astro has exited, as it always did: later, never wrong.
 */
const BANNER = ' generating optimized images ';

export interface PagesWritten {
  /** Resolves once Astro's output has said that every page is written. */
  seen: Promise<void>;
  /** To be given each piece of Astro's output, in order. */
  onOutput: (chunk: Buffer | string) => void;
}

export function watchForPagesWritten(): PagesWritten {
  let resolve!: () => void;
  const seen = new Promise<void>((done) => (resolve = done));
  // The banner may arrive split between two pieces of output.
  let tail = '';
  return {
    seen,
    onOutput(chunk) {
      const text = tail + chunk.toString();
      if (text.includes(BANNER)) resolve();
      tail = text.slice(-BANNER.length);
    },
  };
}
