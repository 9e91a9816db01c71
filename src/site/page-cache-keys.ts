/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs):
 * a page whose key, code, config and lock file are all unchanged since the last build in this
 * checkout is restored from .gazette/cache instead of rendered again.
 *
 * Newsroom rule: a stale page is worse than a slow build, so the keys are coarse. Every page's
 * key covers everything any page can show except what only a story's own page shows: the site
 * URL, and every visible story version's frontmatter (less PAGE_ONLY_FIELDS), path and state,
 * every photo, person and section. A story page adds its own frontmatter and body. What a story
 * page shows of other stories, its related stories (headline, date, address, chosen by tags,
 * section and state), is in the site key: none of those fields is page-only. So an update
 * or a correction to one story re-renders one page; any other edit (a headline, a summary, a
 * caption, a story published or withdrawn) re-renders every page, as a build without the cache
 * would. Feeds, sitemaps and the search page carry no key and are always rendered.
 */
import { sha256 } from '../build/hash.ts';
import { getSiteData } from './site-data.ts';

const hash = (text: string) => sha256(text, 'base64url');

/**
 * Props may hold story versions, which link to each other (translations) and carry their
 * content entry: a translation is named by its path, and an entry's data is already in the
 * version beside it.
 */
const toJson = (value: unknown) =>
  JSON.stringify(value, (key, inner) => (key === 'translations' ? (inner as { path: string }[]).map((v) => v.path) : key === 'entry' ? undefined : inner));

/**
 * Frontmatter shown only on the story's own page (and in feeds and sitemaps, which are always
 * rendered). Keep this list true: a field added here that some other page shows would leave that
 * page stale, and a story page shows other stories too (getRelatedLinks in site/views.ts). grep
 * src/components and src/layouts before adding one, and edit it in the second scenario of
 * tests/build/incremental.test.ts, which fails if another page shows it.
 */
const PAGE_ONLY_FIELDS = ['subtitle', 'updated', 'corrections'] as const;

const withoutPageOnly = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([key]) => !(PAGE_ONLY_FIELDS as readonly string[]).includes(key)));

let siteKey: Promise<string> | undefined;

/** What every page may show, bodies aside, as one hash; computed once per build. */
function getSiteKey(): Promise<string> {
  siteKey ??= getSiteData().then((data) =>
    hash(
      toJson({
        siteUrl: data.siteUrl,
        preview: data.preview,
        versions: data.versions.map((version) => [version.id, version.locale, version.path, version.state, withoutPageOnly(version.data)]),
        photos: [...data.photos],
        people: [...data.people],
        sections: [...data.sections],
        // Every footer links the newsroom pages that exist, and the publisher's JSON-LD names them.
        pages: [...data.pages.keys()],
      }),
    ),
  );
  return siteKey;
}

interface StaticPath {
  params: Record<string, string | undefined>;
  props: object;
}

/** The same paths, each with its cacheKey: the site key, the path's own props, and a story's frontmatter and body. */
export async function withCacheKeys<P extends StaticPath>(paths: P[]): Promise<(P & { cacheKey: string })[]> {
  const [site, data] = await Promise.all([getSiteKey(), getSiteData()]);
  return paths.map((path) => {
    const props = path.props as { kind?: string; id?: string; locale?: string };
    const version = props.kind === 'story' ? data.byKey.get(`${props.id}/${props.locale}`) : undefined;
    const own = version ? `${toJson(version.data)}\0${version.entry.rendered?.html ?? ''}` : '';
    return { ...path, cacheKey: hash(`${site}\0${toJson(path)}\0${own}`) };
  });
}
