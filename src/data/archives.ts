/** What each archive page lists, derived from the site data loaded once. */
import { localeKeys, type Locale } from '../config/locales.ts';
import { t } from '../i18n/index.ts';
import { toAbsoluteUrl, toPersonPath, toSectionPath } from '../lib/permalinks.ts';
import { getSiteData, type SiteData, type StoryVersion } from './site-data.ts';

function archiveProps(data: SiteData, locale: Locale, title: string, toPath: (locale: Locale) => string, stories: StoryVersion[]) {
  return {
    locale,
    title,
    canonical: toAbsoluteUrl(toPath(locale), data.siteUrl),
    alternates: localeKeys.filter((other) => other !== locale).map((other) => ({ locale: other, href: toPath(other), url: toAbsoluteUrl(toPath(other), data.siteUrl) })),
    stories,
  };
}

export async function getPersonArchive(id: string, locale: Locale) {
  const data = await getSiteData();
  const name = data.people.get(id)?.name[locale] ?? id;
  const stories = data.byLocale[locale].filter((version) => version.data.authors.includes(id));
  return archiveProps(data, locale, t(locale, 'storiesBy', { name }), (l) => toPersonPath(id, l), stories);
}

export async function getSectionArchive(id: string, locale: Locale) {
  const data = await getSiteData();
  const name = data.sections.get(id)?.name[locale] ?? id;
  const stories = data.byLocale[locale].filter((version) => version.data.section === id);
  return archiveProps(data, locale, t(locale, 'storiesIn', { name }), (l) => toSectionPath(id, l), stories);
}
