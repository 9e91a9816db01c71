/**
 * The stories loader in `astro dev`: each save the watcher reports reaches the content store,
 * the last one last, however the syncs it starts overlap.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { storyLoader } from '../../src/site/story-loader.ts';
import { loaderContext } from '../helpers/loader-context.ts';

const root = mkdtempSync(join(tmpdir(), 'gazette-story-loader-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A project with one story, and the loader's context: a store, a watcher, and parsing that can be held. */
function project(name: string) {
  const dir = join(root, name);
  const file = join(dir, 'content', 'stories', 'desk-story', 'zh.mdx');
  mkdirSync(join(file, '..'), { recursive: true });
  /** While set, the parsing of this title waits until released: a sync that has read the file. */
  let held: { title: string; until: Promise<void> } | undefined;
  const parseData = async ({ data }: { data: { title: string } }) => {
    if (held && data.title === held.title) await held.until;
    return data;
  };
  const watcher = Object.assign(new EventEmitter(), { add: () => {} });
  const { entries, said: errors, context } = loaderContext<{ title: string }>(dir, { parseData, watcher });
  return {
    errors,
    load: () => storyLoader({ base: 'content/stories', locales: ['zh'] }).load(context),
    title: () => entries.get('desk-story/zh')?.data.title,
    /** Writes the story with this title, as an editor's save does, and has the watcher report it. */
    save(title: string, report = true) {
      writeFileSync(file, `---\ntitle: ${title}\n---\n\n正文。\n`);
      if (report) watcher.emit('all', 'change', file);
    },
    /** Holds the parsing of `title`; returns its release. */
    hold(title: string): () => void {
      let release!: () => void;
      held = { title, until: new Promise<void>((resolve) => (release = resolve)) };
      return release;
    },
  };
}

describe('the stories loader, watching in astro dev', () => {
  it('ends with the last save in the store when a second save comes while the first is being read', async () => {
    const site = project('overlap');
    site.save('第一版', false);
    await site.load();
    expect(site.title()).toBe('第一版');
    const release = site.hold('第二版');
    site.save('第二版');
    await pause(20);
    site.save('第三版');
    await pause(20);
    release();
    await vi.waitFor(() => expect(site.title()).toBe('第三版'));
    // And it stays so: no sync still running writes an older version over it.
    await pause(50);
    expect(site.title()).toBe('第三版');
    expect(site.errors).toEqual([]);
  });

  it('syncs a save made while the first sync runs, once it has ended', async () => {
    const site = project('first');
    site.save('第一版', false);
    const release = site.hold('第一版');
    const loading = site.load();
    await pause(20);
    site.save('第二版');
    release();
    await loading;
    await vi.waitFor(() => expect(site.title()).toBe('第二版'));
    expect(site.errors).toEqual([]);
  });
});
