/**
 * The desk speaks both editing languages at once: every label is Chinese, then English. Its
 * languages are the ones editors write (a generated edition such as Traditional Chinese has no
 * files of its own to edit), read from config/locales.ts.
 */
import { authoredLocales, locales, type Locale } from '../config/locales.ts';

/** '标题 · Headline'. */
export const label = (zh: string, en: string): string => `${zh} · ${en}`;

const NAMES: Partial<Record<Locale, string>> = { zh: label('中文', 'Chinese'), en: label('英文', 'English') };

/** Languages with files of their own: those not generated from another at build time. */
export const deskLanguages: Locale[] = authoredLocales;

export const languageName = (locale: Locale): string => NAMES[locale] ?? locales[locale].label;
