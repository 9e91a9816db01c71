import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPagefind } from '../../src/build/pagefind-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'gazette-pagefind-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Pagefind runs', () => {
  it('start no more once the search index has failed: a language indexed in runs stops at its next', async () => {
    const outputPath = join(dir, 'out');
    const run = runPagefind({ siteDir: dir, glob: '*.html', outputPath, cwd: dir, name: 'zh', signal: AbortSignal.abort() });
    await expect(run).rejects.toThrow('pagefind: the zh index was not started: the search index has failed');
    expect(existsSync(outputPath)).toBe(false);
  });

  it('say which index could not start, and what to do, when the binary is not there', async () => {
    const saved = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = join(dir, 'no-such-pagefind');
    try {
      const run = runPagefind({ siteDir: dir, glob: '*.html', outputPath: join(dir, 'out'), cwd: dir, name: 'zh-hant' });
      await expect(run).rejects.toThrow(/^pagefind: the zh-hant index could not start: \S*no-such-pagefind: spawn \S+ ENOENT\. Run npm install again, or set PAGEFIND_EXTENDED_BINARY_PATH/);
    } finally {
      if (saved === undefined) delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
      else process.env.PAGEFIND_EXTENDED_BINARY_PATH = saved;
    }
  });
});
