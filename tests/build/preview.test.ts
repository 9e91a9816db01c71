/**
 * `npm run dev` shows drafts and scheduled stories, under a banner, so editors can review
 * them; production never builds them (see fixture-site.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, FIXTURE_NOW, fixtureContent, makeProject, removeProject, textOf } from '../helpers/project.ts';

let dir: string;
let server: ChildProcess;
let base: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  dir = makeProject(fixtureContent('basic'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    env: cleanEnv({ GAZETTE_NOW: FIXTURE_NOW }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('watching for file changes')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
  });
});

afterAll(() => {
  server?.kill();
  removeProject(dir);
});

async function page(path: string) {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(200);
  return parseHTML(await response.text()).document;
}

describe('preview (npm run dev)', () => {
  it('shows a draft with a DRAFT banner', async () => {
    const doc = await page('/2025/12/01/draft-story/');
    expect(textOf(doc.querySelector('.preview-banner'))).toContain('DRAFT');
    expect(textOf(doc.querySelector('h1'))).toBe('草稿稿件绝不能泄露');
  });

  it('shows an embargoed story with a SCHEDULED banner and its release time', async () => {
    const doc = await page('/2030/01/01/scheduled-story/');
    expect(textOf(doc.querySelector('.preview-banner'))).toContain('SCHEDULED');
    expect(textOf(doc.querySelector('.preview-banner'))).toContain('2030年1月1日 08:00');
  });

  it('shows no banner on a published story', async () => {
    expect((await page('/2025/12/10/zh-only-story/')).querySelector('.preview-banner')).toBeNull();
  });

  it('shows an editor\'s saved edit to a body on the next page load', async () => {
    const path = '/2025/12/10/zh-only-story/';
    const sentence = '编辑刚刚补充的一句话。';
    expect(textOf((await page(path)).querySelector('.story-body'))).not.toContain(sentence);
    appendFileSync(join(dir, 'content/stories/zh-only-story/zh.mdx'), `\n${sentence}\n`);
    // The loader re-renders the file when the watcher reports it: poll rather than guess a delay.
    let body = '';
    for (let attempt = 0; attempt < 50 && !body.includes(sentence); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      body = textOf((await page(path)).querySelector('.story-body'));
    }
    expect(body).toContain(sentence);
  });
});
