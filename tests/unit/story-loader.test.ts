/**
 * The stories loader in `astro dev`: each save the watcher reports reaches the content store,
 * the last one last, however the syncs it starts overlap.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { storyLoader } from '../../src/site/story-loader.ts';

const dir = mkdtempSync(join(tmpdir(), 'gazette-story-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'content', 'stories', 'desk-story', 'zh.mdx');
mkdirSync(join(file, '..'), { recursive: true });
const save = (title: string) => writeFileSync(file, `---\ntitle: ${title}\n---\n\n正文。\n`);

type Entry = { id: string; data: { title: string } };
const entries = new Map<string, Entry>();
const store = {
  get: (id: string) => entries.get(id),
  set: (entry: Entry) => (entries.set(entry.id, entry), true),
  keys: () => [...entries.keys()],
  delete: (id: string) => void entries.delete(id),
};
/** Holds the parsing of one title until released: a sync that read the file, and waits. */
let held: { title: string; until: Promise<void> } | undefined;
const parseData = async ({ data }: { data: { title: string } }) => {
  if (held && data.title === held.title) await held.until;
  return data;
};
const watcher = Object.assign(new EventEmitter(), { add: () => {} });
const errors: string[] = [];
const title = () => entries.get('desk-story/zh')?.data.title;

describe('the stories loader, watching in astro dev', () => {
  it('ends with the last save in the store when a second save comes while the first is being read', async () => {
    save('第一版');
    const context = { store, parseData, generateDigest: (text: string) => createHash('sha1').update(text).digest('hex'), watcher, config: { root: pathToFileURL(`${dir}/`) }, logger: { error: (message: string) => errors.push(message) } };
    await storyLoader({ base: 'content/stories', locales: ['zh'] }).load(context as unknown as LoaderContext);
    expect(title()).toBe('第一版');

    let release!: () => void;
    held = { title: '第二版', until: new Promise<void>((resolve) => (release = resolve)) };
    save('第二版');
    watcher.emit('all', 'change', file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    save('第三版');
    watcher.emit('all', 'change', file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await vi.waitFor(() => expect(title()).toBe('第三版'));
    // And it stays so: no sync still running writes an older version over it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(title()).toBe('第三版');
    expect(errors).toEqual([]);
  });
});
