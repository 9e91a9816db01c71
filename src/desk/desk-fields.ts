/**
 * The desk's own form fields, where Keystatic's would write something the contract refuses:
 * times in newsroom time written with their offset, a photo's image beside its entry and only
 * as JPEG, PNG or WebP, and a hero chosen from the photos that exist.
 */
import { fields } from '@keystatic/core';
import { createElement, useEffect, useState } from 'react';
import { site } from '../config/site.ts';
import { getImageKind, IMAGE_EXTENSIONS, NOT_AN_IMAGE } from './image-kind.ts';
import { fromWallTime, toWallTime, WALL_TIME } from './newsroom-time.ts';

/** A time typed on the newsroom's clock, written with its offset: 2025-12-22T08:00:00+08:00. */
export function newsroomTime(args: { label: string; required?: boolean; defaultNow?: boolean }) {
  const base = fields.text({
    label: args.label,
    description: `${site.timezone}: 2025-12-22 08:00`,
    defaultValue: () => (args.defaultNow ? toWallTime(new Date(Math.floor(Date.now() / 60_000) * 60_000)) : ''),
    validation: { isRequired: Boolean(args.required), pattern: { regex: args.required ? WALL_TIME : /^$|^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/, message: '日期时间如 2025-12-22 08:00 · A date and time such as 2025-12-22 08:00' } },
  });
  return {
    ...base,
    // Keystatic's YAML reads an unquoted timestamp as a Date: shown on the newsroom's clock either way.
    parse: (value: unknown) => toWallTime(value),
    reader: { ...base.reader, parse: (value: unknown) => toWallTime(value) },
    serialize: (value: string) => ({ value: fromWallTime(value) ?? (value.trim() || undefined) }),
  } as unknown as typeof base;
}

interface ImageValue { data: Uint8Array; extension: string; filename: string }

/** The photo's image, kept beside its entry as <photo-id>.<ext>; anything but JPEG, PNG or WebP is refused in the form. */
export function photoImage(label: string) {
  const base = fields.image({ label, validation: { isRequired: true } });
  const idOf = (slug: string | undefined) => (slug ?? '').split('/').at(-1) || 'photo';
  return {
    ...base,
    Input(props: { value: ImageValue | null; onChange(value: ImageValue | null): void; autoFocus: boolean; forceValidation: boolean }) {
      const [refused, setRefused] = useState(false);
      const onChange = (value: ImageValue | null) => {
        const bad = value !== null && !getImageKind(value.data);
        setRefused(bad);
        if (!bad) props.onChange(value);
      };
      return createElement('div', null, createElement(base.Input as unknown as (p: object) => null, { ...props, onChange } as object), refused ? createElement('p', { role: 'alert', style: { color: '#b00020' } }, NOT_AN_IMAGE) : null);
    },
    filename: (value: unknown) => (typeof value === 'string' ? value.replace(/^\.\//, '') : undefined),
    parse(value: unknown, extra: { asset: Uint8Array | undefined }) {
      if (typeof value !== 'string' || !extra.asset) return null;
      const filename = value.replace(/^\.\//, '');
      return { data: extra.asset, filename, extension: filename.split('.').at(-1) ?? '' };
    },
    serialize(value: ImageValue | null, extra: { slug: string | undefined }) {
      if (value === null) return { value: undefined, asset: undefined };
      const kind = getImageKind(value.data);
      const filename = `${idOf(extra.slug)}.${kind ? IMAGE_EXTENSIONS[kind] : value.extension}`;
      return { value: `./${filename}`, asset: { filename, content: value.data } };
    },
  } as unknown as typeof base;
}

interface PhotoChoice { id: string; story: string; caption: string }

/** A photo id chosen from the photos that exist (the story's own first), or none. */
export function photoChoice(label: string) {
  const base = fields.text({ label });
  return {
    ...base,
    Input(props: { value: string; onChange(value: string): void }) {
      const [photos, setPhotos] = useState<PhotoChoice[]>([]);
      useEffect(() => {
        fetch('/api/keystatic/gazette/photos', { headers: { 'no-cors': '1' } }).then((r) => r.json()).then(setPhotos, () => setPhotos([]));
      }, []);
      const story = /\/item\/([^/]+)/.exec(window.location.pathname)?.[1] ?? '';
      const sorted = [...photos].sort((a, b) => Number(b.story === story) - Number(a.story === story) || a.id.localeCompare(b.id));
      const known = props.value === '' || photos.some((photo) => photo.id === props.value);
      const options = [
        createElement('option', { key: '', value: '' }, '—'),
        ...(known ? [] : [createElement('option', { key: props.value, value: props.value }, `${props.value} ✗`)]),
        ...sorted.map((photo) => createElement('option', { key: photo.id, value: photo.id }, `${photo.id}: ${photo.caption}`)),
      ];
      return createElement('label', { style: { display: 'grid', gap: '0.25rem' } }, label,
        createElement('select', { value: props.value, onChange: (event: { target: { value: string } }) => props.onChange(event.target.value) }, ...options));
    },
  } as unknown as typeof base;
}
