/**
 * getStaticPaths of the site-path catch-all, computed once: story pages, the redirect
 * pages of their old paths (aliases), and the date archives that cutting a permalink
 * back leads to. Other page files take their routes from archives.ts.
 */
import { getLocaleRoutes, getStoryRoutes, toRestParam } from '../newsroom/route-params.ts';
import { getDateArchivePages } from './archives.ts';
import { getSiteData } from './site-data.ts';

export async function getSitePaths() {
  const data = await getSiteData();
  const stories = getStoryRoutes(data.versions).map((route) => ({ params: route.params, props: { kind: 'story' as const, ...route.props } }));
  const archivePages = await getDateArchivePages();
  // A live page always wins over an old path that happens to name it.
  const taken = new Set([...data.versions.map((version) => version.path), ...archivePages.map((page) => page.path)]);
  const aliases = data.versions.flatMap((version) =>
    version.data.aliases
      .filter((alias) => {
        if (!taken.has(alias)) return true;
        console.warn(`[gazette] alias ${alias} of ${version.id}/${version.locale} names a live page and is ignored`);
        return false;
      })
      .map((alias) => ({
        params: { permalink: toRestParam(alias) },
        props: { kind: 'redirect' as const, locale: version.locale, to: version.path, toUrl: version.url, title: version.data.title },
      })),
  );
  const archives = archivePages.map(({ path, props }) => ({ params: { permalink: toRestParam(path) }, props: { kind: 'archive' as const, ...props } }));
  return [...stories, ...aliases, ...archives];
}

export function getFrontPagePaths() {
  return getLocaleRoutes();
}

