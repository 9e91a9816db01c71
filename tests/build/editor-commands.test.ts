/**
 * The editor commands, run as editors run them, on a temp copy of the basic fixture:
 * `new` starts a draft that passes the validator as-is, and refuses what it must;
 * `translations` reports missing and stale language versions.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../../src/check/check-content.ts';
import { splitFrontmatter } from '../../src/check/frontmatter.ts';
import { fixtureContent, makeProject, removeProject, runScript } from '../helpers/project.ts';

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));

function project(): string {
  const dir = makeProject(fixtureContent('basic'));
  projects.push(dir);
  return dir;
}

function frontmatter(file: string): Record<string, unknown> {
  const parts = splitFrontmatter(readFileSync(file, 'utf8'));
  if (!parts) throw new Error(`no frontmatter in ${file}`);
  return parse(parts.yaml, { schema: 'core' }) as Record<string, unknown>;
}

/** Content errors (not warnings) in a project, as formatted lines. */
async function contentErrors(dir: string): Promise<string[]> {
  const report = await checkContent(dir);
  return report.lines.filter((_, index) => report.problems[index]!.severity === 'error');
}

// 14:31 UTC is 22:31 in Beijing: the file must say so, with the offset.
const NOW = '2026-11-28T14:31:00Z';

describe('npm run new', () => {
  let dir: string;
  beforeAll(() => {
    dir = project();
  });

  it('creates a Chinese draft with every required field, dated now in the newsroom timezone', async () => {
    const result = runScript(dir, 'new.ts', ['fresh-story'], { GAZETTE_NOW: NOW });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('content/stories/fresh-story/zh.mdx');
    const file = join(dir, 'content/stories/fresh-story/zh.mdx');
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(join(dir, 'content/stories/fresh-story'))).toEqual(['zh.mdx']);
    const data = frontmatter(file);
    expect(data.draft).toBe(true);
    expect(data.published).toBe('2026-11-28T22:31:00+08:00');
    expect(new Date(data.published as string).getTime()).toBe(new Date(NOW).getTime());
    // The first person and section of the fixture, sorted: li-hua before wang-ming.
    expect(data.authors).toEqual(['li-hua']);
    expect(data.section).toBe('news');
    expect(data.title).toBe('待定标题');
    expect(typeof data.summary === 'string' && data.summary.trim().length > 0).toBe(true);
    const source = readFileSync(file, 'utf8');
    expect(source).toMatch(/^# .*change.*\n(?:.*\n)?authors:/im);
    expect(await contentErrors(dir)).toEqual([]);
  });

  it('takes the time from the clock when GAZETTE_NOW is not set', () => {
    const before = Date.now();
    const result = runScript(dir, 'new.ts', ['clock-story', '--lang', 'en'], { GAZETTE_NOW: '' });
    expect(result.status, result.stderr).toBe(0);
    const published = frontmatter(join(dir, 'content/stories/clock-story/en.mdx')).published as string;
    expect(published).toMatch(/\+08:00$/);
    // The file keeps whole seconds.
    expect(new Date(published).getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(new Date(published).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('adds a missing language to a story, copying published, authors, section and hero', async () => {
    const target = project();
    const story = join(target, 'content/stories/bilingual-story');
    rmSync(join(story, 'en.mdx'));
    const result = runScript(target, 'new.ts', ['bilingual-story', '--lang', 'en'], { GAZETTE_NOW: NOW });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('content/stories/bilingual-story/en.mdx');
    const zh = frontmatter(join(story, 'zh.mdx'));
    const en = frontmatter(join(story, 'en.mdx'));
    expect(en).toMatchObject({ published: zh.published, authors: zh.authors, section: zh.section, hero: zh.hero, draft: true, title: 'Headline to come' });
    expect(await contentErrors(target)).toEqual([]);
  });

  it('creates the English draft of a new story with --lang en', async () => {
    const result = runScript(dir, 'new.ts', ['english-first', '--lang', 'en'], { GAZETTE_NOW: NOW });
    expect(result.status, result.stderr).toBe(0);
    const data = frontmatter(join(dir, 'content/stories/english-first/en.mdx'));
    expect(data).toMatchObject({ title: 'Headline to come', published: '2026-11-28T22:31:00+08:00', draft: true });
    expect(await contentErrors(dir)).toEqual([]);
  });

  const refusals: { name: string; args: string[]; message: RegExp }[] = [
    { name: 'an id whose file exists', args: ['zh-only-story'], message: /zh-only-story.*already has content\/stories\/zh-only-story\/zh\.mdx/ },
    { name: 'an id that exists in every language', args: ['bilingual-story', '--lang', 'en'], message: /bilingual-story.*already has .*en\.mdx/ },
    { name: 'an id that is not a lowercase slug', args: ['Bad_ID'], message: /"Bad_ID" is not a lowercase slug/ },
    { name: 'an id with a double hyphen', args: ['bad--id'], message: /"bad--id" is not a lowercase slug/ },
    { name: 'a language the site does not have', args: ['new-story', '--lang', 'fr'], message: /"fr".*expected --lang zh or en/ },
    { name: 'a missing id', args: [], message: /^usage: npm run new -- <story-id> \[--lang zh\|en\]/ },
    { name: 'the generated Traditional edition', args: ['zh-only-story', '--lang', 'zh-hant'], message: /zh-hant is generated from zh\.mdx at build time: to write it by hand, copy content\/stories\/zh-only-story\/zh\.mdx to zh-hant\.mdx/ },
    { name: 'two ids', args: ['one', 'two'], message: /^usage: npm run new/ },
    { name: 'an unknown option', args: ['new-story', '--language', 'en'], message: /usage: npm run new/ },
  ];

  it.each(refusals)('refuses $name, changing nothing', ({ args, message }) => {
    const target = project();
    const before = readFileSync(join(target, 'content/stories/zh-only-story/zh.mdx'), 'utf8');
    const stories = readdirSync(join(target, 'content/stories')).sort();
    const result = runScript(target, 'new.ts', args, { GAZETTE_NOW: NOW });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(readdirSync(join(target, 'content/stories')).sort()).toEqual(stories);
    expect(readFileSync(join(target, 'content/stories/zh-only-story/zh.mdx'), 'utf8')).toBe(before);
  });
});

describe('npm run translations', () => {
  let dir: string;
  beforeAll(() => {
    dir = project();
  });

  it('prints a table of missing and stale translations, and exits 0', () => {
    const result = runScript(dir, 'translations.ts');
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^story\s+status\s+file$/);
    const row = (id: string) => lines.find((line) => line.startsWith(`${id} `));
    expect(row('zh-only-story')).toMatch(/^zh-only-story\s+missing en\s+content\/stories\/zh-only-story\/en\.mdx$/);
    // Drafts and scheduled stories count too.
    expect(row('draft-story')).toMatch(/missing en/);
    expect(row('scheduled-story')).toMatch(/missing en/);
    expect(row('bilingual-story')).toMatch(/^bilingual-story\s+en behind zh by 8 hours\s+content\/stories\/bilingual-story\/en\.mdx$/);
    // Aligned: every status starts in the same column.
    const columns = ['zh-only-story', 'bilingual-story'].map((id) => row(id)!.search(/(missing|en behind)/));
    expect(new Set([lines[0]!.indexOf('status'), ...columns]).size).toBe(1);
  });

  it('prints the same report as JSON with --json', () => {
    const result = runScript(dir, 'translations.ts', ['--json']);
    expect(result.status, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rows.map((r) => r.id)).toEqual(['bilingual-story', 'draft-story', 'scheduled-story', 'zh-only-story']);
    expect(rows.find((r) => r.id === 'bilingual-story')).toEqual({
      id: 'bilingual-story',
      missing: [],
      stale: true,
      zhUpdated: '2025-12-22T10:00:00+08:00',
      enUpdated: '2025-12-22T01:30:00+08:00',
      files: ['content/stories/bilingual-story/zh.mdx', 'content/stories/bilingual-story/en.mdx'],
      editions: { 'zh-hant': 'generated' },
    });
    expect(rows.find((r) => r.id === 'zh-only-story')).toEqual({
      id: 'zh-only-story',
      missing: ['en'],
      stale: false,
      zhUpdated: '2025-12-10T09:00:00+08:00',
      enUpdated: null,
      files: ['content/stories/zh-only-story/zh.mdx'],
      editions: { 'zh-hant': 'generated' },
    });
  });

  it('says so when everything is translated and up to date', () => {
    const target = makeProject(fixtureContent('basic'));
    projects.push(target);
    for (const id of ['draft-story', 'scheduled-story', 'zh-only-story']) rmSync(join(target, 'content/stories', id), { recursive: true });
    rmSync(join(target, 'content/stories/bilingual-story/zh.mdx'));
    // The Chinese started again from the English copies its published date: neither is behind.
    expect(runScript(target, 'new.ts', ['bilingual-story'], { GAZETTE_NOW: NOW }).status).toBe(0);
    const text = runScript(target, 'translations.ts');
    expect(text.status).toBe(0);
    const [first, blank, ...editions] = text.stdout.trim().split('\n');
    expect([first, blank]).toEqual(['All stories are translated and up to date.', '']);
    // The Traditional edition of each story, and where it comes from.
    expect(editions).toEqual(['story            edition                    from file', 'bilingual-story  zh-hant generated from zh  content/stories/bilingual-story/zh.mdx']);
    const json = runScript(target, 'translations.ts', ['--json']);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });
});
