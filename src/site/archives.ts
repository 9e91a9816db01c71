/**
 * Every archive page (people, sections, tags, years, months, days), computed once from the
 * site data: which stories each lists, its numbered pages, its title and alternates.
 */
import { localeKeys, locales, type Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { t } from '../i18n/index.ts';
import { getZonedParts } from '../newsroom/dates.ts';
import { paginateStable } from '../newsroom/paginate.ts';
import { toAbsoluteUrl, toDatePath, toPagePath, toPageAlternates, toPersonPath, toSectionPath, toTagPath, toTagSlug } from '../newsroom/permalinks.ts';
import { getLocaleParam, toRestParam } from '../newsroom/route-params.ts';
import { getSiteData, type SiteData, type StoryVersion } from './site-data.ts';

export interface ArchivePageProps {
  locale: Locale;
  title: string;
  canonical: string;
  alternates: { locale: Locale; href: string; url: string }[];
  stories: StoryVersion[];
  /** Links to the archive's own URL and each numbered page; empty when there is one page. */
  pageLinks: { label: string; href: string; current: boolean }[];
  /** Photos a person took, for their archive, under this heading. */
  photos?: { heading: string; ids: string[] };
}

interface ArchiveSpec {
  locale: Locale;
  /** Path of the archive's own page in any language. */
  pathIn: (locale: Locale) => string;
  title: string;
  stories: StoryVersion[];
  /** Languages in which the same archive exists (for hreflang). */
  existsIn: Locale[];
  photos?: { heading: string; ids: string[] };
}

/** The archive's own page and its numbered pages, each with its path. */
function expand(data: SiteData, spec: ArchiveSpec): { path: string; props: ArchivePageProps }[] {
  const base = spec.pathIn(spec.locale);
  const { latest, pages } = paginateStable(spec.stories, site.archivePageSize);
  const pageLinks = (current: number | null) =>
    pages.length === 0
      ? []
      : [
          { label: t(spec.locale, 'latestPage'), href: base, current: current === null },
          ...pages.map((page) => ({ label: String(page.number), href: toPagePath(base, page.number), current: current === page.number })),
        ];
  const out = [
    {
      path: base,
      props: { locale: spec.locale, title: spec.title, canonical: toAbsoluteUrl(base, data.siteUrl), alternates: toPageAlternates(spec.locale, spec.pathIn, data.siteUrl, spec.existsIn), stories: latest, pageLinks: pageLinks(null), ...(spec.photos && spec.photos.ids.length > 0 ? { photos: spec.photos } : {}) },
    },
  ];
  for (const page of pages) {
    const path = toPagePath(base, page.number);
    out.push({
      path,
      props: {
        locale: spec.locale,
        title: t(spec.locale, 'pageTitle', { title: spec.title, page: page.number }),
        canonical: toAbsoluteUrl(path, data.siteUrl),
        alternates: [],
        stories: page.items,
        pageLinks: pageLinks(page.number),
      },
    });
  }
  return out;
}

/** Rest parameter for "[...page]": undefined on the archive's own page. */
function pageParam(path: string, base: string): string | undefined {
  return path === base ? undefined : toRestParam(path.slice(base.length));
}

export async function getPersonArchiveRoutes() {
  const data = await getSiteData();
  // A page only for people credited on something published: a byline or photo credit known only
  // from a draft or an embargoed story would otherwise appear, in a page and the sitemap, early.
  const credited = new Set([
    ...localeKeys.flatMap((locale) => data.byLocale[locale].flatMap((version) => version.data.authors)),
    ...[...data.photos.entries()].filter(([photoId]) => (data.photoUse.get(photoId)?.size ?? 0) > 0).map(([, photo]) => photo.photographer),
  ]);
  return [...data.people.entries()].filter(([id]) => credited.has(id)).flatMap(([id, person]) =>
    localeKeys.flatMap((locale) => {
      const photoIds = [...data.photos.entries()]
        .filter(([photoId, photo]) => photo.photographer === id && data.photoUse.get(photoId)?.has(locale))
        .map(([photoId]) => photoId);
      return expand(data, {
        locale,
        pathIn: (l) => toPersonPath(id, l),
        title: t(locale, 'storiesBy', { name: person.name[locale] }),
        stories: data.byLocale[locale].filter((version) => version.data.authors.includes(id)),
        existsIn: localeKeys,
        photos: { heading: t(locale, 'photosBy', { name: person.name[locale] }), ids: photoIds },
      }).map(({ path, props }) => ({ params: { locale: getLocaleParam(locale), person: id, page: pageParam(path, toPersonPath(id, locale)) }, props }));
    }),
  );
}

export async function getSectionArchiveRoutes() {
  const data = await getSiteData();
  return [...data.sections.entries()].flatMap(([id, section]) =>
    localeKeys.flatMap((locale) =>
      expand(data, {
        locale,
        pathIn: (l) => toSectionPath(id, l),
        title: t(locale, 'storiesIn', { name: section.name[locale] }),
        stories: data.byLocale[locale].filter((version) => version.data.section === id),
        existsIn: localeKeys,
      }).map(({ path, props }) => ({ params: { locale: getLocaleParam(locale), section: id, page: pageParam(path, toSectionPath(id, locale)) }, props })),
    ),
  );
}

export async function getTagArchiveRoutes() {
  const data = await getSiteData();
  return localeKeys.flatMap((locale) => {
    // Tags are free text per language: tags that slug alike share one archive, named by the first seen.
    const bySlug = new Map<string, { name: string; stories: StoryVersion[] }>();
    for (const version of data.byLocale[locale]) {
      for (const tag of new Set(version.data.tags.map(toTagSlug))) {
        if (!tag) continue;
        const name = version.data.tags.find((t) => toTagSlug(t) === tag)!;
        const entry = bySlug.get(tag) ?? { name, stories: [] };
        entry.stories.push(version);
        bySlug.set(tag, entry);
      }
    }
    return [...bySlug.entries()].flatMap(([slug, { name, stories }]) =>
      expand(data, { locale, pathIn: (l) => toTagPath(name, l), title: t(locale, 'tagTitle', { tag: name }), stories, existsIn: [locale] }).map(({ path, props }) => ({
        params: { locale: getLocaleParam(locale), tag: slug, page: pageParam(path, toTagPath(name, locale)) },
        props,
      })),
    );
  });
}

/** Year, month and day archives: what is left when a permalink is cut back. */
export async function getDateArchivePages() {
  const data = await getSiteData();
  // Intl formatters are slow to make, and there are a few hundred date archives: one a language.
  const formats = new Map(localeKeys.map((locale) => [locale, new Intl.DateTimeFormat(locales[locale].intl, { month: 'long', timeZone: 'UTC' })]));
  const monthName = (locale: Locale, month: string) => formats.get(locale)!.format(new Date(Date.UTC(2000, Number(month) - 1, 15)));
  const groups = new Map<string, { locale: Locale; parts: [string, string?, string?]; stories: StoryVersion[] }>();
  for (const version of data.versions) {
    const { year, month, day } = getZonedParts(version.data.published, site.timezone);
    for (const parts of [[year], [year, month], [year, month, day]] as [string, string?, string?][]) {
      const key = `${version.locale}:${parts.join('/')}`;
      const group = groups.get(key) ?? { locale: version.locale, parts, stories: [] };
      group.stories.push(version);
      groups.set(key, group);
    }
  }
  return [...groups.values()].flatMap(({ locale, parts, stories }) => {
    const [year, month, day] = parts;
    const vars = { year, month: month ? Number(month) : '', day: day ? Number(day) : '', monthName: month ? monthName(locale, month) : '' };
    const title = t(locale, day ? 'dayTitle' : month ? 'monthTitle' : 'yearTitle', vars);
    const existsIn = localeKeys.filter((other) => groups.has(`${other}:${parts.join('/')}`));
    return expand(data, { locale, pathIn: (l) => toDatePath(l, year, month, day), title, stories, existsIn });
  });
}
