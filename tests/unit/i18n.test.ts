import { describe, expect, it } from 'vitest';
import { localeKeys } from '../../src/config/locales.ts';
import { dictionaries, t } from '../../src/i18n/index.ts';
import { toPhotoView } from '../../src/newsroom/photos.ts';

describe('UI strings', () => {
  it('has the same keys, all non-empty, in every language', () => {
    const keys = Object.keys(dictionaries.zh).sort();
    for (const locale of localeKeys) {
      expect(Object.keys(dictionaries[locale]).sort()).toEqual(keys);
      for (const value of Object.values(dictionaries[locale])) expect(value.trim()).not.toBe('');
    }
  });
  it('interpolates in each language word order', () => {
    expect(t('zh', 'photoBy', { name: '曹伟' })).toBe('记者 曹伟 摄');
    expect(t('en', 'photoBy', { name: 'Cao Wei' })).toBe('Photo: Cao Wei');
    expect(t('zh', 'storiesBy', { name: '曹伟' })).toBe('曹伟的报道');
    expect(() => t('en', 'photoBy')).toThrow(/needs \{name\}/);
  });
  it('credits a staff photographer by template and an agency by its own text', () => {
    const names: Record<string, Record<string, string>> = { 'cao-wei': { zh: '曹伟', en: 'Cao Wei' } };
    const lookup = (id: string, locale: string) => names[id]?.[locale];
    const staff = { image: 'x', caption: { zh: '车间', en: 'Workshop' }, alt: { zh: '车间', en: 'Workshop' }, photographer: 'cao-wei', placeholder: true };
    expect(toPhotoView(staff, 'zh', lookup)).toMatchObject({ credit: '记者 曹伟 摄', caption: '车间', placeholderLabel: '示意图' });
    expect(toPhotoView(staff, 'en', lookup)).toMatchObject({ credit: 'Photo: Cao Wei', placeholderLabel: 'Placeholder' });
    const agency = { image: 'x', caption: { en: 'Port' }, alt: { en: 'Port' }, credit: { en: 'Xinhua' }, placeholder: false };
    expect(toPhotoView(agency, 'en', lookup)).toMatchObject({ credit: 'Xinhua', placeholderLabel: undefined });
  });
});
