import { describe, expect, it } from 'vitest';
import { locales } from '../../src/config/locales.ts';
import { getAliasClash, toAbsoluteUrl, toHomePath, toPersonPath, toStoryPath } from '../../src/newsroom/permalinks.ts';
import { getLocaleRoutes, getStoryRoutes, toRestParam } from '../../src/newsroom/route-params.ts';
import { getSiteUrl } from '../../src/config/site.ts';

describe('aliases', () => {
  it('may not take a path the site builds itself', () => {
    const clashes = ['/', '/en/', '/search/', '/en/people/a/', '/sections/news/', '/tags/x/', '/2025/', '/en/2025/12/', '/2025/12/22/', '/2025/12/22/page/2/', '/rss.xml/', '/en/atom.xml/', '/robots.txt/', '/_astro/x/'];
    expect(clashes.filter((path) => getAliasClash(path) === undefined)).toEqual([]);
    expect(getAliasClash('/en/people/a/')).toBe('under /people/, whose pages Gazette builds');
    const free = ['/2025/12/21/old-id/', '/en/2025/12/21/old-id/', '/news/2019/old-story/', '/people-of-jinzhong/'];
    expect(free.map(getAliasClash)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('permalinks', () => {
  const published = new Date('2025-12-21T17:30:00Z');
  it('puts Chinese at the root and English under /en/, dated in the newsroom timezone', () => {
    expect(toStoryPath({ id: 'a-story', locale: 'zh', published }, 'Asia/Shanghai')).toBe('/2025/12/22/a-story/');
    expect(toStoryPath({ id: 'a-story', locale: 'en', published }, 'Asia/Shanghai')).toBe('/en/2025/12/22/a-story/');
    expect(toStoryPath({ id: 'a-story', locale: 'zh', published }, 'UTC')).toBe('/2025/12/21/a-story/');
  });
  it('makes archive and home paths per language', () => {
    expect(toHomePath('zh')).toBe('/');
    expect(toHomePath('en')).toBe('/en/');
    expect(toPersonPath('cao-wei', 'en')).toBe('/en/people/cao-wei/');
  });
  it('makes absolute URLs from the one site URL, which SITE_URL overrides', () => {
    expect(getSiteUrl({})).toBe('https://gazette.example');
    expect(getSiteUrl({ SITE_URL: 'https://news.example.org/' })).toBe('https://news.example.org');
    expect(toAbsoluteUrl('/en/2025/12/22/a/', 'https://news.example.org')).toBe('https://news.example.org/en/2025/12/22/a/');
    expect(() => getSiteUrl({ SITE_URL: 'not a url' })).toThrow();
  });
  it('derives routes from the versions and the locale list', () => {
    expect(toRestParam('/en/2025/12/22/a/')).toBe('en/2025/12/22/a');
    expect(getStoryRoutes([{ id: 'a', locale: 'en', path: '/en/2025/12/22/a/' }])).toEqual([
      { params: { permalink: 'en/2025/12/22/a' }, props: { id: 'a', locale: 'en' } },
    ]);
    expect(getLocaleRoutes().map((r) => r.params.locale)).toEqual(Object.values(locales).map((l) => l.prefix || undefined));
  });
});
