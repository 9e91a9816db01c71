import { describe, expect, it } from 'vitest';
import { watchForPagesWritten } from '../../src/build/pages-written.ts';

/** Whether `promise` has settled by the time already-queued callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

// The lines of Astro 7's static build around its last page (core/build/generate.js), colours on.
const LAST_PAGE = '10:02:11   ├─ /en/2026/11/30/story/index.html (+12ms)\n10:02:11 ✓ Completed in 3.32s.\n\n';
const BANNER = '\u001b[42m\u001b[30m generating optimized images \u001b[39m\u001b[49m\n';

describe('watchForPagesWritten', () => {
  it("resolves on the banner of Astro's images step", async () => {
    const watch = watchForPagesWritten();
    watch.onOutput(Buffer.from(LAST_PAGE));
    expect(await settled(watch.seen)).toBe(false);
    watch.onOutput(Buffer.from(BANNER));
    expect(await settled(watch.seen)).toBe(true);
  });

  it('finds the banner split between two pieces of output', async () => {
    const watch = watchForPagesWritten();
    const text = LAST_PAGE + BANNER;
    const cut = text.indexOf('optimized');
    watch.onOutput(text.slice(0, cut));
    watch.onOutput(text.slice(cut));
    expect(await settled(watch.seen)).toBe(true);
  });

  it('never resolves on the page list, the images themselves or the end of the build', async () => {
    const watch = watchForPagesWritten();
    for (const line of [LAST_PAGE, ' generating static routes \n', '  ▶ /_astro/photo.avif (reused cache entry) (+1ms) (3/420)\n', '[build] 12 page(s) built in 2.1s\n']) watch.onOutput(line);
    expect(await settled(watch.seen)).toBe(false);
  });
});
