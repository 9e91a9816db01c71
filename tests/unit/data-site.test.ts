import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CROPS, fitCrop } from '../../src/newsroom/photos.ts';
import { getCrop, getResponsiveImage, getStructuredDataCrops } from '../../src/site/images.ts';
import { withCacheKeys } from '../../src/site/page-cache-keys.ts';
import { getFrontPagePaths, getSitePaths } from '../../src/site/routes.ts';
import { assertStoriesLoaded, getSiteData, getVersion } from '../../src/site/site-data.ts';
import { getAuthorLinks, getCardProps, getPhotoView, getStoryAlternates, getTagLinks } from '../../src/site/views.ts';
import { image, imageCalls, person, photo, staff, story, TEST_NOW, useContent, type ContentFixtures } from '../helpers/mock-content.ts';

vi.mock('astro:content', () => import('../helpers/mock-content.ts').then((m) => m.astroContent()));
vi.mock('astro:assets', () => import('../helpers/mock-content.ts').then((m) => m.astroAssets()));

const content = {
  people: [...staff.people, person('ghost', { zh: '幽灵', en: 'Ghost' }), person('ghost-lens', { zh: '幽灵摄影', en: 'Ghost Lens' })],
  sections: staff.sections,
  photos: [
    photo('lead-hero', { credit: { zh: '新华社', en: 'Xinhua' }, placeholder: true }),
    photo('body-shot', { photographer: 'cheng-jing' }),
    photo('draft-only-photo', { photographer: 'ghost-lens' }),
  ],
  stories: [
    story('lead', 'zh', { published: '2025-12-21T09:00:00+08:00', hero: 'lead-hero', tags: ['制造业', '。'], aliases: ['/2025/12/20/old-lead/'], body: '导语。\n\n<Photo id="body-shot" />\n\n结尾。' }),
    story('lead', 'en', { published: '2025-12-21T09:00:00+08:00', hero: 'lead-hero', aliases: ['/en/2025/12/20/old-lead/'], authors: ['cao-wei', 'cheng-jing'], body: 'Lead.\n\n<Photo id="body-shot" />' }),
    story('solo', 'zh', { published: '2025-12-19T09:00:00+08:00', aliases: ['/2025/12/21/'] }),
    story('solo', 'en', { published: '2025-12-19T09:00:00+08:00', draft: true }),
    story('draft', 'zh', { published: '2025-12-01T09:00:00+08:00', draft: true, authors: ['ghost'], hero: 'draft-only-photo', aliases: ['/2025/11/30/draft-old/'] }),
    // The embargo ends one second after the build's now; the other story is released exactly at it.
    story('embargoed', 'zh', { published: '2025-12-22T10:00:01+08:00', aliases: ['/2025/12/01/embargoed-old/'] }),
    story('on-the-dot', 'zh', { published: TEST_NOW }),
  ],
} satisfies ContentFixtures;

const keyOf = (version: { id: string; locale: string }) => `${version.id}/${version.locale}`;

useContent(content);
beforeAll(async () => {
  await getSiteData();
});

describe('site data: the publish rule', () => {
  it('pins now and production mode for the whole build', async () => {
    const data = await getSiteData();
    expect(data.now.toISOString()).toBe('2025-12-22T02:00:00.000Z');
    expect(data.preview).toBe(false);
    expect(data.siteUrl).toBe('https://news.test');
  });

  it('keeps drafts and embargoed stories out, releasing a story at its exact time', async () => {
    const data = await getSiteData();
    expect(data.versions.map(keyOf)).toEqual(['on-the-dot/zh', 'lead/en', 'lead/zh', 'solo/zh']);
    expect(data.versions.every((version) => version.state === 'published')).toBe(true);
    expect(data.byLocale.en.map(keyOf)).toEqual(['lead/en']);
    expect(() => getVersion(data, 'draft', 'zh')).toThrow(/no visible story/);
    expect(() => getVersion(data, 'embargoed', 'zh')).toThrow(/no visible story/);
  });

  it('links translations only to versions that are published', async () => {
    const data = await getSiteData();
    expect(getVersion(data, 'lead', 'zh').translations.map(keyOf)).toEqual(['lead/en']);
    expect(getVersion(data, 'solo', 'zh').translations).toEqual([]);
    expect(getStoryAlternates(getVersion(data, 'lead', 'en'))).toEqual([{ locale: 'zh', href: '/2025/12/21/lead/', url: 'https://news.test/2025/12/21/lead/' }]);
  });

  it('records which languages show each photo, ignoring drafts', async () => {
    const { photoUse } = await getSiteData();
    expect(Object.fromEntries([...photoUse].map(([id, use]) => [id, [...use].sort()]))).toEqual({ 'lead-hero': ['en', 'zh'], 'body-shot': ['en', 'zh'] });
  });
});

describe('routes', () => {
  it('gives each published version its permalink, and each alias a redirect to it', async () => {
    const paths = await getSitePaths();
    const stories = paths.filter((path) => path.props.kind === 'story');
    expect(stories.map((path) => path.params.permalink).sort()).toEqual(['2025/12/19/solo', '2025/12/21/lead', '2025/12/22/on-the-dot', 'en/2025/12/21/lead']);
    expect(stories.find((path) => path.params.permalink === 'en/2025/12/21/lead')!.props).toEqual({ kind: 'story', id: 'lead', locale: 'en' });
    const redirects = paths.filter((path) => path.props.kind === 'redirect');
    expect(redirects.map((path) => [path.params.permalink, path.props.kind === 'redirect' && path.props.toUrl])).toEqual([
      ['en/2025/12/20/old-lead', 'https://news.test/en/2025/12/21/lead/'],
      ['2025/12/20/old-lead', 'https://news.test/2025/12/21/lead/'],
    ]);
  });

  it('ignores an alias that names a live page, saying so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const paths = await getSitePaths();
    const dayArchive = paths.filter((path) => path.params.permalink === '2025/12/21');
    expect(dayArchive.map((path) => path.props.kind)).toEqual(['archive']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('/2025/12/21/ of solo/zh'));
    warn.mockRestore();
  });

  it('writes no path for a draft or an embargoed story, nor for their old paths', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const permalinks = (await getSitePaths()).map((path) => path.params.permalink);
    expect(permalinks.filter((p) => /draft|embargoed|2025\/12\/01|2025\/11/.test(p))).toEqual([]);
    expect(new Set(permalinks).size).toBe(permalinks.length);
    vi.restoreAllMocks();
  });

  it('has one front page per language, the default at the root', () => {
    expect(getFrontPagePaths()).toEqual([
      { params: { locale: undefined }, props: { locale: 'zh' } },
      { params: { locale: 'zh-hant' }, props: { locale: 'zh-hant' } },
      { params: { locale: 'en' }, props: { locale: 'en' } },
    ]);
  });
});

describe('page cache keys', () => {
  /** Cache keys of every site path for some content, loaded fresh. */
  async function keysFor(fixtures: ContentFixtures): Promise<Map<string, string>> {
    vi.resetModules();
    useContent(fixtures);
    const routes = await import('../../src/site/routes.ts');
    const keys = await import('../../src/site/page-cache-keys.ts');
    return new Map((await keys.withCacheKeys(await routes.getSitePaths())).map((path) => [path.params.permalink, path.cacheKey]));
  }
  const edit = (id: string, locale: 'zh' | 'en', fields: Parameters<typeof story>[2]) => ({
    ...content,
    stories: content.stories.map((entry) => (entry.id === `${id}/${locale}` ? story(id, locale, { ...entry.data, body: entry.body, ...fields }) : entry)),
  });
  const changed = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((path) => a.get(path) !== b.get(path)).sort();

  beforeAll(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('gives every path its own key, the same in two builds of the same content', async () => {
    const first = await withCacheKeys(await getSitePaths());
    expect(new Set(first.map((path) => path.cacheKey)).size).toBe(first.length);
    expect(await keysFor(content)).toEqual(new Map(first.map((path) => [path.params.permalink, path.cacheKey])));
  });

  it('re-renders only the story page after an edit to its body', async () => {
    const base = await keysFor(content);
    expect(changed(base, await keysFor(edit('solo', 'zh', { body: '改过的正文。' })))).toEqual(['2025/12/19/solo']);
  });

  it('re-renders the story page after a correction, an update or a new subtitle, and no other story', async () => {
    const base = await keysFor(content);
    const after = changed(base, await keysFor(edit('solo', 'zh', { subtitle: '——新副题', updated: '2025-12-21T12:00:00+08:00', corrections: [{ date: '2025-12-21T12:00:00+08:00', text: '更正。' }] })));
    expect(after).toContain('2025/12/19/solo');
    // Archives that list the story carry its whole data in their props, so they may re-render too.
    expect(after.filter((path) => !/^2025(\/12(\/19)?)?$/.test(path) && path !== '2025/12/19/solo')).toEqual([]);
  });

  // Finer keys (docs/decisions/015-finer-page-cache-keys.md): the date archives list the story,
  // the other published Chinese stories list it among their related stories; English is untouched.
  it('re-renders, after a headline edit, the story, the archives that list it and the stories that show it as related, and no other page', async () => {
    const base = await keysFor(content);
    const after = await keysFor(edit('solo', 'zh', { title: '新标题' }));
    expect(changed(base, after)).toEqual(['2025', '2025/12', '2025/12/19', '2025/12/19/solo', '2025/12/21/lead', '2025/12/22/on-the-dot']);
    useContent(content);
  });
});

describe('views', () => {
  it('credits a staff photographer in each language\'s words, and an agency as written', async () => {
    const data = await getSiteData();
    expect(getPhotoView(data, 'body-shot', 'zh')).toMatchObject({ caption: '图片说明 body-shot', alt: '替代文字 body-shot', credit: '记者 程婧 摄', placeholderLabel: undefined });
    expect(getPhotoView(data, 'body-shot', 'en').credit).toBe('Photo: Cheng Jing');
    expect(getPhotoView(data, 'lead-hero', 'en')).toMatchObject({ credit: 'Xinhua', placeholderLabel: 'Placeholder' });
    expect(() => getPhotoView(data, 'nope', 'zh')).toThrow(/unknown photo/);
  });

  it('builds a story card and links from the version', async () => {
    const data = await getSiteData();
    const lead = getVersion(data, 'lead', 'en');
    expect(getCardProps(data, lead)).toMatchObject({
      href: '/en/2025/12/21/lead/',
      title: 'Headline lead',
      section: { name: 'Economy', href: '/en/sections/economy/' },
      thumbnail: { alt: 'Alt text of lead-hero', placeholderLabel: 'Placeholder' },
    });
    expect(getCardProps(data, getVersion(data, 'solo', 'zh')).thumbnail).toBeUndefined();
    expect(getAuthorLinks(data, lead)).toEqual([
      { name: 'Cao Wei', href: '/en/people/cao-wei/' },
      { name: 'Cheng Jing', href: '/en/people/cheng-jing/' },
    ]);
    expect(getTagLinks(['制造业', '。'], 'zh')).toEqual([{ name: '制造业', href: '/tags/制造业/' }]);
  });
});

describe('derived images', () => {
  it('offers no candidate wider than the original, and a fallback no wider than asked', async () => {
    const small = await getResponsiveImage(image('narrow', 800, 600), [360, 540, 720, 1080], 1200);
    expect(small.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    expect(small.sources[0]!.srcset.split(', ').map((candidate) => candidate.split(' ')[1])).toEqual(['360w', '540w', '720w']);
    expect([small.width, small.height]).toEqual([720, 540]);
    const tiny = await getResponsiveImage(image('tiny', 300, 200), [360, 720], 1200);
    expect(tiny.sources[1]!.srcset).toMatch(/ 300w$/);
    expect([tiny.width, tiny.height]).toEqual([300, 200]);
  });

  it('encodes each image and crop once per build, however often it is shown', async () => {
    const photo = image('shared', 3000, 2000);
    imageCalls.length = 0;
    await Promise.all([getResponsiveImage(photo, [360, 720], 1200), getResponsiveImage(photo, [360, 720], 1200), getCrop(photo, 'card', 'https://news.test'), getCrop(photo, 'card', 'https://news.test')]);
    expect(imageCalls).toHaveLength(4);
    const crops = await getStructuredDataCrops(photo, 'https://news.test');
    expect(crops.map((crop) => [crop.width, crop.height])).toEqual([[1200, 675], [1200, 900], [1200, 1200]]);
    expect(crops.every((crop) => crop.url.startsWith('https://news.test/_astro/'))).toBe(true);
  });

  it('fits a crop inside a photo too small for it, keeping its ratio, and says the size it asked for', async () => {
    // A 3:2 hero at the 1,200 px minimum width is too short for a 4:3 or a square crop at 1,200.
    expect(fitCrop(CROPS.standard, { width: 1280, height: 854 })).toEqual({ width: 1139, height: 854 });
    expect(fitCrop(CROPS.square, { width: 1280, height: 854 })).toEqual({ width: 854, height: 854 });
    expect(fitCrop(CROPS.wide, { width: 1280, height: 854 })).toEqual({ width: 1200, height: 675 });
    expect(fitCrop(CROPS.card, { width: 3000, height: 2000 })).toEqual({ width: 1200, height: 630 });
    // A panorama: the height is the limit.
    expect(fitCrop(CROPS.card, { width: 1300, height: 600 })).toEqual({ width: 1143, height: 600 });
    imageCalls.length = 0;
    const crops = await getStructuredDataCrops(image('short', 1280, 854), 'https://news.test');
    expect(crops.map((crop) => [crop.width, crop.height])).toEqual([[1200, 675], [1139, 854], [854, 854]]);
    expect(imageCalls.map((call) => [call.width, call.height])).toEqual([[1200, 675], [1139, 854], [854, 854]]);
    // Only crawlers fetch these three: they skip mozjpeg (decision 034); the card readers see keeps it.
    expect(imageCalls.map((call) => call.jpegEncoder)).toEqual(['fast', 'fast', 'fast']);
    imageCalls.length = 0;
    await getCrop(image('short', 1280, 854), 'card', 'https://news.test');
    expect(imageCalls).toMatchObject([{ width: 1200, height: 630, format: 'jpg', jpegEncoder: undefined }]);
  });
});

describe('site data: a content store that did not load', () => {
  it('fails the build naming the story folders missing from the store, drafts included, and passes when each has entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gazette-stories-'));
    try {
      for (const [id, files] of [['lead', ['zh.mdx', 'en.mdx']], ['draft', ['zh.mdx']], ['notes-only', ['notes.txt']]] as const) {
        mkdirSync(join(dir, id));
        for (const file of files) writeFileSync(join(dir, id, file), '');
      }
      expect(() => assertStoriesLoaded([{ id: 'lead/zh' }, { id: 'lead/zh-hant' }, { id: 'draft/zh' }], dir)).not.toThrow();
      expect(() => assertStoriesLoaded([], dir)).toThrow(/^content\/stories\/draft and 1 more: not in Astro's content store, so the build would publish a site without them\. This is a fault in Gazette or Astro, not in the content: delete \.gazette\/cache/);
      expect(() => assertStoriesLoaded([{ id: 'lead/en' }], dir)).toThrow(/^content\/stories\/draft: not in Astro's content store, so the build would publish a site without it\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
