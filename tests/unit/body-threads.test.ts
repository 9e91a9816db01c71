/**
 * Story bodies made HTML on worker threads (src/site/body-threads.ts) and the stories loader that
 * hands them out: the same HTML, for the same entry, as one thread makes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderBodies, renderJob, type BodyJob } from '../../src/site/body-threads.ts';
import { storyLoader } from '../../src/site/story-loader.ts';
import { toBodyHtml, toConvertedBodyHtml } from '../../src/site/story-body.ts';
import { getTraditionalConverter } from '../../src/site/traditional-edition.ts';
import { loaderContext } from '../helpers/loader-context.ts';

const root = mkdtempSync(join(tmpdir(), 'gazette-body-threads-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A content folder whose exceptions file the converter must read: 晋中 stays 晋中 (OpenCC would write 晉中). */
function contentDir(name: string): string {
  const dir = join(root, name, 'content');
  mkdirSync(join(dir, 'stories'), { recursive: true });
  writeFileSync(join(dir, 'zh-hant-exceptions.yaml'), '晋中: 晋中\n');
  return dir;
}

const body = (index: number) => `## 第${index}节\n\n晋中的产业链，第${index}段。\n\n| 指标 | 产值 |\n| --- | --- |\n| ${index} | 二 |\n`;

describe('bodies on worker threads', () => {
  it('makes on a worker the HTML this thread makes, the Traditional edition with the editors’ exceptions; a body it cannot make is made again here', async () => {
    const dir = contentDir('worker-only');
    const convert = () => getTraditionalConverter(dir).convert;
    const jobs: BodyJob[] = [
      { body: body(1), converted: [false, true] },
      { body: body(2), converted: [true] },
      { body: 'import x from "y"\n\n正文。\n', converted: [false] },
    ];
    const { results, onWorkers, workerErrors } = await renderBodies(jobs, dir, convert, { workers: 1, here: false });
    expect(workerErrors).toEqual([]);
    // The body with an import fails on the worker and is made again on this thread, which reports it.
    expect(onWorkers).toBe(2);
    expect(results).toEqual(jobs.map((job) => renderJob(job, convert)));
    expect(results[0]).toEqual({ html: [toBodyHtml(body(1)), toConvertedBodyHtml(body(1), convert())] });
    const traditional = (results[1] as { html: string[] }).html[0]!;
    expect(traditional).toContain('晋中的產業鏈');
    expect(results[2]).toEqual({ error: expect.stringMatching(/imports and \{expressions\} are not allowed/) });
  });

  it('shares the jobs between this thread and a worker, and returns them in order', async () => {
    const dir = contentDir('shared');
    const convert = () => getTraditionalConverter(dir).convert;
    const jobs: BodyJob[] = Array.from({ length: 300 }, (_, index) => ({ body: body(index), converted: [false, true] }));
    const { results, workerErrors } = await renderBodies(jobs, dir, convert, { workers: 1 });
    expect(workerErrors).toEqual([]);
    expect(results).toEqual(jobs.map((job) => renderJob(job, convert)));
  });
});

describe('the stories loader, on a cold sync large enough for a worker', () => {
  it('stores each entry with its own file’s HTML, its Traditional edition converted from it', async () => {
    const dir = contentDir('loader');
    const count = 140;
    for (let index = 0; index < count; index++) {
      const story = join(dir, 'stories', `story-${String(index).padStart(3, '0')}`);
      mkdirSync(story);
      writeFileSync(join(story, 'zh.mdx'), `---\ntitle: 标题${index}\n---\n\n${body(index)}`);
      // Every third story has no English edition: the jobs are not all alike.
      if (index % 3) writeFileSync(join(story, 'en.mdx'), `---\ntitle: Title ${index}\n---\n\nParagraph ${index}.\n`);
    }
    const { entries, said, context } = loaderContext<{ title: string }>(join(dir, '..'));
    await storyLoader({ base: 'content/stories', locales: ['zh', 'zh-hant', 'en'] }).load(context);
    // A worker that failed would be a warning here.
    expect(said).toEqual([]);
    const english = Array.from({ length: count }, (_, index) => index).filter((index) => index % 3).length;
    expect(entries.size).toBe(count * 2 + english);
    const convert = getTraditionalConverter(dir).convert;
    for (let index = 0; index < count; index++) {
      const id = `story-${String(index).padStart(3, '0')}`;
      expect(entries.get(`${id}/zh`)!.rendered.html).toBe(toBodyHtml(body(index)));
      expect(entries.get(`${id}/zh-hant`)!.rendered.html).toBe(toConvertedBodyHtml(body(index), convert));
      expect(entries.get(`${id}/zh-hant`)!.data.title).toBe(`標題${index}`);
      if (index % 3) expect(entries.get(`${id}/en`)!.rendered.html).toBe(`<p>Paragraph ${index}.</p>`);
      else expect(entries.has(`${id}/en`)).toBe(false);
    }
  });
});
