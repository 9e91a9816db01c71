/**
 * The stories loader in `astro dev`: each save the watcher reports reaches the content store,
 * the last one last, however the syncs it starts overlap.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { glob as astroGlob, type Loader } from 'astro/loaders';
import { glob, nativeStoryLoader } from '../../src/site/native-loaders.ts';
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
    entries,
    load: () => storyLoader({ base: 'content/stories', locales: ['zh'] }).load(context),
    /** Loads with the loader content.config.ts names: the same loader, imported by Node when it first runs. */
    loadNatively: (loader = nativeStoryLoader({ base: 'content/stories', locales: ['zh'], name: 'gazette-stories' })) => loader.load(context),
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

describe('the stories loader as content.config.ts names it', () => {
  it('fills the store as the loader does, and sees a later save through the same loader', async () => {
    const direct = project('direct');
    direct.save('原文标题', false);
    await direct.load();
    const native = project('native');
    native.save('原文标题', false);
    const loader = nativeStoryLoader({ base: 'content/stories', locales: ['zh'], name: 'gazette-stories' });
    expect(loader.name).toBe('gazette-stories');
    await native.loadNatively(loader);
    expect(native.title()).toBe('原文标题');
    expect(native.entries.get('desk-story/zh')?.rendered.html).toBe('<p>正文。</p>');
    expect(native.entries.get('desk-story/zh')).toEqual(direct.entries.get('desk-story/zh'));
    // A second sync through the same loader sees a save.
    native.save('更正后的标题', false);
    await native.loadNatively(loader);
    expect(native.title()).toBe('更正后的标题');
    expect(native.errors).toEqual([]);
  });
});

describe("Astro's glob() as content.config.ts names it", () => {
  /** What a glob() loader stores of content/people/*.yaml, YAML read as Astro's data entry type reads it. */
  async function stored(loader: Loader, name: string) {
    const dir = join(root, name);
    mkdirSync(join(dir, 'content', 'people'), { recursive: true });
    writeFileSync(join(dir, 'content', 'people', 'li-hua.yaml'), 'name: { zh: 李华, en: Li Hua }\n');
    const { entries, said, context } = loaderContext<{ name: unknown }>(dir);
    const entryTypes = new Map([['.yaml', { getEntryInfo: ({ contents }: { contents: string }) => ({ data: parse(contents) as object, body: '' }) }]]);
    Object.assign(context, { collection: 'people', entryTypes, config: { ...context.config, srcDir: pathToFileURL(join(dir, 'src/')) } });
    await loader.load(context);
    expect(said).toEqual([]);
    return entries;
  }

  it("stores what Astro's own glob() stores, under its name", async () => {
    const options = { base: 'content/people', pattern: '*.yaml' };
    const ours = glob(options);
    expect(ours.name).toBe(astroGlob(options).name);
    const entries = await stored(ours, 'glob-native');
    expect(entries.get('li-hua')?.data).toEqual({ name: { zh: '李华', en: 'Li Hua' } });
    expect([...entries]).toEqual([...(await stored(astroGlob(options), 'glob-astro'))]);
  });
});
