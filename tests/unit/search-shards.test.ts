import { describe, expect, it } from 'vitest';
import { getSearchBundles, toSearchShard, toShardPath } from '../../src/newsroom/search-shards.ts';

describe('search shards', () => {
  it('places a story page by its language prefix and the year of its permalink', () => {
    expect(toSearchShard('/2025/12/22/lianshang/')).toEqual({ locale: 'zh', year: '2025' });
    expect(toSearchShard('/en/2024/01/02/a-story/')).toEqual({ locale: 'en', year: '2024' });
    expect(toSearchShard('/zh-hant/2023/06/30/x/')).toEqual({ locale: 'zh-hant', year: '2023' });
    expect(toShardPath({ locale: 'zh-hant', year: '2023' })).toBe('/pagefind/zh-hant/2023/');
  });

  it('places no other page: archives, their numbered pages, front pages and unknown prefixes', () => {
    for (const path of ['/', '/en/', '/2025/', '/2025/12/', '/2025/12/22/', '/2025/12/22/page/2/', '/en/2025/12/22/', '/fr/2025/12/22/x/', '/tags/x/', '/2025/12/22/x/y/']) {
      expect(toSearchShard(path), path).toBeUndefined();
    }
  });

  it("names the newest year's bundle and merges the older years of the same language only, newest first", () => {
    const paths = ['/2023/01/01/a/', '/2025/01/01/b/', '/en/2026/01/01/c/', '/2024/05/05/d/', '/2025/03/03/e/'];
    expect(getSearchBundles(paths, 'zh')).toEqual({ bundlePath: '/pagefind/zh/2025/', mergeIndex: ['/pagefind/zh/2024/', '/pagefind/zh/2023/'] });
    expect(getSearchBundles(paths, 'en')).toEqual({ bundlePath: '/pagefind/en/2026/', mergeIndex: [] });
    expect(getSearchBundles(paths, 'zh-hant')).toBeUndefined();
  });
});
