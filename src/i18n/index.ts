import type { Locale } from '../config/locales.ts';
import en from './en.ts';
import type { UIKey, UIStrings } from './ui.ts';
import zh from './zh-CN.ts';
import zhHant from './zh-Hant.ts';

/** One dictionary per language, keyed like locales.ts. */
export const dictionaries: Record<Locale, UIStrings> = { zh, 'zh-hant': zhHant, en };

/**
 * The one interpolation helper: t('zh', 'photoBy', { name: '曹伟' }) → '记者 曹伟 摄'.
 * An unknown {placeholder} is an error, so a template and its caller cannot drift apart.
 */
export function t(locale: Locale, key: UIKey, vars: Record<string, string | number> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`i18n: "${key}" in ${locale} needs {${name}}`);
    return String(vars[name]);
  });
}

/**
 * Pagefind UI's `translations` option from this dictionary: its own placeholders stand in for
 * {term}, {count} and {alternative}, and Pagefind fills them while the reader searches.
 */
export function getSearchUiStrings(locale: Locale): Record<string, string> {
  const vars = { term: '[SEARCH_TERM]', count: '[COUNT]', alternative: '[DIFFERENT_TERM]' };
  const keys = {
    placeholder: 'searchPlaceholder',
    clear_search: 'searchClear',
    load_more: 'searchLoadMore',
    search_label: 'searchTitle',
    filters_label: 'searchFilters',
    zero_results: 'searchZeroResults',
    one_result: 'searchOneResult',
    many_results: 'searchManyResults',
    alt_search: 'searchAltSearch',
    search_suggestion: 'searchSuggestion',
    searching: 'searchSearching',
  } satisfies Record<string, UIKey>;
  return Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, t(locale, key, vars)]));
}
