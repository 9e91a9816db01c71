/**
 * The editing desk, as an editor uses it: `npm run dev` on a copy of the project, the desk in
 * Chromium. It opens the seed story and its photos and saves them (an edit, then the edit undone)
 * without changing a byte; it writes a new draft story with an uploaded photo that `npm run check`
 * accepts, the preview shows under DRAFT and a build leaves out; it refuses what the contract
 * refuses; and after a save with an error it shows the check's own message, in the desk and in
 * the preview page without a script.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, requireChromium, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { cleanEnv, makeProject, removeProject, repoRoot, runBuild, textOf } from '../helpers/project.ts';
import { listDist } from '../helpers/site-checks.ts';

const SEED = 'content/stories/lianshang-fali-zhenxing-chanye';
const NEW = 'content/stories/desk-story';
const HEADLINE = '编辑台写的新稿';
const PARAGRAPH = '编辑台上写下的第一段正文。';

let dir: string;
let dev: DevServer;
let browser: Browser;
let page: Page;
const built: string[] = [];

beforeAll(async () => {
  requireChromium();
  dir = makeProject();
  dev = await startDevServer(dir);
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  // Vite bundles the modules an app page asks for on its first visit, then reloads the page: an
  // edit typed before that reload is lost. One visit to each kind of page first, until the log is quiet.
  for (const [path, label] of [['/collection/stories-zh/item/lianshang-fali-zhenxing-chanye', /^提要/], ['/collection/photos/create', /^位置/]] as const) {
    await openDesk(path, label);
    await page.waitForLoadState('networkidle');
  }
  for (let quiet = 0, waited = 0, last = dev.log(); quiet < 3 && waited < 60; waited++, last = dev.log()) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    quiet = dev.log() === last ? quiet + 1 : 0;
  }
});

afterAll(async () => {
  await browser?.close();
  dev?.stop();
  for (const copy of [dir, ...built]) if (copy) removeProject(copy);
});

const bytes = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file)) : Buffer.alloc(0));

/** Opens a desk address; the first visit may wait for Vite to bundle the desk's modules. */
async function openDesk(path: string, ready: string | RegExp): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      // After a save the app may still move to the saved entry's address: a later goto can be interrupted.
      await page.waitForLoadState('networkidle');
      await page.goto(`${dev.url}/keystatic${path}`);
      await page.getByLabel(ready).first().waitFor({ timeout: 30_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** A picture of the desk for a reviewer; the app's endless layout makes a full-page capture slow, so only the screen. */
async function snapshot(name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), timeout: 10_000 }).catch(() => undefined);
}

/** Clicks Save and waits until the app has its answer, so the next edit is not overwritten by the saved state. */
async function save(): Promise<void> {
  const answered = page.waitForResponse((response) => response.url().includes('/api/keystatic/update'), { timeout: 20_000 });
  // A change in content/ makes Astro's dev server reload every open page, the desk's too.
  const reloaded = page.waitForEvent('load', { timeout: 10_000 }).catch(() => undefined);
  await page.getByRole('button', { name: 'Save' }).click();
  const response = await answered.catch(async (error: Error) => {
    await snapshot('desk-save-failed');
    throw new Error(`${error.message}\n${dev.log().slice(-2000)}`);
  });
  expect(response.status()).toBe(200);
  await reloaded;
  await page.waitForLoadState('networkidle');
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 200));
  expect(condition(), what).toBe(true);
}

async function fetchPage(path: string) {
  const response = await fetch(`${dev.url}${path}`, { headers: { accept: 'text/html' }, signal: AbortSignal.timeout(20_000) });
  return { status: response.status, html: await response.text() };
}

describe('the editing desk (npm run dev)', () => {
  const roundTrips: [string, RegExp, string][] = [
    ['/collection/stories-zh/item/lianshang-fali-zhenxing-chanye', /^提要/, `${SEED}/zh.mdx`],
    ['/collection/stories-en/item/lianshang-fali-zhenxing-chanye', /^提要/, `${SEED}/en.mdx`],
    ...['yuci-hydraulics-workshop', 'antai-steel-workshop', 'qixian-glassware'].map((id): [string, RegExp, string] => [
      `/collection/photos/item/lianshang-fali-zhenxing-chanye%2Fphotos%2F${id}`, /^图说 · Caption: 中文/, `${SEED}/photos/${id}.yaml`,
    ]),
  ];
  it.each(roundTrips)('saves %s through Keystatic with an edit, then without it, and the file is byte-identical', async (path, label, file) => {
    const original = bytes(file);
    const images = ['yuci-hydraulics-workshop', 'antai-steel-workshop', 'qixian-glassware'].map((id) => bytes(`${SEED}/photos/${id}.jpg`));
    await openDesk(path, label);
    const field = page.getByLabel(label).first();
    const value = await field.inputValue();
    await field.fill(`${value}（改）`);
    await save();
    expect(bytes(file).equals(original), `the edit reached ${file}`).toBe(false);
    // Only the edited line changed: comments, quoting, flow lists and the body kept their bytes.
    const changed = bytes(file).toString('utf8').split('\n').filter((line, i) => line !== original.toString('utf8').split('\n')[i]);
    expect(changed).toEqual([expect.stringContaining('（改）')]);
    await field.waitFor();
    await expect.poll(() => field.inputValue()).toBe(`${value}（改）`);
    await field.fill(value);
    await save();
    expect(bytes(file).toString('utf8'), `${file} came back to its bytes`).toBe(original.toString('utf8'));
    expect(bytes(file).equals(original)).toBe(true);
    expect(['yuci-hydraulics-workshop', 'antai-steel-workshop', 'qixian-glassware'].map((id) => bytes(`${SEED}/photos/${id}.jpg`))).toEqual(images);
    expect(bytes(file).equals(readFileSync(join(repoRoot, file)))).toBe(true);
  });

  it('writes a new draft story with an uploaded photo: npm run check accepts it, the preview shows it under DRAFT, a build leaves it out', async () => {
    const jpeg = join(dir, 'upload.jpg');
    await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#3a7a5a' } }).jpeg().toFile(jpeg);
    await openDesk('/collection/photos/create', /^位置/);
    await page.getByLabel(/^位置/).fill('desk-story/photos/desk-photo');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose file' }).click();
    await (await chooser).setFiles(jpeg);
    await page.getByLabel('图说 · Caption: 中文 · Chinese').fill('编辑台上传的照片');
    await page.getByLabel('图说 · Caption: 英文 · English').fill('A photo uploaded at the desk');
    await page.getByLabel(/^替代文字.*: 中文/).fill('一片绿色的测试图片');
    await page.getByLabel(/^替代文字.*: 英文/).fill('A plain green test picture');
    await page.getByLabel(/^来源.*: 中文/).fill('本报资料');
    await page.getByLabel(/^来源.*: 英文/).fill('Gazette archive');
    await page.getByRole('button', { name: 'Create' }).click();
    await until(() => existsSync(join(dir, NEW, 'photos/desk-photo.yaml')), 'the photo entry was written');

    await openDesk('/collection/stories-zh/create', /^标题/);
    await page.getByLabel(/^标题/).fill(HEADLINE);
    await page.getByLabel(/^稿件 id/).fill('desk-story');
    await page.getByLabel(/^提要/).fill('这是一篇在编辑台上写的草稿。');
    await page.getByRole('combobox', { name: /作者/ }).fill('yan');
    await page.getByRole('option', { name: /yan-shujuan/ }).click();
    await page.getByRole('combobox', { name: /栏目/ }).fill('eco');
    await page.getByRole('option', { name: /economy/ }).click();
    await page.getByLabel(/^头图/).selectOption('desk-photo');
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.type(PARAGRAPH);
    await page.getByRole('button', { name: 'Create' }).click();
    await until(() => existsSync(join(dir, NEW, 'zh.mdx')), 'the story was written');
    await snapshot('desk-new-story');

    // The photo sits beside its entry, as the contract has it; the story is a draft with an offset date.
    expect(readFileSync(join(dir, NEW, 'photos/desk-photo.yaml'), 'utf8')).toMatch(/^image: \.\/desk-photo\.jpg$/m);
    expect((await sharp(join(dir, NEW, 'photos/desk-photo.jpg')).metadata()).width).toBe(1600);
    const story = readFileSync(join(dir, NEW, 'zh.mdx'), 'utf8');
    expect(story).toMatch(/^draft: true$/m);
    const published = /^published: '?(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}\+08:00'?$/m.exec(story);
    expect(published, story).not.toBeNull();

    const check = spawnSync('npm', ['run', 'check'], { cwd: dir, encoding: 'utf8', env: cleanEnv() });
    const output = stripVTControlCharacters(`${check.stdout}\n${check.stderr}`);
    expect(output).toContain('content: 0 errors');
    expect(output.split('\n').filter((line) => line.startsWith('content/'))).toEqual([]);

    const path = `/${published![1]}/${published![2]}/${published![3]}/desk-story/`;
    const preview = await fetchPage(path);
    expect(preview.status).toBe(200);
    const doc = parseHTML(preview.html).document;
    expect(textOf(doc.querySelector('.preview-banner'))).toContain('DRAFT');
    expect(doc.querySelector('.preview-banner a')?.getAttribute('href')).toBe('/keystatic/collection/stories-zh/item/desk-story');
    expect(textOf(doc.querySelector('h1'))).toBe(HEADLINE);
    expect(textOf(doc.querySelector('.story-body'))).toContain(PARAGRAPH);

    // A build of the same content, a copy so the running preview keeps its folder, long after the draft's date.
    const copy = makeProject(join(dir, 'content'));
    built.push(copy);
    const build = runBuild(copy, { GAZETTE_NOW: '2030-01-01T00:00:00+08:00' });
    expect(build.status, build.output).toBe(0);
    const files = listDist(join(copy, 'dist'));
    expect(files.filter((file) => file.includes('desk-story') || file.includes('desk-photo'))).toEqual([]);
    const leaks = files.filter((file) => /\.(html|xml|json|txt)$/.test(file) && /desk-story|编辑台写的新稿|desk-photo/.test(readFileSync(join(copy, 'dist', file), 'utf8')));
    expect(leaks).toEqual([]);
    expect(files).toContain('2025/12/22/lianshang-fali-zhenxing-chanye/index.html');
  });

  it('refuses an image that is not a JPEG, PNG or WebP, in the form and on save, and any path outside content/', async () => {
    const svg = join(dir, 'drawing.png');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await openDesk('/collection/photos/create', /^位置/);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose file' }).click();
    await (await chooser).setFiles(svg);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Only JPEG, PNG or WebP' }).count()).toBe(1);

    const post = (path: string, contents: string) =>
      fetch(`${dev.url}/api/keystatic/update`, {
        method: 'POST',
        headers: { 'no-cors': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ additions: [{ path, contents: Buffer.from(contents).toString('base64url') }], deletions: [] }),
      });
    const refusedImage = await post(`${NEW}/photos/drawing/drawing.png`, readFileSync(svg, 'utf8'));
    expect(refusedImage.status).toBe(400);
    expect(await refusedImage.text()).toContain('Only JPEG, PNG or WebP images are accepted');
    expect(existsSync(join(dir, NEW, 'photos/drawing.png'))).toBe(false);
    for (const path of ['src/pages/evil.ts', 'content/../src/evil.ts', '/etc/evil', 'astro.config.mjs']) {
      const response = await post(path, 'export {}');
      expect(response.status, path).toBe(400);
    }
    expect(existsSync(join(dir, 'src/pages/evil.ts')) || existsSync(join(dir, 'src/evil.ts'))).toBe(false);
  });

  it('shows the content check\'s message after a save with an error, in the desk and in the preview page without a script', async () => {
    await openDesk('/collection/stories-zh/item/desk-story', /^更新时间/);
    await page.getByLabel(/^更新时间/).fill('2020-01-01 08:00');
    await save();
    const own = async () => (await page.locator('#desk-check li').allTextContents()).filter((line) => /^content\/stories\/desk-story\/zh\.mdx:\d+: updated: /.test(line));
    await expect.poll(own, { timeout: 30_000 }).toHaveLength(1);
    await snapshot('desk-check-message');
    const [message] = await own();

    const front = await fetchPage('/');
    expect(textOf(parseHTML(front.html).document.querySelector('.dev-check-errors'))).toContain(message!.trim());

    // The case: a hero naming a photo that does not exist breaks the page's render.
    const file = join(dir, NEW, 'zh.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^updated: .*\n/m, '').replace(/^hero: desk-photo$/m, 'hero: no-such-photo'));
    const story = /^published: '?(\d{4})-(\d{2})-(\d{2})/m.exec(readFileSync(file, 'utf8'))!;
    const path = `/${story[1]}/${story[2]}/${story[3]}/desk-story/`;
    // The preview re-reads the file when the watcher reports it: poll until the page fails to render.
    await expect.poll(async () => (await fetchPage(path).catch(() => ({ status: 0 }))).status, { timeout: 90_000, message: `${readFileSync(file, 'utf8')}\n${dev.log().slice(-3000)}` }).toBe(500);
    const broken = await fetchPage(path);
    const lines = [...parseHTML(broken.html).document.querySelectorAll('.dev-check-errors li')].map((li) => textOf(li));
    expect(lines).toEqual([expect.stringMatching(/^content\/stories\/desk-story\/zh\.mdx:\d+: hero: unknown photo id "no-such-photo"/)]);
    expect(broken.html).not.toContain('<script');
  });
});
