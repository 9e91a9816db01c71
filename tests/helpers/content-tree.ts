/**
 * The basic fixture's bilingual story, as the content-check tests mutate it: its file paths,
 * a temp copy of its content/ alone (no code: the check runs in-process) and a guarded edit.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { checkContent } from '../../src/check/check-content.ts';
import { fixtureContent } from './project.ts';

export const STORY = 'content/stories/bilingual-story';
export const ZH = `${STORY}/zh.mdx`;
export const EN = `${STORY}/en.mdx`;
export const HERO = `${STORY}/photos/fixture-hero.yaml`;
export const INLINE = `${STORY}/photos/fixture-inline.yaml`;

/** Returns a maker of temp folders holding a copy of the basic fixture's content/, removed after the file's tests. */
export function useContentCopies(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), `gazette-${prefix}-`));
    dirs.push(dir);
    cpSync(fixtureContent('basic'), join(dir, 'content'), { recursive: true });
    return dir;
  };
}

/** Rewrites one file of `dir`; a change that changes nothing is a broken test, so it throws. */
export function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`mutation did nothing to ${file}`);
  writeFileSync(path, after);
}

/** One kind of bad input: what to break, and the message the check must give for which file. */
export interface CheckCase {
  name: string;
  mutate: (dir: string) => void;
  /** The file the message must name, relative to the project, as `npm run check` prints it. */
  file: string;
  /** What the message must say: line, field and expectation. */
  expect: RegExp;
}

/** Breaks a fresh copy as `check` says, runs the content check in-process and asserts its message. */
export async function expectCheckCase(makeCopy: () => string, check: CheckCase): Promise<void> {
  const dir = makeCopy();
  check.mutate(dir);
  const report = await checkContent(dir);
  expect(report.ok).toBe(false);
  const own = report.lines.filter((line) => line.startsWith(`${check.file}:`));
  expect(own.join('\n'), report.lines.join('\n')).toMatch(check.expect);
}
