/**
 * An edit's search bundle is merged from the last one (src/build/search-merge.ts, decision 020):
 * Pagefind indexes only the changed and new pages. Whatever the edit, the bundle must hold what
 * Pagefind writes when it indexes every page from scratch: the same words at the same positions
 * on the same pages, filters, sort order, page metadata, fragments and chunk ranges. Pagefind runs
 * for real here, on small sites of story pages shaped like the story layout's; the bundles are
 * decoded by the test's own reader (readBundleContent), pages named by URL.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { dirname, join, relative } from 'node:path';
import { encode } from 'cborg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { listFiles } from '../../src/build/files.ts';
import { pack, readBundle, readFragment, sign } from '../../src/build/pagefind-files.ts';
import { writeSearchIndex } from '../../src/build/search-index.ts';
import { readBundleContent } from '../helpers/search-index.ts';

const root = mkdtempSync(join(tmpdir(), 'gazette-search-merge-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Story {
  slug: string;
  day: string;
  title: string;
  body: string;
  section?: string;
  published?: string;
  thumbnail?: boolean;
  /** Another metadata field, as attribute and value. */
  author?: string;
}

/** As the story layout writes it: no attribute when there is no metadata field. */
const meta = (thumbnail: boolean, author?: string) => {
  const fields = [thumbnail && 'image[data-thumbnail]', author && 'author[data-author]'].filter(Boolean).join(', ');
  return fields ? ` data-pagefind-meta="${fields}"` : '';
};

const page = ({ title, body, day, section = '经济', published = `${day}T09:00:00+08:00`, thumbnail = true, author }: Story) => `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav>导航不入索引</nav>
<article data-pagefind-body data-pagefind-filter="栏目[data-section], 月份[data-month]" data-pagefind-sort="date[data-published]"${meta(thumbnail, author)} data-section="${section}" data-month="${day.slice(0, 7)}" data-published="${published}"${thumbnail ? ` data-thumbnail="/_astro/${title.length}.jpg"` : ''}${author ? ` data-author="${author}"` : ''}>
<h1>${title}</h1><p>${body}</p></article></body></html>`;

const WORDS = ['产业链', '纺织机械', '玻璃器皿', '锂电池', '循环利用', '晋中', '榆次', '法律', '振兴', '经纬', '新能源', 'café', 'cafe', '规划', '园区'];
/** Latin words, a few hundred of them: with them the pages fill several of Pagefind's word chunks (20,000 positions each). */
const filler = (i: number) => Array.from({ length: 3000 }, (_, j) => `w${(i * 31 + j * 17) % 400}`).join(' ');
const stories: Story[] = Array.from({ length: 14 }, (_, i) => ({
  slug: `story-${String(i).padStart(2, '0')}`,
  day: `2025-0${1 + (i % 3)}-${String(10 + i).padStart(2, '0')}`,
  title: `第${i}篇：${WORDS[i % WORDS.length]}的报道`,
  // Each page a different mix of words, some repeated, so word lists hold several pages each.
  body: Array.from({ length: 12 + i }, (_, j) => WORDS[(i * 7 + j * (i + 2)) % WORDS.length]).join('，') + `。第${i}段。 ${filler(i)}`,
  // One section only one page has: an edit that moves it empties that filter value.
  section: i === 9 ? '体育' : i % 4 === 0 ? '社会' : '经济',
  thumbnail: i % 5 !== 0,
}));

/** A built site of these stories, with the search page the index step checks against. */
function makeSite(name: string, list: Story[]): string {
  const site = join(root, name);
  rmSync(site, { recursive: true, force: true });
  for (const story of list) {
    const file = join(site, ...story.day.split('-'), story.slug, 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, page(story));
  }
  mkdirSync(join(site, 'search'), { recursive: true });
  writeFileSync(join(site, 'search', 'index.html'), '<!doctype html><html lang="zh-Hans"><body><div id="search" data-bundle="/pagefind/zh/"></div></body></html>');
  return site;
}

/**
 * Builds the index of `list` with the cache `cache` (Pagefind given `memoryMb`, when said), and the
 * index from scratch in one run; returns both bundles' content and the report.
 */
async function indexBoth(name: string, list: Story[], cache: string, options: { memoryMb?: number } = {}) {
  const site = makeSite(name, list);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const report = await writeSearchIndex(site, cache, options);
  const said = log.mock.calls.map((call) => call.join(' '));
  log.mockRestore();
  const scratchSite = makeSite(`${name}-scratch`, list);
  await writeSearchIndex(scratchSite, join(root, `${name}-scratch-cache`));
  return { report, said, merged: readBundleContent(join(site, 'pagefind/zh')), scratch: readBundleContent(join(scratchSite, 'pagefind/zh')), site, scratchSite };
}

/** Where two bundles' contents differ: the parts, and within the words, which words (a readable failure rather than two large objects). */
function differences(a: ReturnType<typeof readBundleContent>, b: ReturnType<typeof readBundleContent>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(a) as (keyof typeof a)[]) {
    if (key === 'words') {
      for (const word of new Set([...Object.keys(a.words), ...Object.keys(b.words)])) if (!isDeepStrictEqual(a.words[word], b.words[word])) out.push(`word ${word}`);
    } else if (!isDeepStrictEqual(a[key], b[key])) out.push(`${key}: ${JSON.stringify(a[key]).slice(0, 300)} against ${JSON.stringify(b[key]).slice(0, 300)}`);
  }
  return out;
}

const cache = join(root, 'cache');
let current = stories.slice(0, 12);

describe('a merged search bundle', () => {
  it('starts from a bundle Pagefind indexed whole', async () => {
    const { report, merged, scratch } = await indexBoth('v1', current, cache);
    expect(report).toMatchObject({ shards: 1, reused: 0, merged: 0, pages: { zh: 12 } });
    expect(differences(merged, scratch)).toEqual([]);
    // The test's pages exercise what the merge must carry: several chunks' worth is not needed
    // for that, but variants, filters, metadata and sorts are.
    expect(Object.keys(merged.words)).toContain('cafe');
    expect(Object.values(merged.words).some((word) => Object.keys((word as { variants: object }).variants).length > 0)).toBe(true);
    expect(Object.keys(merged.filters)).toEqual(['月份', '栏目']);
    expect(merged.fields).toEqual(['image', 'title']);
    expect(merged.chunks.length).toBeGreaterThan(2);
    expect(merged.filters['栏目']).toHaveProperty('体育');
  });

  it('equals a bundle indexed from scratch after bodies, titles and dates are edited, pages removed and pages added', async () => {
    current = current
      .filter((story) => story.slug !== 'story-05')
      .map((story) => {
        if (story.slug === 'story-03') return { ...story, title: '改过的标题', body: `${story.body.slice(8).replace(/ w1\d\d/g, '')}编辑新加的一句话，提到青花瓷和 café。` };
        if (story.slug === 'story-04') return { ...story, published: '2025-03-30T18:00:00+08:00' };
        if (story.slug === 'story-06') return { ...story, section: '文化', thumbnail: false };
        if (story.slug === 'story-09') return { ...story, section: '经济' };
        return story;
      })
      .concat(stories.slice(12).map((story) => ({ ...story, section: '科技' })));
    const { report, said, merged, scratch } = await indexBoth('v2', current, cache);
    expect(said.join('\n')).not.toContain('indexed whole');
    expect(report).toMatchObject({ shards: 1, reused: 0, merged: 1, pages: { zh: 13 } });
    expect(differences(merged, scratch)).toEqual([]);
    expect(Object.keys(merged.words).filter((word) => word.includes('青花'))).not.toEqual([]);
    expect(Object.keys(merged.pages)).not.toContain('/2025/03/15/story-05/');
    expect(merged.filters['栏目']).toHaveProperty('科技');
    expect(merged.filters['栏目']).not.toHaveProperty('体育');
  });

  it('equals a bundle indexed from scratch when pages are only removed, without running Pagefind', async () => {
    current = current.filter((story) => !['story-01', 'story-13'].includes(story.slug));
    const { report, merged, scratch, site } = await indexBoth('v3', current, cache);
    expect(report).toMatchObject({ merged: 1, pages: { zh: 11 } });
    expect(differences(merged, scratch)).toEqual([]);
    // Unchanged fragments are the last bundle's files, linked.
    expect(readdirSync(join(site, 'pagefind/zh/fragment'))).toHaveLength(11);
  });

  it('equals a bundle indexed from scratch when the edited pages have fewer metadata fields than the bundle', async () => {
    // Pagefind names a title position by the field's place in the bundle's list: title is second
    // in the bundle (image, title) and first in a bundle of pages without a photo.
    current = current.map((story) => (story.slug === 'story-06' ? { ...story, title: `${story.title}（更新）` } : story));
    const { report, merged, scratch } = await indexBoth('v3b', current, cache);
    expect(report).toMatchObject({ merged: 1 });
    expect(differences(merged, scratch)).toEqual([]);
  });

  it('indexes the language whole when an edited page brings a metadata field the bundle lacks', async () => {
    current = current.map((story) => (story.slug === 'story-02' ? { ...story, author: '程婧' } : story));
    const { report, said, merged, scratch } = await indexBoth('v4', current, cache);
    expect(said.join('\n')).toMatch(/zh indexed whole, not merged: an edited page has a metadata field the bundle lacks/);
    expect(report).toMatchObject({ merged: 0, pages: { zh: 11 } });
    expect(differences(merged, scratch)).toEqual([]);
    expect(merged.fields).toContain('author');
  });

  it("indexes the language whole when the recorded pages do not give Pagefind's sort order", async () => {
    // Two dates of the same length swapped in the record: its size, so the manifest, unchanged.
    const shard = join(cache, 'search', readdirSync(join(cache, 'search')).find((name) => name.startsWith('zh-'))!);
    const record = join(shard, 'gazette-pages.json');
    const text = readFileSync(record, 'utf8');
    const [first, second] = [...new Set(text.match(/"date":"[^"]*"/g))];
    writeFileSync(record, text.replaceAll(first!, '\0').replaceAll(second!, first!).replaceAll('\0', second!));
    current = current.map((story) => (story.slug === 'story-07' ? { ...story, body: `${story.body}又一句。` } : story));
    const { report, said, merged, scratch } = await indexBoth('v5', current, cache);
    expect(said.join('\n')).toMatch(/zh indexed whole, not merged: sort date is not the one the pages' values give/);
    expect(report).toMatchObject({ merged: 0 });
    expect(differences(merged, scratch)).toEqual([]);
  });

  it('indexes the language whole when the last page with a metadata field loses it', async () => {
    current = current.map((story) => (story.slug === 'story-02' ? { ...story, author: undefined } : story));
    const { report, said, merged, scratch } = await indexBoth('v6', current, cache);
    expect(said.join('\n')).toMatch(/zh indexed whole, not merged: the pages' metadata fields change \(author, image, title to image, title\)/);
    expect(report).toMatchObject({ merged: 0 });
    expect(differences(merged, scratch)).toEqual([]);
  });

  it('keeps one shard per language in the cache, and none of its working folders', () => {
    expect(readdirSync(join(cache, 'search'))).toHaveLength(1);
  });
});

describe('a language larger than the memory budget', () => {
  // A budget that holds four pages a run at the index's estimate.
  const small = { memoryMb: 4.5 };
  const runsCache = join(root, 'runs-cache');

  it('is indexed in runs, each merged into the bundle of those before, and holds what one run writes', async () => {
    const { report, said, merged, scratch } = await indexBoth('runs1', stories, runsCache, small);
    expect(said).toContain('search index: zh indexed in 4 runs of up to 4 pages');
    expect(report).toMatchObject({ shards: 1, merged: 0, pages: { zh: 14 } });
    expect(differences(merged, scratch)).toEqual([]);
    expect(Object.keys(merged.pages)).toHaveLength(14);
    expect(readdirSync(join(runsCache, 'search'))).toEqual([expect.stringMatching(/^zh-[0-9a-f]{20}$/)]);
  });

  const withEdit = stories.map((story) => (story.slug === 'story-11' ? { ...story, body: `${story.body}编辑补充了一句。` } : story));

  it('then merges an edit into that bundle as into one Pagefind wrote', async () => {
    const { report, said, merged, scratch } = await indexBoth('runs2', withEdit, runsCache, small);
    expect(said.join('\n')).not.toMatch(/indexed whole|runs/);
    expect(report).toMatchObject({ merged: 1, pages: { zh: 14 } });
    expect(differences(merged, scratch)).toEqual([]);
  });

  it('is indexed in runs again, not merged, when an edit changes more pages than one run holds', async () => {
    // Five pages: fewer than half, so only the run's size stops a merge.
    const edited = withEdit.map((story, i) => (i < 5 ? { ...story, title: `${story.title}（改）` } : story));
    const { report, said, merged, scratch } = await indexBoth('runs2b', edited, runsCache, small);
    expect(said).toContain('search index: zh indexed in 4 runs of up to 4 pages');
    expect(report).toMatchObject({ merged: 0, pages: { zh: 14 } });
    expect(differences(merged, scratch)).toEqual([]);
  });

  it('is indexed in one run, saying why, when a later run brings a metadata field the first lacks', async () => {
    const withAuthor = stories.map((story) => (story.slug === 'story-12' ? { ...story, author: '程婧' } : story));
    const { report, said, merged, scratch } = await indexBoth('runs3', withAuthor, join(root, 'runs-cache-author'), small);
    expect(said).toContain('search index: zh indexed in one run, not in 4: an edited page has a metadata field the bundle lacks');
    expect(report).toMatchObject({ merged: 0, pages: { zh: 14 } });
    expect(differences(merged, scratch)).toEqual([]);
    expect(merged.fields).toContain('author');
    expect(readdirSync(join(root, 'runs-cache-author', 'search'))).toHaveLength(1);
  });
});

describe('fragment names', () => {
  /** Fragment name by page URL, in the bundle at `dir`. */
  const fragmentNames = (dir: string) => new Map(readBundle(dir).meta[1].map(([name]) => [readFragment(join(dir, 'fragment', `${name}.pf_fragment`)).url, name]));
  const url = (story: Story) => `/${story.day.split('-').join('/')}/${story.slug}/`;

  it("merges an edited page whose fragment name a kept page's already has, lengthened as Pagefind lengthens it", async () => {
    // Two pages share Pagefind's 7-digit name as often as not past ~20,000 pages; here one is made so.
    const collideCache = join(root, 'collide-cache');
    await indexBoth('collide1', stories, collideCache);
    const edited = stories.map((story) => (story.slug === 'story-11' ? { ...story, body: `${story.body}记者补充了一句。` } : story));
    const probe = makeSite('collide-probe', edited);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await writeSearchIndex(probe, join(root, 'collide-probe-cache'));
    vi.restoreAllMocks();
    const editedName = fragmentNames(join(probe, 'pagefind/zh')).get(url(stories[11]!))!;
    // The kept story-00 is given that name in the cached bundle, its manifest made to match.
    const shard = join(collideCache, 'search', readdirSync(join(collideCache, 'search'))[0]!);
    const bundle = readBundle(shard);
    const keptName = fragmentNames(shard).get(url(stories[0]!))!;
    renameSync(join(shard, 'fragment', `${keptName}.pf_fragment`), join(shard, 'fragment', `${editedName}.pf_fragment`));
    for (const entry of bundle.meta[1]) if (entry[0] === keptName) entry[0] = editedName;
    writeFileSync(join(shard, `pagefind.${bundle.entry.languages[bundle.language]!.hash}.pf_meta`), await pack(sign(encode(bundle.meta))));
    const sizes = listFiles(shard).filter((file) => !file.endsWith('gazette-shard.json')).map((file) => [relative(shard, file), statSync(file).size]);
    writeFileSync(join(shard, 'gazette-shard.json'), JSON.stringify(Object.fromEntries(sizes)));

    const { report, said, merged, scratch, site } = await indexBoth('collide2', edited, collideCache);
    expect(said.join('\n')).not.toMatch(/indexed whole|one run/);
    expect(report).toMatchObject({ merged: 1, pages: { zh: 14 } });
    expect(differences(merged, scratch)).toEqual([]);
    const names = fragmentNames(join(site, 'pagefind/zh'));
    expect(names.get(url(stories[0]!))).toBe(editedName);
    expect(names.get(url(stories[11]!))).toMatch(new RegExp(`^${editedName}[0-9a-f]+$`));
  });
});
