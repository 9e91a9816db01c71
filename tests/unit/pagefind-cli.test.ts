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
});
