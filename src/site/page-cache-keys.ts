/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`, astro.config.mjs):
 * a page whose key, code, config and lock file are all unchanged since the last build in this
 * checkout is restored from .gazette/cache instead of rendered again.
 *
 * Newsroom rule: a stale page is worse than a slow build. So each key holds everything its page
 * shows (docs/decisions/015-finer-page-cache-keys.md), in two parts:
 * - the shared part, what any page may show whatever stories it lists: the site URL, preview
 *   mode, every photo, person and section (captions, bylines, kickers), and which newsroom pages
 *   exist (every footer links them, the publisher's JSON-LD names them);
 * - the page's own part: its props (an archive's props hold the story versions it lists, a
 *   redirect's the headline it links), plus what the page reads beyond them: a story page its own
 *   version, body, alternates and related stories; a front page the stories it lists.
 * A headline edit therefore re-renders the story's pages, the archives and front page that list
 * it and the story pages that list it as related, and restores the rest. Feeds, sitemaps and the
 * search page carry no key and are always rendered.
 */
import type { Locale } from '../config/locales.ts';
import { sha256 } from '../build/hash.ts';
import { getSiteData, type SiteData } from './site-data.ts';
import { getFrontPageStories, getRelatedLinks, getStoryAlternates } from './views.ts';

const hash = (text: string) => sha256(text, 'base64url');

/**
 * Props may hold story versions, which link to each other (translations) and carry their
 * content entry: a translation is named by its path, and an entry's data is already in the
 * version beside it.
 */
const toJson = (value: unknown) =>
  JSON.stringify(value, (key, inner) => (key === 'translations' ? (inner as { path: string }[]).map((v) => v.path) : key === 'entry' ? undefined : inner));

let sharedKey: Promise<string> | undefined;

/**
 * What any page may show whatever it lists, as one hash; computed once per build. Rarely edited,
 * so an edit here (a caption, a name) re-renders every page. Layouts and components that read
 * getSiteData() read only these beyond a page's own part: grep them before reading anything new.
 */
function getSharedKey(): Promise<string> {
  sharedKey ??= getSiteData().then((data) =>
    hash(
      toJson({
        siteUrl: data.siteUrl,
        preview: data.preview,
        photos: [...data.photos],
        people: [...data.people],
        sections: [...data.sections],
        pages: [...data.pages.keys()],
      }),
    ),
  );
  return sharedKey;
}

interface StaticPath {
  params: Record<string, string | undefined>;
  props: object;
}

/** What a page shows that its props do not hold. */
type Shows<P> = (data: SiteData, path: P) => unknown;

/**
 * A story page (Story.astro) shows its own version in full (frontmatter, publish state, address),
 * its body, the same story in its other languages (language switch, hreflang, JSON-LD), and the
 * related stories chosen for it, as shown. Other route kinds hold what they show in their props.
 */
const sitePathShows: Shows<StaticPath> = (data, path) => {
  const props = path.props as { kind?: string; id?: string; locale?: string };
  const version = props.kind === 'story' ? data.byKey.get(`${props.id}/${props.locale}`) : undefined;
  if (!version) return undefined;
  // The body as its loader's digest (story-loader.ts), not its HTML: the loader keeps an entry's HTML
  // exactly as long as that digest (source file, body code, installed packages, converter) holds, so
  // the digest is never stale where the HTML is not, and hashing every body again is what it saves.
  const body = version.entry.digest ?? version.entry.rendered?.html ?? '';
  return { version, body, alternates: getStoryAlternates(version), related: getRelatedLinks(data, version) };
};

/** The same paths, each with its cacheKey: the shared key, the path's params and props, and what `shows` adds. */
export async function withCacheKeys<P extends StaticPath>(paths: P[], shows: Shows<P> = sitePathShows): Promise<(P & { cacheKey: string })[]> {
  const [shared, data] = await Promise.all([getSharedKey(), getSiteData()]);
  return paths.map((path) => ({ ...path, cacheKey: hash(`${shared}\0${toJson(path)}\0${toJson(shows(data, path))}`) }));
}

/** Front pages (FrontPage.astro): each lists its language's lead and latest stories, which its props do not name. */
export function withFrontPageCacheKeys<P extends StaticPath & { props: { locale: Locale } }>(paths: P[]) {
  return withCacheKeys(paths, (data, path) => getFrontPageStories(data, path.props.locale));
}
