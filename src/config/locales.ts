/**
 * The one list of languages. Astro's i18n, the sitemap, hreflang, feeds and the
 * content contract ({zh, en} fields, zh.mdx / en.mdx files) all derive from it.
 * The first entry is the default language, served at the site root.
 */
export const locales = {
  zh: {
    /** URL path prefix ('' = site root). */
    prefix: '',
    /** BCP-47 tag for <html lang>, hreflang and feeds: by script, beside the Traditional edition. */
    lang: 'zh-Hans',
    /** Locale for Intl date and number formatting. */
    intl: 'zh-CN',
    /** Name of the language in that language, for the language switch. */
    label: '简体',
    /** Open Graph locale. */
    ogLocale: 'zh_CN',
    /** Language code Google News expects in news:language. */
    newsLanguage: 'zh-cn',
    /** The language this one is generated from at build time; undefined when editors write it. */
    derivedFrom: undefined,
  },
  'zh-hant': {
    prefix: 'zh-hant',
    lang: 'zh-Hant',
    // Taiwan's conventions, like the conversion (site.ts, traditionalVariant).
    intl: 'zh-Hant-TW',
    label: '繁體',
    ogLocale: 'zh_TW',
    newsLanguage: 'zh-tw',
    // Converted from the Simplified files by OpenCC (docs/decisions/012-traditional-edition.md);
    // a hand-written zh-hant.mdx in a story folder wins.
    derivedFrom: 'zh',
  },
  en: {
    prefix: 'en',
    lang: 'en',
    // British English, like the translation's spelling: "22 December 2025".
    intl: 'en-GB',
    label: 'English',
    ogLocale: 'en_GB',
    newsLanguage: 'en',
    derivedFrom: undefined,
  },
} as const;

export type Locale = keyof typeof locales;

export const localeKeys = Object.keys(locales) as Locale[];

export const defaultLocale: Locale = localeKeys[0]!;

/** The languages editors write ({zh, en} fields, zh.mdx / en.mdx); the others are generated from one of them. */
export const authoredLocales = localeKeys.filter((key) => !locales[key].derivedFrom);

export type AuthoredLocale = { [K in Locale]: (typeof locales)[K]['derivedFrom'] extends undefined ? K : never }[Locale];

/** Each language that is generated: its key and the language it comes from. */
export const derivedLocales = localeKeys.flatMap((locale) => {
  const from = locales[locale].derivedFrom as Locale | undefined;
  return from ? [{ locale, from }] : [];
});

/** The authored language a language is written or generated from (itself when authored). */
export function sourceLocale(locale: Locale): AuthoredLocale {
  return (locales[locale].derivedFrom ?? locale) as AuthoredLocale;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && value in locales;
}

/** Path prefix of a language, with a leading slash and no trailing slash ('' at the root). */
export function getLocalePrefix(locale: Locale): string {
  const { prefix } = locales[locale];
  return prefix ? `/${prefix}` : '';
}
