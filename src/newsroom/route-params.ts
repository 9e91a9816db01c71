/**
 * The params Astro's route files take: a story's `[...permalink]` and a page's `[...locale]`.
 * src/site/routes.ts computes which pages exist; this only shapes their params.
 */
import { localeKeys, locales, type Locale } from '../config/locales.ts';

export interface RoutableVersion {
  id: string;
  locale: Locale;
  /** Site-relative path with slashes, e.g. /en/2025/12/22/story-id/. */
  path: string;
}

/** `[...permalink]` params: the path without its outer slashes. */
export function toRestParam(path: string): string {
  return path.replace(/^\/|\/$/g, '');
}

export function getStoryRoutes<V extends RoutableVersion>(versions: V[]) {
  return versions.map((version) => ({ params: { permalink: toRestParam(version.path) }, props: { id: version.id, locale: version.locale } }));
}

/** `[...locale]` params for one page per language: undefined is the default language at the root. */
export function getLocaleParam(locale: Locale): string | undefined {
  return locales[locale].prefix || undefined;
}

export function getLocaleRoutes() {
  return localeKeys.map((locale) => ({ params: { locale: getLocaleParam(locale) }, props: { locale } }));
}
