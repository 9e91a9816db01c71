import { describe, expect, it } from 'vitest';
import { getSearchBundle, toSearchBundlePath, toSearchLocale } from '../../src/newsroom/search-shards.ts';

describe('search bundles', () => {
  it('places a story page in the bundle of its language prefix', () => {
    expect(toSearchLocale('/2025/12/22/lianshang/')).toBe('zh');
    expect(toSearchLocale('/en/2024/01/02/a-story/')).toBe('en');
    expect(toSearchLocale('/zh-hant/2023/06/30/x/')).toBe('zh-hant');
    expect(toSearchBundlePath('zh-hant')).toBe('/pagefind/zh-hant/');
  });

  it('places no other page: archives, their numbered pages, front pages and unknown prefixes', () => {
    for (const path of ['/', '/en/', '/2025/', '/2025/12/', '/2025/12/22/', '/2025/12/22/page/2/', '/en/2025/12/22/', '/fr/2025/12/22/x/', '/tags/x/', '/2025/12/22/x/y/']) {
      expect(toSearchLocale(path), path).toBeUndefined();
    }
  });

  it('names a bundle only for a language that has a story', () => {
    const paths = ['/2023/01/01/a/', '/2025/01/01/b/', '/en/2026/01/01/c/'];
    expect(getSearchBundle(paths, 'zh')).toBe('/pagefind/zh/');
    expect(getSearchBundle(paths, 'en')).toBe('/pagefind/en/');
    expect(getSearchBundle(paths, 'zh-hant')).toBeUndefined();
  });
});
