/**
 * The editing desk's map of the content contract (README, "The content contract"), in
 * Keystatic's terms. Paths are the contract's own; where Keystatic's shape differs (an image in
 * a folder named after its entry), desk-paths.ts translates, so the files never change.
 */
import { collection, config, fields, type Collection } from '@keystatic/core';
import { block, wrapper } from '@keystatic/core/content-components';
import { SLUG } from '../newsroom/permalinks.ts';
import { photoChoice, newsroomTime, photoImage } from './desk-fields.ts';
import { deskLanguages, label, languageName } from './desk-labels.ts';
import type { Locale } from '../config/locales.ts';

const slugRule = { regex: SLUG, message: '小写字母、数字和连字符，如 cao-wei · Lowercase letters, digits and hyphens, e.g. cao-wei' };
const PHOTO_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*\/photos\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** { zh, en } text, one box per language editors write. */
const perLanguage = (title: string, required = false) =>
  fields.object(Object.fromEntries(deskLanguages.map((locale) => [locale, fields.text({ label: `${title}: ${languageName(locale)}`, validation: { isRequired: required } })])), { label: title });

const body = (locale: Locale) =>
  fields.mdx({
    label: label('正文', 'Body'),
    extension: 'mdx',
    options: { image: false, codeBlock: false, heading: [2, 3] },
    components: {
      Photo: block({ label: label('照片', 'Photo'), schema: { id: photoChoice(label('照片 id', 'Photo id')) } }),
      LeadLines: wrapper({ label: label('导语', 'Lead lines'), schema: {} }),
      KeyFigures: wrapper({ label: label('关键数字', 'Key figures'), description: locale, schema: {} }),
    },
  });

// A new story starts as a draft; a story whose file has no `draft` is published and stays so.
const draftBase = fields.checkbox({ label: label('草稿（不发布）', 'Draft (not published)'), defaultValue: true });
const draftBox = { ...draftBase, parse: (value: unknown) => value === true };

function stories(locale: Locale): Collection<Record<string, never>, string> {
  return collection({
    label: label(`稿件（${languageName(locale).split(' · ')[0]}）`, `Stories (${languageName(locale).split(' · ')[1] ?? locale})`),
    path: `content/stories/*/${locale}`,
    format: { contentField: 'body' },
    slugField: 'title',
    columns: ['title', 'published'],
    entryLayout: 'content',
    schema: {
      title: fields.slug({
        name: { label: label('标题', 'Headline'), validation: { isRequired: true, length: { max: 110 } } },
        slug: { label: label('稿件 id（文件夹名）', 'Story id (folder name)'), validation: { pattern: slugRule } },
      }),
      subtitle: fields.text({ label: label('副题', 'Subtitle') }),
      summary: fields.text({ label: label('提要', 'Standfirst'), multiline: true, validation: { isRequired: true } }),
      authors: fields.multiRelationship({ label: label('作者', 'Byline'), collection: 'people', validation: { length: { min: 1 } } }),
      section: fields.relationship({ label: label('栏目', 'Section'), collection: 'sections', validation: { isRequired: true } }),
      tags: fields.array(fields.text({ label: label('标签', 'Tag') }), { label: label('标签', 'Tags'), itemLabel: (props) => props.value }),
      hero: photoChoice(label('头图', 'Hero photo')),
      published: newsroomTime({ label: label('发布时间（编辑部时间）', 'Published (newsroom time)'), required: true, defaultNow: true }),
      updated: newsroomTime({ label: label('更新时间', 'Updated') }),
      draft: draftBox,
      corrections: fields.array(
        fields.object({ date: newsroomTime({ label: label('更正时间', 'Date'), required: true }), text: fields.text({ label: label('更正说明', 'Correction'), multiline: true }) }),
        { label: label('更正', 'Corrections'), itemLabel: (props) => props.fields.text.value },
      ),
      aliases: fields.array(fields.text({ label: label('旧路径', 'Old path') }), { label: label('旧路径', 'Old paths'), itemLabel: (props) => props.value }),
      body: body(locale),
    },
  }) as unknown as Collection<Record<string, never>, string>;
}

export default config({
  storage: { kind: 'local' },
  ui: { brand: { name: label('编辑台', 'Gazette desk') } },
  collections: {
    ...Object.fromEntries(deskLanguages.map((locale) => [`stories-${locale}`, stories(locale)])),
    photos: collection({
      label: label('照片', 'Photos'),
      path: 'content/stories/**',
      format: 'yaml',
      slugField: 'where',
      schema: {
        where: fields.text({
          label: label('位置：稿件 id/photos/照片 id', 'Where: story-id/photos/photo-id'),
          validation: { isRequired: true, pattern: { regex: PHOTO_SLUG, message: label('如 my-story/photos/my-photo', 'e.g. my-story/photos/my-photo') } },
        }),
        image: photoImage(label('图片（JPEG、PNG 或 WebP）', 'Image (JPEG, PNG or WebP)')),
        caption: perLanguage(label('图说', 'Caption')),
        alt: perLanguage(label('替代文字（读屏用）', 'Alt text (for screen readers)')),
        photographer: fields.relationship({ label: label('摄影（本社）', 'Photographer (staff)'), collection: 'people' }),
        credit: perLanguage(label('来源（通讯社等，代替摄影）', 'Credit (agency, instead of a photographer)')),
        placeholder: fields.checkbox({ label: label('示意图', 'Placeholder') }),
      },
    }),
    people: collection({
      label: label('人员', 'People'),
      path: 'content/people/*',
      format: 'yaml',
      slugField: 'id',
      schema: {
        id: fields.text({ label: label('id（文件名）', 'Id (file name)'), validation: { isRequired: true, pattern: slugRule } }),
        name: perLanguage(label('姓名', 'Name'), true),
        role: perLanguage(label('职务', 'Role')),
      },
    }),
    sections: collection({
      label: label('栏目', 'Sections'),
      path: 'content/sections/*',
      format: 'yaml',
      slugField: 'id',
      schema: {
        id: fields.text({ label: label('id（文件名）', 'Id (file name)'), validation: { isRequired: true, pattern: slugRule } }),
        name: perLanguage(label('名称', 'Name'), true),
      },
    }),
  },
});
