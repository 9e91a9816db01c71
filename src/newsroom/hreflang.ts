/**
 * The x-default hreflang target, one rule for the page head and the sitemap: a reader whose
 * language has no version of the page is sent to the default language's version.
 */
import { defaultLocale, locales } from '../config/locales.ts';

export function getXDefault(links: readonly { lang: string; url: string }[]): string | undefined {
  return links.find((link) => link.lang === locales[defaultLocale].lang)?.url;
}
