/**
 * What a reader sees of a photo in one language: alt, caption, credit line and the
 * placeholder label. Newsroom rule: a staff photographer is credited by the language's
 * template ("记者 曹伟 摄" / "Photo: Cao Wei"); agencies by their own credit text. Also the
 * rule for where a photo entry's image file may be, and the crops a hero is cut to.
 */
import { posix } from 'node:path';
import type { Locale } from '../config/locales.ts';
import { t } from '../i18n/index.ts';

type Localized = Partial<Record<Locale, string>>;

export interface PhotoData<I = unknown> {
  image: I;
  caption: Localized;
  alt: Localized;
  photographer?: string | undefined;
  credit?: Localized | undefined;
  placeholder: boolean;
}

export interface PhotoView<I = unknown> {
  image: I;
  alt: string;
  caption: string;
  credit: string;
  placeholderLabel?: string | undefined;
}

export function toPhotoView<I>(
  photo: PhotoData<I>,
  locale: Locale,
  getPersonName: (id: string, locale: Locale) => string | undefined,
): PhotoView<I> {
  const photographer = photo.photographer ? getPersonName(photo.photographer, locale) : undefined;
  return {
    image: photo.image,
    alt: photo.alt[locale] ?? '',
    caption: photo.caption[locale] ?? '',
    credit: photographer ? t(locale, 'photoBy', { name: photographer }) : (photo.credit?.[locale] ?? ''),
    placeholderLabel: photo.placeholder ? t(locale, 'placeholder') : undefined,
  };
}

/**
 * Why a photo entry's `image` path is refused, or undefined. The build copies whatever the
 * path points at into dist/, so a path that climbs out (`../../..`), is absolute or is an
 * address could publish any image the build machine can read. The rule is lexical, so it
 * also guards Astro's own resolver; the validator adds a real-path check for symbolic links.
 * Photos shown by another story are referenced by id, so no entry needs a file elsewhere.
 */
export function getImagePathProblem(path: string): string | undefined {
  const fix = 'an image is a file beside its entry in this story\'s photos/ folder, e.g. ./photo-id.jpg';
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return `"${path}" is an address, not a file: ${fix}`;
  if (/[?#]/.test(path)) return `"${path}" has a ? or #, which are not part of a file name here: ${fix}`;
  let decoded = path;
  try {
    // Vite decodes %-escapes in import paths, so %2e%2e climbs as far as .. does.
    decoded = decodeURIComponent(path);
  } catch {
    return `"${path}" has a % that is not an escape: ${fix}`;
  }
  const slashed = decoded.replaceAll('\\', '/');
  if (slashed.startsWith('/') || slashed.startsWith('~')) return `"${path}" is an absolute path: ${fix}`;
  if (posix.normalize(slashed).split('/')[0] === '..') return `"${path}" leads out of this story's photos/ folder: ${fix}`;
  return undefined;
}

/**
 * Google's NewsArticle image ratios, at 1,200 px wide, which only crawlers fetch; and the
 * 1200x630 Open Graph card, which feed readers and social posts show to readers.
 */
export const CROPS = {
  wide: { width: 1200, height: 675, crawlersOnly: true },
  standard: { width: 1200, height: 900, crawlersOnly: true },
  square: { width: 1200, height: 1200, crawlersOnly: true },
  card: { width: 1200, height: 630, crawlersOnly: false },
} as const;

/**
 * A crop's size, scaled down to fit inside the photo with its ratio kept. Astro never enlarges:
 * a 1280x854 hero asked for 1200x900 comes out 1200x854, and the structured data would state a
 * size and ratio the file does not have. (A hero need only be 1,200 px wide, src/config/site.ts.)
 */
export function fitCrop(crop: { width: number; height: number }, photo: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, photo.width / crop.width, photo.height / crop.height);
  return { width: Math.round(crop.width * scale), height: Math.round(crop.height * scale) };
}
