/**
 * Which pages' cache keys an edit changes (src/site/page-cache-keys.ts): those of the pages that
 * show the edited story, and no other. tests/build/incremental.test.ts proves on real builds that
 * a restored page is byte-identical to a rendered one; this says, quickly, which keys move.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../../src/config/locales.ts';
import { site } from '../../src/config/site.ts';
import { toStoryPath } from '../../src/newsroom/permalinks.ts';
import { section, staff, story, useContent, type ContentFixtures } from '../helpers/mock-content.ts';

vi.mock('astro:content', () => import('../helpers/mock-content.ts').then((m) => m.astroContent()));
vi.mock('astro:assets', () => import('../helpers/mock-content.ts').then((m) => m.astroAssets()));

/**
 * One Chinese story more than a front page lists, an hour apart, newest first, all with one tag
 * and section: each lists the three newest others as related (relatedStories is 3).
 */
const published = (index: number) => new Date(Date.UTC(2025, 11, 20) - index * 3_600_000).toISOString();
const economy = Array.from({ length: site.frontPageSize + 2 }, (_, index) => story(`economy-${index}`, 'zh', { published: published(index), tags: ['制造业'] }));
const LAST = `economy-${economy.length - 1}`;

const content = {
  people: staff.people,
  sections: [...staff.sections, section('culture', { zh: '文化', en: 'Culture' })],
  stories: [
    ...economy,
    story('economy-0', 'en', { published: published(0), tags: ['manufacturing'] }),
    story('culture', 'zh', { published: '2025-11-05T09:00:00+08:00', section: 'culture', tags: ['文化'] }),
  ],
} satisfies ContentFixtures;

const edit = (id: string, fields: Parameters<typeof story>[2]) => ({
  ...content,
  stories: content.stories.map((entry) => (entry.id === `${id}/zh` ? story(id, 'zh', { ...entry.data, body: entry.body, ...fields }) : entry)),
});

/** A story page's path, as the keys below name it. */
const pageOf = (id: string, locale: Locale = 'zh') => {
  const entry = content.stories.find((candidate) => candidate.id === `${id}/${locale}`)!;
  return toStoryPath({ id, locale, published: entry.data.published }, site.timezone);
};

/** Every story, archive and front page's cache key, by path, for some content, loaded fresh. */
async function keysFor(fixtures: ContentFixtures): Promise<Map<string, string>> {
  vi.resetModules();
  useContent(fixtures);
  const routes = await import('../../src/site/routes.ts');
  const archives = await import('../../src/site/archives.ts');
  const { withCacheKeys, withFrontPageCacheKeys } = await import('../../src/site/page-cache-keys.ts');
  return new Map([
    ...(await withCacheKeys(await routes.getSitePaths())).map((path) => [`/${path.params.permalink}/`, path.cacheKey] as const),
    ...(await withCacheKeys(await archives.getSectionArchiveRoutes())).map((path) => [path.props.canonical, path.cacheKey] as const),
    ...(await withFrontPageCacheKeys(routes.getFrontPagePaths())).map((path) => [`front page ${path.props.locale}`, path.cacheKey] as const),
  ]);
}

let base: Map<string, string> | undefined;

async function changedBy(fixtures: ContentFixtures): Promise<string[]> {
  const before = (base ??= await keysFor(content));
  const after = await keysFor(fixtures);
  return [...after.keys()].filter((path) => before.get(path) !== after.get(path)).sort();
}

afterAll(() => {
  vi.unstubAllEnvs();
});

// Each content set loads the site modules afresh (vi.resetModules): about a second, more on a busy machine.
describe('page cache keys', { timeout: 20_000 }, () => {
  it('change a front page\'s key when a story it lists changes, and not when one it leaves off does', async () => {
    expect(await changedBy(edit('economy-3', { summary: '改过的摘要' }))).toContain('front page zh');
    const changed = await changedBy(edit(LAST, { summary: '改过的摘要' }));
    expect(changed).toContain(pageOf(LAST));
    expect(changed).not.toContain('front page zh');
  });

  it('change only the edited story page\'s key when its body changes', async () => {
    expect(await changedBy(edit('economy-3', { body: '改过的正文。' }))).toEqual([pageOf('economy-3')]);
  });

  it('change the keys of the stories that list a story as related when its headline changes, and of no other story', async () => {
    const changed = await changedBy(edit('economy-2', { title: '改过的标题' }));
    expect(changed).toEqual(expect.arrayContaining([pageOf('economy-0'), pageOf('economy-1'), pageOf('economy-3'), pageOf(LAST)]));
    expect(changed).not.toContain(pageOf('culture'));
    expect(changed).not.toContain(pageOf('economy-0', 'en'));
    expect(changed).not.toContain('front page en');
    expect(changed.filter((path) => path.includes('culture'))).toEqual([]);
    // Same section and tag, but older than the three every story lists: on no other story's page.
    const older = await changedBy(edit('economy-5', { title: '改过的标题' }));
    expect(older.filter((path) => /\/economy-\d+\/$/.test(path))).toEqual([pageOf('economy-5')]);
  });
});
