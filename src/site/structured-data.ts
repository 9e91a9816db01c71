/** Wires site data into the pure JSON-LD builders of src/newsroom/jsonld.ts. */
import { defaultLocale, localeKeys, locales, type Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { t } from '../i18n/index.ts';
import { toW3C } from '../newsroom/dates.ts';
import { toBreadcrumbList, toNewsArticle, toWebSite, type ImageCrop, type PublisherInput, type PublisherPages } from '../newsroom/jsonld.ts';
import { toAbsoluteUrl, toHomePath, toPersonPath, toSectionPath } from '../newsroom/permalinks.ts';
import { getDateModified } from '../newsroom/publish.ts';
import { getPublisherPages } from './newsroom-pages.ts';
import type { SiteData, StoryVersion } from './site-data.ts';

/** The publisher logo: public/logo.png, 600x60 as Google's publisher guidelines suggest. */
export const LOGO = { path: '/logo.png', width: 600, height: 60 };

/**
 * The publisher as the page's language names it (as og:site_name does), under that edition's
 * own @id (its front page + #publisher), with the other languages' names as alternateName.
 * One @id per name: crawlers that merge entities by @id never see two names for one, and an
 * English page no longer calls it "Gazette 示范新闻". Its trust pages (masthead, standards,
 * corrections policy, contact) are the ones in the same language.
 */
export function getPublisher(siteUrl: string, locale: Locale, pages?: PublisherPages): PublisherInput {
  return {
    pages,
    name: site.name[locale],
    alternateName: localeKeys.filter((key) => key !== locale).map((key) => site.name[key]),
    url: toAbsoluteUrl(toHomePath(locale), siteUrl).replace(/\/$/, ''),
    logo: { url: toAbsoluteUrl(LOGO.path, siteUrl), width: LOGO.width, height: LOGO.height },
  };
}

export function getStoryJsonLd(data: SiteData, version: StoryVersion, images: ImageCrop[]) {
  const { locale, data: story } = version;
  const lang = locales[locale].lang;
  const source = version.translations.find((other) => other.locale === defaultLocale);
  const section = data.sections.get(story.section)?.name[locale] ?? story.section;
  const article = toNewsArticle({
    url: version.url,
    headline: story.title,
    alternativeHeadline: story.subtitle,
    description: story.summary,
    datePublished: toW3C(story.published, site.timezone),
    dateModified: toW3C(getDateModified(story), site.timezone),
    inLanguage: lang,
    articleSection: section,
    keywords: story.tags,
    authors: story.authors.map((id) => ({ name: data.people.get(id)?.name[locale] ?? id, url: toAbsoluteUrl(toPersonPath(id, locale), data.siteUrl) })),
    images,
    publisher: getPublisher(data.siteUrl, locale, getPublisherPages(data, locale)),
    translationOf: locale !== defaultLocale && source ? { url: source.url, inLanguage: locales[source.locale].lang } : undefined,
    translations: locale === defaultLocale ? version.translations.map((other) => ({ url: other.url, inLanguage: locales[other.locale].lang })) : [],
  });
  const breadcrumbs = toBreadcrumbList([
    { name: t(locale, 'breadcrumbHome'), url: toAbsoluteUrl(toHomePath(locale), data.siteUrl) },
    { name: section, url: toAbsoluteUrl(toSectionPath(story.section, locale), data.siteUrl) },
    { name: story.title, url: version.url },
  ]);
  return [article, breadcrumbs];
}

export function getFrontPageJsonLd(locale: Locale, data: SiteData) {
  const url = toAbsoluteUrl(toHomePath(locale), data.siteUrl);
  return toWebSite({ name: site.name[locale], url, inLanguage: locales[locale].lang, publisher: getPublisher(data.siteUrl, locale, getPublisherPages(data, locale)) });
}
