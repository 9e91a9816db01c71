/**
 * Each body parsed once per build (docs/decisions/030-bodies-parsed-once-per-build.md): the stories
 * loader's verdict on a body is the check's own, and the check, given the loader's verdicts,
 * reports exactly what it reports parsing every body itself.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toCheckedBody } from '../../src/check/body-cache.ts';
import { checkBody } from '../../src/check/body-check.ts';
import { WORTH_WAITING } from '../../src/check/body-handoff.ts';
import { checkContent } from '../../src/check/check-content.ts';
import type { Problem } from '../../src/check/problems.ts';
import { localeKeys } from '../../src/config/locales.ts';
import { renderJob } from '../../src/site/body-threads.ts';
import { storyLoader } from '../../src/site/story-loader.ts';
import { toBodyHtml } from '../../src/site/story-body.ts';
import { edit, useContentCopies } from '../helpers/content-tree.ts';
import { loaderContext } from '../helpers/loader-context.ts';

const makeCopy = useContentCopies('body-handoff');
afterEach(() => vi.unstubAllEnvs());

const BODIES = {
  photos: '<LeadLines>\n导语。\n</LeadLines>\n\n正文。\n\n<Photo id="a-photo" />\n\n| 指标 | 产值 |\n| --- | --- |\n| 1 | 2 |\n',
  refused: '第一段。\n\n<script>alert(1)</script>\n',
  unparsable: '第一段 {open\n',
  invisible: '看不见\u202e的字。\n',
  link: '[点我](javascript:alert(1))\n',
};

describe('the loader’s verdict on a body', () => {
  it.each(Object.entries(BODIES))('is the check’s, and the HTML is the same as without it: %s', (_name, body) => {
    const problems: Problem[] = [];
    const expected = toCheckedBody(checkBody(body, 'any.mdx', 12, problems), problems);
    const convert = () => (text: string) => text.replaceAll('段', '段(轉)');
    // A Simplified file and its Traditional edition, an English file, and a Traditional edition alone (its source unchanged).
    for (const converted of [[false, true], [false], [true]]) {
      const withVerdict = renderJob({ body, converted, bodyLine: 12 }, convert);
      expect(withVerdict.verdict).toEqual(expected);
      const { verdict: _verdict, ...rest } = withVerdict;
      expect(rest).toEqual(renderJob({ body, converted }, convert));
    }
  });

  it('is not made unless asked for', () => {
    expect(renderJob({ body: BODIES.photos, converted: [false] }, () => (text) => text)).toEqual({ html: [toBodyHtml(BODIES.photos)] });
  });
});

/** The basic fixture's content with `copies` more copies of its bilingual story: enough bodies for the check to wait for the loader's. */
function archive(copies: number): string {
  const dir = makeCopy();
  const story = join(dir, 'content/stories/bilingual-story');
  for (let index = 0; index < copies; index++) {
    const copy = join(dir, `content/stories/copy-${String(index).padStart(3, '0')}`);
    cpSync(story, copy, { recursive: true, filter: (path) => !path.includes('photos') });
    // Each body its own (verdicts are kept by body), and the old path the story's alone.
    edit(dir, `${copy.slice(dir.length + 1)}/zh.mdx`, (text) => text.replace('第二段正文。', `第二段正文，第${index}份。`).replace(/^aliases:.*\n/m, ''));
    edit(dir, `${copy.slice(dir.length + 1)}/en.mdx`, (text) => text.replace('Second paragraph.', `Second paragraph, copy ${index}.`));
  }
  return dir;
}

/** What Astro's content sync does in `npm run build`: both loaders, handing their verdicts to `verdicts`. */
async function runLoaders(dir: string, verdicts: string, folders = ['stories', 'pages']) {
  vi.stubEnv('GAZETTE_BODY_VERDICTS', verdicts);
  for (const folder of folders) {
    const { context } = loaderContext(dir);
    await storyLoader({ base: `content/${folder}`, locales: localeKeys, name: folder }).load(context);
  }
}

const askCheck = (verdicts: string, astroPid: number) => {
  vi.stubEnv('GAZETTE_BODY_VERDICTS', verdicts);
  vi.stubEnv('GAZETTE_BODY_VERDICTS_FROM', String(astroPid));
  return checkContent(verdicts.replace(/\/verdicts$/, ''));
};

describe('the check in a build, with the loader’s verdicts', () => {
  it('reports what it reports parsing every body itself, bad bodies included, and parses none of those it was given', async () => {
    const dir = archive(WORTH_WAITING / 2 + 1);
    edit(dir, 'content/stories/copy-003/en.mdx', (text) => `${text}\n<script>alert(1)</script>\n`);
    edit(dir, 'content/stories/copy-007/zh.mdx', (text) => `${text}\n{open\n`);
    const alone = await checkContent(dir);
    expect(alone.ok).toBe(false);
    expect(alone.bodiesFromLoader).toBe(0);
    rmSync(join(dir, '.gazette'), { recursive: true, force: true });

    const verdicts = join(dir, 'verdicts');
    // The stories loader hands over its verdicts, then stops at the bad bodies, as Astro's sync
    // would; the pages loader, which Astro syncs beside it, still runs.
    await expect(runLoaders(dir, verdicts)).rejects.toThrow(/copy-00[37]/);
    await runLoaders(dir, verdicts, ['pages']);
    const given = await askCheck(verdicts, process.pid);
    expect(given.lines).toEqual(alone.lines);
    const bodies = JSON.parse(readFileSync(join(verdicts, 'stories.json'), 'utf8')).bodies as Record<string, unknown>;
    const pages = JSON.parse(readFileSync(join(verdicts, 'pages.json'), 'utf8')).bodies as Record<string, unknown>;
    expect(given.bodiesFromLoader).toBe(Object.keys(bodies).length + Object.keys(pages).length);
    expect(Object.keys(bodies).length).toBeGreaterThanOrEqual(WORTH_WAITING);

    // A verdict the check did not make itself shows that it was taken, not parsed again.
    rmSync(join(dir, '.gazette'), { recursive: true, force: true });
    const file = join(verdicts, 'stories.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    const planted = { line: 99, field: 'body', message: 'planted by the test', severity: 'error' };
    for (const verdict of Object.values(saved.bodies) as { problems: unknown[] }[]) verdict.problems.push(planted);
    writeFileSync(file, JSON.stringify(saved));
    const took = await askCheck(verdicts, process.pid);
    expect(took.lines.filter((line) => line.includes('planted by the test')).length).toBe(Object.keys(bodies).length);
  });

  it('parses the bodies itself when the Astro process has ended without handing any over', async () => {
    const dir = archive(WORTH_WAITING);
    const alone = await checkContent(dir);
    rmSync(join(dir, '.gazette'), { recursive: true, force: true });
    const ended = spawnSync(process.execPath, ['-e', '']).pid!;
    const report = await askCheck(join(dir, 'verdicts'), ended);
    expect(report.bodiesFromLoader).toBe(0);
    expect(report.lines).toEqual(alone.lines);
    expect(report.ok).toBe(true);
  });

  it('does not wait for the loader after an edit: its cache knows the other bodies', async () => {
    const dir = archive(WORTH_WAITING);
    expect((await checkContent(dir)).ok).toBe(true);
    edit(dir, 'content/stories/copy-001/zh.mdx', (text) => `${text}\n又一段。\n`);
    // Astro "runs" (this process) and never hands anything over: waiting would time the test out.
    const report = await askCheck(join(dir, 'verdicts'), process.pid);
    expect(report.bodiesFromLoader).toBe(0);
    expect(report.ok).toBe(true);
  });

  it('does not wait for the loader when there are fewer bodies than are worth waiting for', async () => {
    const dir = archive(2);
    // Astro "runs" (this process) and never hands anything over: waiting would time the test out.
    const report = await askCheck(join(dir, 'verdicts'), process.pid);
    expect(report.bodiesFromLoader).toBe(0);
    expect(report.ok).toBe(true);
  });

  it('stops waiting once each folder’s file has come, and parses what the loader left out (bodies it did not parse)', async () => {
    const dir = archive(WORTH_WAITING);
    const verdicts = join(dir, 'verdicts');
    await runLoaders(dir, verdicts);
    // The loader's store was warm: it parsed nothing, and handed over empty files.
    for (const folder of ['stories', 'pages']) {
      const file = join(verdicts, `${folder}.json`);
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(file, JSON.stringify({ ...saved, bodies: {} }));
    }
    const report = await askCheck(verdicts, process.pid);
    expect(report.bodiesFromLoader).toBe(0);
    expect(report.ok).toBe(true);
  });
});
