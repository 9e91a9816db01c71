import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSchemas } from '../../src/check/check-content.ts';
import { formatProblem } from '../../src/check/problems.ts';
import { validateContent } from '../../src/check/validate.ts';
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

  it('reuses results only while the salt (the installed parsers) is unchanged', async () => {
    const salted = async (salt: string) =>
      (await validateContent(content, { schemas: contentSchemas, bodyCacheFile: cacheFile, bodyCacheSalt: salt, skipImageDecode: true })).map((p) => p.message);
    await salted('parsers-v1');
    // Plant a result only the cache can know, to see whether it is read back.
    const saved = JSON.parse(readFileSync(cacheFile, 'utf8'));
    const first = Object.keys(saved.bodies)[0]!;
    saved.bodies[first].problems = [{ message: 'planted', severity: 'error' }];
    writeFileSync(cacheFile, JSON.stringify(saved));
    expect(await salted('parsers-v1')).toContain('planted');
    expect(await salted('parsers-v2')).not.toContain('planted');
  });

  it('checks an edited body again', async () => {
    await run();
    appendFileSync(join(content, 'stories/zh-only-story/zh.mdx'), '\n<script>alert(1)</script>\n');
    expect((await run()).join('\n')).toMatch(/zh-only-story\/zh\.mdx:\d+: script: <script> is not allowed/);
  });
});
