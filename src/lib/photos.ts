/**
 * What a reader sees of a photo in one language: alt, caption, credit line and the
 * placeholder label. Newsroom rule: a staff photographer is credited by the language's
 * template ("记者 曹伟 摄" / "Photo: Cao Wei"); agencies by their own credit text.
 */
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
