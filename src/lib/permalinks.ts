/**
 * Permanent URLs. Newsroom rule: a story lives at /<yyyy>/<mm>/<dd>/<story-id>/ (Chinese,
 * at the root) and /en/<yyyy>/<mm>/<dd>/<story-id>/, the date being `published` in the
 * newsroom timezone, never UTC. Cutting a permalink back leads to its archive.
 */
import { getLocalePrefix, type Locale } from '../config/locales.ts';
import { getZonedParts } from './dates.ts';

export interface PermalinkInput {
  id: string;
  locale: Locale;
  published: Date;
}

/** Site-relative path of a story, with leading and trailing slash. */
export function toStoryPath({ id, locale, published }: PermalinkInput, timeZone: string): string {
  const { year, month, day } = getZonedParts(published, timeZone);
  return `${getLocalePrefix(locale)}/${year}/${month}/${day}/${id}/`;
}

/** Site-relative path of a front page. */
export function toHomePath(locale: Locale): string {
  return `${getLocalePrefix(locale)}/`;
}

/** Absolute URL from a site-relative path. */
export function toAbsoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, `${siteUrl}/`).href;
}

/** A person's archive: /people/<id>/ and /en/people/<id>/. */
export function toPersonPath(id: string, locale: Locale): string {
  return `${getLocalePrefix(locale)}/people/${id}/`;
}

/** A section's archive: /sections/<id>/ and /en/sections/<id>/. */
export function toSectionPath(id: string, locale: Locale): string {
  return `${getLocalePrefix(locale)}/sections/${id}/`;
}
