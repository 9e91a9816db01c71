/**
 * The newsroom pages (content/pages/) and the corrections page as routes, footer links and
 * the publisher's page URLs. A newsroom page is linked only in the languages it exists in,
 * so a site without one still has no broken link; the corrections page exists in every
 * language.
 */
import { localeKeys, type Locale } from '../config/locales.ts';
import { t } from '../i18n/index.ts';
import type { UIKey } from '../i18n/ui.ts';
import { listCorrections } from '../newsroom/corrections.ts';
import type { PublisherPages } from '../newsroom/jsonld.ts';
import { NEWSROOM_PAGE_IDS, toAbsoluteUrl, toCorrectionsPath, toNewsroomPagePath, toPageAlternates, type NewsroomPageId } from '../newsroom/permalinks.ts';
import { getLocaleParam } from '../newsroom/route-params.ts';
import { getSiteData, type SiteData } from './site-data.ts';

const LABELS: Record<NewsroomPageId, UIKey> = {
  about: 'aboutPage',
  standards: 'standardsPage',
  'corrections-policy': 'correctionsPolicyPage',
  contact: 'contactPage',
};

/** Whether the newsroom page `id` is written in `locale` (content/pages/<id>/<locale>.mdx). */
const hasPage = (data: SiteData, id: NewsroomPageId, locale: Locale) => data.pages.has(`${id}/${locale}`);

const localesOf = (data: SiteData, id: NewsroomPageId) => localeKeys.filter((locale) => hasPage(data, id, locale));

/** `[...locale]/[newsroomPage]` routes: each page in each language it is written in. */
export async function getNewsroomPageRoutes() {
  const data = await getSiteData();
  return NEWSROOM_PAGE_IDS.flatMap((id) =>
    localesOf(data, id).map((locale) => {
      const entry = data.pages.get(`${id}/${locale}`)!;
      const pathIn = (other: Locale) => toNewsroomPagePath(id, other);
      return {
        params: { locale: getLocaleParam(locale), newsroomPage: id },
        props: {
          locale,
          title: entry.data.title,
          summary: entry.data.summary,
          html: entry.rendered?.html ?? '',
          canonical: toAbsoluteUrl(pathIn(locale), data.siteUrl),
          alternates: toPageAlternates(locale, pathIn, data.siteUrl, localesOf(data, id)),
        },
      };
    }),
  );
}

export type NewsroomPageProps = Awaited<ReturnType<typeof getNewsroomPageRoutes>>[number]['props'];

/** `[...locale]/corrections` routes: the site's corrections in each language, newest first. */
export async function getCorrectionsRoutes() {
  const data = await getSiteData();
  return localeKeys.map((locale) => {
    const pathIn = (other: Locale) => toCorrectionsPath(other);
    const stories = data.byLocale[locale].map((version) => ({ path: version.path, title: version.data.title, data: version.data }));
    const policy = hasPage(data, 'corrections-policy', locale) ? { href: toNewsroomPagePath('corrections-policy', locale), label: t(locale, 'correctionsPolicyPage') } : undefined;
    return {
      params: { locale: getLocaleParam(locale) },
      props: {
        locale,
        corrections: listCorrections(stories, data.now),
        canonical: toAbsoluteUrl(pathIn(locale), data.siteUrl),
        alternates: toPageAlternates(locale, pathIn, data.siteUrl),
        policy,
      },
    };
  });
}

export type CorrectionsPageProps = Awaited<ReturnType<typeof getCorrectionsRoutes>>[number]['props'];

/** The footer's links in a language: its newsroom pages, then the corrections page. */
export function getFooterLinks(data: SiteData, locale: Locale): { href: string; label: string }[] {
  return [
    ...NEWSROOM_PAGE_IDS.filter((id) => hasPage(data, id, locale)).map((id) => ({ href: toNewsroomPagePath(id, locale), label: t(locale, LABELS[id]) })),
    { href: toCorrectionsPath(locale), label: t(locale, 'correctionsPage') },
  ];
}

/** The publisher's page URLs in a language, for the pages that exist in it. */
export function getPublisherPages(data: SiteData, locale: Locale): PublisherPages {
  const url = (id: NewsroomPageId) => (hasPage(data, id, locale) ? toAbsoluteUrl(toNewsroomPagePath(id, locale), data.siteUrl) : undefined);
  return { masthead: url('about'), standards: url('standards'), correctionsPolicy: url('corrections-policy'), contact: url('contact') };
}
