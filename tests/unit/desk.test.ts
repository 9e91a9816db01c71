/**
 * The editing desk's save path, without a browser: where it may write, what it refuses, and that
 * what Keystatic writes for an unchanged story (captured from Keystatic 0.6.9 saving the seed
 * story, tests/fixtures/desk/) leaves the file byte-identical. tests/browser/desk.test.ts drives
 * the same path through the real app.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isDeskPath, toDeskPath, toDiskPath } from '../../src/desk/desk-paths.ts';
import { applyDeskUpdate, Refused } from '../../src/desk/desk-save.ts';
import { readDeskTree } from '../../src/desk/desk-tree.ts';
import { fromWallTime, toWallTime } from '../../src/desk/newsroom-time.ts';
import { mergeMdx, mergeYaml } from '../../src/desk/preserve-bytes.ts';
import { fixturesDir, repoRoot } from '../helpers/project.ts';

const SEED = 'content/stories/lianshang-fali-zhenxing-chanye';
const seedZh = readFileSync(join(repoRoot, SEED, 'zh.mdx'), 'utf8');
const savedByKeystatic = readFileSync(join(fixturesDir, 'desk/keystatic-saved-seed-zh.mdx'), 'utf8');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-desk-'));
  dirs.push(dir);
  cpSync(join(repoRoot, SEED), join(dir, SEED), { recursive: true });
  return dir;
}

describe('desk paths', () => {
  it('shows a photo image where Keystatic looks for it, and writes it back beside its entry', () => {
    expect(toDeskPath(`${SEED}/photos/qixian-glassware.jpg`)).toBe(`${SEED}/photos/qixian-glassware/qixian-glassware.jpg`);
    expect(toDiskPath(`${SEED}/photos/qixian-glassware/qixian-glassware.jpg`)).toBe(`${SEED}/photos/qixian-glassware.jpg`);
    expect(toDeskPath(`${SEED}/photos/qixian-glassware.yaml`)).toBe(`${SEED}/photos/qixian-glassware.yaml`);
    expect(toDiskPath(`${SEED}/zh.mdx`)).toBe(`${SEED}/zh.mdx`);
  });

  it.each(['src/pages/x.ts', 'astro.config.mjs', 'content/../src/x.ts', '/etc/passwd', 'content/./x', 'content\\x', 'content', `${SEED}/photos/a/b.jpg`])('refuses %s', (path) => {
    expect(toDiskPath(path)).toBeUndefined();
  });

  it('lets the desk touch content/ only', () => {
    expect(isDeskPath('content/people/cao-wei.yaml')).toBe(true);
    expect(isDeskPath('contents/x.yaml')).toBe(false);
  });
});

describe('desk save path', () => {
  it('keeps every byte of the seed story when Keystatic saves it unchanged', () => {
    expect(savedByKeystatic).not.toBe(seedZh);
    expect(mergeMdx(seedZh, savedByKeystatic)).toBe(seedZh);
  });

  it('changes only the edited field, keeping comments, quotes, flow lists and the body', () => {
    const edited = mergeMdx(seedZh, savedByKeystatic.replace('步履铿锵', '步履铿锵！'));
    const changed = edited.split('\n').filter((line, i) => line !== seedZh.split('\n')[i]);
    expect(changed).toEqual(['subtitle: "——晋中市推进制造业重点产业链优化升级步履铿锵！"']);
    expect(mergeMdx(edited, savedByKeystatic)).toBe(seedZh);
  });

  it('leaves out the empty values a form writes for blank fields, and keeps draft: true only when ticked', () => {
    expect(mergeYaml(undefined, "title: x\nsubtitle: ''\ntags: []\ncredit: { zh: '', en: '' }\ndraft: false\n")).toBe('title: x\n');
    expect(mergeYaml('title: x\ndraft: true\n', 'title: x\ndraft: false\n')).toBe('title: x\n');
  });

  it('keeps a time written in another offset when the desk sends the same instant in newsroom time', () => {
    const before = 'published: 2025-12-23T00:00:00Z\ncorrections:\n  - { date: 2025-12-24T02:00:00Z, text: 更正 }\n';
    expect(mergeYaml(before, 'published: 2025-12-23T08:00:00+08:00\ncorrections:\n  - date: 2025-12-24T10:00:00+08:00\n    text: 更正\n')).toBe(before);
    expect(mergeYaml(before, 'published: 2025-12-23T09:00:00+08:00\ncorrections:\n  - { date: 2025-12-24T02:00:00Z, text: 更正 }\n')).toContain('published: 2025-12-23T09:00:00+08:00');
  });

  it('writes only inside content/ and refuses an image that is not JPEG, PNG or WebP, writing nothing of a refused save', () => {
    const dir = project();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const save = (path: string, contents: Uint8Array) => () => applyDeskUpdate(dir, { additions: [{ path: `${SEED}/new.yaml`, contents: Buffer.from('a: 1\n') }, { path, contents }], deletions: [] });
    expect(save(`${SEED}/photos/p/p.png`, svg)).toThrow(/Only JPEG, PNG or WebP/);
    expect(save('src/x.ts', JPEG)).toThrow(Refused);
    expect(existsSync(join(dir, SEED, 'new.yaml'))).toBe(false);
    expect(existsSync(join(dir, SEED, 'photos/p.png'))).toBe(false);
    expect(applyDeskUpdate(dir, { additions: [{ path: `${SEED}/photos/p/p.jpg`, contents: JPEG }], deletions: [] })).toEqual([`${SEED}/photos/p.jpg`]);
    expect(readFileSync(join(dir, SEED, 'photos/p.jpg'))).toEqual(JPEG);
  });

  it('does not follow a link in content/ out of it', () => {
    const dir = project();
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    symlinkSync(outside, join(dir, 'content/stories/linked'));
    expect(() => applyDeskUpdate(dir, { additions: [{ path: 'content/stories/linked/zh.mdx', contents: Buffer.from('---\ntitle: x\n---\n') }], deletions: [] })).toThrow(/inside content/);
    expect(existsSync(join(outside, 'zh.mdx'))).toBe(false);
  });

  it('does not write through a linked file in content/, whatever it points at', () => {
    const dir = project();
    const target = join(dir, 'outside.yaml');
    writeFileSync(target, 'name: { zh: 原, en: Original }\n');
    mkdirSync(join(dir, 'content/people'), { recursive: true });
    symlinkSync(target, join(dir, 'content/people/linked.yaml'));
    expect(() => applyDeskUpdate(dir, { additions: [{ path: 'content/people/linked.yaml', contents: Buffer.from('name: { zh: 改, en: Changed }\n') }], deletions: [] })).toThrow(/inside content/);
    expect(readFileSync(target, 'utf8')).toBe('name: { zh: 原, en: Original }\n');
  });

  it('writes only the contract’s kinds of file: an image only as a photo’s own, under its real type', () => {
    const dir = project();
    const save = (path: string) => () => applyDeskUpdate(dir, { additions: [{ path, contents: JPEG }], deletions: [] });
    expect(save('content/x.html')).toThrow(/Only JPEG, PNG or WebP/);
    expect(save(`${SEED}/photos/p/p.png`)).toThrow(/Only JPEG, PNG or WebP/);
    expect(existsSync(join(dir, 'content/x.html'))).toBe(false);
  });

  it('refuses to move a story to another folder, which would strand its other files and its address', () => {
    const dir = project();
    const zh = readFileSync(join(dir, SEED, 'zh.mdx'));
    const move = () => applyDeskUpdate(dir, { additions: [{ path: 'content/stories/renamed/zh.mdx', contents: zh }], deletions: [{ path: `${SEED}/zh.mdx` }] });
    expect(move).toThrow(/cannot move or rename/);
    expect(existsSync(join(dir, SEED, 'zh.mdx'))).toBe(true);
    expect(existsSync(join(dir, 'content/stories/renamed'))).toBe(false);
  });
});

describe('desk tree', () => {
  it('gives files and folders the git shas Keystatic expects', () => {
    const dir = project();
    writeFileSync(join(dir, 'content/note.yaml'), 'a: 1\n');
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' }).stdout.trim();
    git('init', '-q');
    git('add', 'content');
    const tree = git('write-tree');
    const entries = readDeskTree(dir);
    expect(entries.find((entry) => entry.path === 'content/note.yaml')?.sha).toBe(git('rev-parse', `${tree}:content/note.yaml`));
    expect(entries.find((entry) => entry.path === `${SEED}/zh.mdx`)?.sha).toBe(git('rev-parse', `${tree}:${SEED}/zh.mdx`));
    // A photos folder differs from git's on purpose (images shown in folders of their own); the story's text does not.
    expect(entries.filter((entry) => entry.type === 'blob').map((entry) => entry.path)).toContain(`${SEED}/photos/qixian-glassware/qixian-glassware.jpg`);
  });
});

describe('newsroom time', () => {
  it('shows an instant on the newsroom clock and writes a typed time with its offset', () => {
    expect(toWallTime('2025-12-22T00:00:00Z')).toBe('2025-12-22 08:00');
    expect(toWallTime(new Date('2025-12-22T08:00:00+08:00'))).toBe('2025-12-22 08:00');
    expect(fromWallTime('2025-12-22 08:00')).toBe('2025-12-22T08:00:00+08:00');
    expect(fromWallTime('2025-12-22 08:00:30')).toBe('2025-12-22T08:00:30+08:00');
    expect(fromWallTime('22/12/2025')).toBeUndefined();
  });
});
