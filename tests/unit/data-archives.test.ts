import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDateArchivePages, getPersonArchiveRoutes, getSectionArchiveRoutes, getTagArchiveRoutes } from '../../src/site/archives.ts';
import { getSiteData } from '../../src/site/site-data.ts';
import { person, photo, section, staff, story, useContent, type StoryFixture } from '../helpers/mock-content.ts';

vi.mock('astro:content', () => import('../helpers/mock-content.ts').then((m) => m.astroContent()));
vi.mock('astro:assets', () => import('../helpers/mock-content.ts').then((m) => m.astroAssets()));

const pad = (n: number) => String(n).padStart(2, '0');
/** s01 … s45, one a day from 1 November 2025 at 09:00 in Beijing, all in Economy. */
const daily = (count: number): StoryFixture[] =>
  Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(2025, 10, 1 + i, 1));
    return story(`s${pad(i + 1)}`, 'zh', { published: `${date.toISOString().slice(0, 10)}T09:00:00+08:00` });
  });

const content = {
  people: [
    ...staff.people,
    person('draft-only', { zh: '草稿记者', en: 'Draft Reporter' }),
    person('embargo-only', { zh: '定时记者', en: 'Embargo Reporter' }),
    person('lens-only', { zh: '草稿摄影', en: 'Draft Lens' }),
    person('photog', { zh: '摄影师', en: 'Photographer' }),
  ],
  sections: [...staff.sections, section('culture', { zh: '文化', en: 'Culture' })],
  photos: [photo('draft-hero', { photographer: 'lens-only' }), photo('kiln', { photographer: 'photog' })],
  stories: [
    ...daily(45),
    story('s44', 'en', { published: '2025-12-14T09:00:00+08:00', tags: ['AI policy'] }),
    story('s45', 'en', { published: '2025-12-15T09:00:00+08:00', tags: ['AI Policy', '、'] }),
    // 00:30 in Beijing is still the 15th in UTC: the archive follows the newsroom's calendar.
    story('night', 'zh', { published: '2025-12-16T00:30:00+08:00', section: 'culture', tags: ['夜班'], body: '窑火。\n\n<Photo id="kiln" />' }),
    story('secret', 'zh', { published: '2025-10-15T09:00:00+08:00', draft: true, section: 'culture', authors: ['draft-only'], tags: ['机密'], hero: 'draft-hero' }),
    story('future', 'zh', { published: '2025-12-23T08:00:00+08:00', section: 'culture', authors: ['embargo-only'], tags: ['未来'] }),
  ],
};

const pathOf = (props: { canonical: string }) => new URL(props.canonical).pathname;
const ids = (stories: { id: string }[]) => stories.map((s) => s.id);

useContent(content);
beforeAll(async () => {
  // Loaded once here, so a test that swaps the content for a fresh import leaves these modules alone.
  await getSiteData();
});

describe('numbered archive pages count from the oldest story', () => {
  it('shows the newest 20 on the archive and the oldest 20 on page 1', async () => {
    const pages = new Map((await getSectionArchiveRoutes()).map((route) => [pathOf(route.props), route]));
    const own = pages.get('/sections/economy/')!;
    expect(ids(own.props.stories)).toEqual(Array.from({ length: 20 }, (_, i) => `s${pad(45 - i)}`));
    expect(ids(pages.get('/sections/economy/page/1/')!.props.stories)).toEqual(Array.from({ length: 20 }, (_, i) => `s${pad(20 - i)}`));
    expect(ids(pages.get('/sections/economy/page/3/')!.props.stories)).toEqual(['s45', 's44', 's43', 's42', 's41']);
    expect(pages.has('/sections/economy/page/4/')).toBe(false);
    expect(own.params).toEqual({ locale: undefined, section: 'economy', page: undefined });
    expect(pages.get('/sections/economy/page/2/')!.params).toEqual({ locale: undefined, section: 'economy', page: 'page/2' });
  });

  it('links every page from each, marking the current one, and titles numbered pages', async () => {
    const pages = new Map((await getSectionArchiveRoutes()).map((route) => [pathOf(route.props), route.props]));
    const page2 = pages.get('/sections/economy/page/2/')!;
    expect(page2.pageLinks.map((link) => [link.label, link.href, link.current])).toEqual([
      ['最新', '/sections/economy/', false],
      ['1', '/sections/economy/page/1/', false],
      ['2', '/sections/economy/page/2/', true],
      ['3', '/sections/economy/page/3/', false],
    ]);
    expect(page2.title).toBe('经济栏目（第2页）');
    expect(pages.get('/sections/economy/')!.pageLinks[0]).toMatchObject({ href: '/sections/economy/', current: true });
    // Only the archive's own page has translations: page 2 in English lists other stories.
    expect(page2.alternates).toEqual([]);
    expect(pages.get('/sections/economy/')!.alternates).toEqual([
      { locale: 'zh-hant', href: '/zh-hant/sections/economy/', url: 'https://news.test/zh-hant/sections/economy/' },
      { locale: 'en', href: '/en/sections/economy/', url: 'https://news.test/en/sections/economy/' },
    ]);
    // Everything fits on the English archive's own page: no numbered pages, no page links.
    expect(ids(pages.get('/en/sections/economy/')!.stories)).toEqual(['s45', 's44']);
    expect(pages.get('/en/sections/economy/')!.pageLinks).toEqual([]);
    expect(pages.has('/en/sections/economy/page/1/')).toBe(false);
  });

  it('leaves a full page unchanged when a story is published', async () => {
    const before = (await getSectionArchiveRoutes()).find((route) => pathOf(route.props) === '/sections/economy/page/1/')!;
    vi.resetModules();
    useContent({ ...content, stories: [...content.stories, ...daily(46).slice(45)] });
    const fresh = await import('../../src/site/archives.ts');
    const after = (await fresh.getSectionArchiveRoutes()).find((route) => pathOf(route.props) === '/sections/economy/page/1/')!;
    expect(ids(after.props.stories)).toEqual(ids(before.props.stories));
    useContent(content);
  });
});

describe('date archives', () => {
  it('has a year, month and day page for every published story, by the newsroom calendar', async () => {
    const pages = new Map((await getDateArchivePages()).map((page) => [page.path, page.props]));
    expect(ids(pages.get('/2025/12/16/')!.stories)).toEqual(['night']);
    expect(ids(pages.get('/2025/12/15/')!.stories)).toEqual(['s45']);
    expect(pages.get('/2025/12/16/')!.title).toBe('2025年12月16日');
    expect(pages.get('/en/2025/12/')!.title).toBe('December 2025');
    expect(pages.get('/en/2025/12/15/')!.title).toBe('15 December 2025');
    expect(ids(pages.get('/2025/11/page/2/')!.stories)).toEqual(Array.from({ length: 10 }, (_, i) => `s${30 - i}`));
    expect(ids(pages.get('/2025/')!.stories)).toHaveLength(20);
    expect(pages.get('/2025/')!.pageLinks.map((link) => link.label)).toEqual(['最新', '1', '2', '3']);
  });

  it('links a date archive only to the languages that have one', async () => {
    const pages = new Map((await getDateArchivePages()).map((page) => [page.path, page.props]));
    expect(pages.get('/2025/12/')!.alternates.map((alt) => alt.href)).toEqual(['/en/2025/12/']);
    expect(pages.get('/2025/11/')!.alternates).toEqual([]);
    expect(pages.has('/en/2025/11/')).toBe(false);
  });

  it('makes no archive for the day of a draft or an embargoed story', async () => {
    const paths = (await getDateArchivePages()).map((page) => page.path);
    expect(paths).not.toContain('/2025/10/');
    expect(paths).not.toContain('/2025/10/15/');
    expect(paths).not.toContain('/2025/12/23/');
  });
});

describe('tag archives', () => {
  it('gathers tags that slug alike into one archive in their own language only', async () => {
    const routes = await getTagArchiveRoutes();
    const english = routes.filter((route) => route.props.locale === 'en');
    expect(english.map((route) => pathOf(route.props))).toEqual(['/en/tags/ai-policy/']);
    expect(english[0]!.params).toEqual({ locale: 'en', tag: 'ai-policy', page: undefined });
    expect(ids(english[0]!.props.stories)).toEqual(['s45', 's44']);
    // Named as the newest story spells it; the tag exists only in English, so no hreflang.
    expect(english[0]!.props.title).toBe('Tag: AI Policy');
    expect(english[0]!.props.alternates).toEqual([]);
  });

  it('has no archive for a tag found only on a draft or an embargoed story', async () => {
    const titles = (await getTagArchiveRoutes()).map((route) => route.props.title);
    expect(titles).toEqual(['标签：夜班', 'Tag: AI Policy']);
  });
});

describe('people archives', () => {
  it('gives a page to reporters and photographers credited on published stories only', async () => {
    const routes = await getPersonArchiveRoutes();
    const people = [...new Set(routes.map((route) => route.params.person))];
    expect(people.sort()).toEqual(['cao-wei', 'photog']);
  });

  it('lists a photographer\'s photos in the languages of the stories that show them', async () => {
    const routes = await getPersonArchiveRoutes();
    const zh = routes.find((route) => pathOf(route.props) === '/people/photog/')!.props;
    const en = routes.find((route) => pathOf(route.props) === '/en/people/photog/')!.props;
    expect(zh.photos).toEqual({ heading: '摄影师拍摄的图片', ids: ['kiln'] });
    expect(en.photos).toBeUndefined();
    expect(zh.stories).toEqual([]);
    const reporter = routes.find((route) => pathOf(route.props) === '/en/people/cao-wei/')!.props;
    expect(reporter.title).toBe('Stories by Cao Wei');
    expect(ids(reporter.stories)).toEqual(['s45', 's44']);
  });
});
