import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSchemas } from '../../src/content-validation.ts';
import { formatProblem, validateContent } from '../../src/lib/validate.ts';
import { fixtureContent } from '../helpers/project.ts';

const dir = mkdtempSync(join(tmpdir(), 'gazette-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the checked-body cache', () => {
  const content = join(dir, 'content');
  const cacheFile = join(dir, 'cache/checked-bodies.json');
  cpSync(fixtureContent('basic'), content, { recursive: true });
  const run = async () =>
    (await validateContent(content, { schemas: contentSchemas, bodyCacheFile: cacheFile, skipImageDecode: true })).map((p) => formatProblem(p, dir));

  it('gives the same answer from the cache as without it', async () => {
    const uncached = (await validateContent(content, { schemas: contentSchemas, skipImageDecode: true })).map((p) => formatProblem(p, dir));
    expect(await run()).toEqual(uncached);
    expect(existsSync(cacheFile)).toBe(true);
    expect(await run()).toEqual(uncached);
  });

  it('checks an edited body again', async () => {
    await run();
    appendFileSync(join(content, 'stories/zh-only-story/zh.mdx'), '\n<script>alert(1)</script>\n');
    expect((await run()).join('\n')).toMatch(/zh-only-story\/zh\.mdx:\d+: script: <script> is not allowed/);
  });
});
