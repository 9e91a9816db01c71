/**
 * The one list of languages. Astro's i18n, the sitemap, hreflang, feeds and the
 * content contract ({zh, en} fields, zh.mdx / en.mdx files) all derive from it.
 * The first entry is the default language, served at the site root.
 */
export const locales = {
  zh: {
    /** URL path prefix ('' = site root). */
    prefix: '',
    /** BCP-47 tag for <html lang>, hreflang and feeds. */
    lang: 'zh-CN',
    /** Locale for Intl date and number formatting. */
    intl: 'zh-CN',
    /** Name of the language in that language, for the language switch. */
    label: '中文',
    /** Open Graph locale. */
    ogLocale: 'zh_CN',
    /** Language code Google News expects in news:language. */
    newsLanguage: 'zh-cn',
  },
  en: {
    prefix: 'en',
    lang: 'en',
    // British English, like the translation's spelling: "22 December 2025".
    intl: 'en-GB',
    label: 'English',
    ogLocale: 'en_GB',
    newsLanguage: 'en',
  },
} as const;

export type Locale = keyof typeof locales;

export const localeKeys = Object.keys(locales) as Locale[];

export const defaultLocale: Locale = localeKeys[0]!;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && value in locales;
}

/** Path prefix of a language, with a leading slash and no trailing slash ('' at the root). */
export function getLocalePrefix(locale: Locale): string {
  const { prefix } = locales[locale];
  return prefix ? `/${prefix}` : '';
}
