/**
 * The rules between entries: every reference (authors, section, photographer, hero and body
 * photos) names an entry that exists, photo ids and old paths are unique, dates run forward,
 * headlines and summaries fit, and a photo has its text in each language it is shown in.
 */
import { dirname, relative } from 'node:path';
import { sourceLocale, type Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { hasOffset } from '../newsroom/dates.ts';
import { getAliasClash, toStoryPath } from '../newsroom/permalinks.ts';
import type { LoadedContent, PhotoFile, StoryFile } from './content-files.ts';
import { lineOf } from './frontmatter.ts';
import type { Problem } from './problems.ts';
import { checkSchema, type ContentSchemas } from './schema-messages.ts';

/** A photo entry, with its data once it passed its schema. */
export interface CheckedPhoto {
  file: PhotoFile;
  data?: Record<string, unknown> | undefined;
}

/** One story version that shows a photo, and how strictly it is held to the photo's text. */
export interface PhotoUse {
  locale: Locale;
  story: StoryFile;
  severity: Problem['severity'];
  hero: boolean;
}

/** Checks every entry against its schema and the others; returns the photos and where each is shown. */
export function checkEntries(
  content: LoadedContent,
  schemas: ContentSchemas,
  problems: Problem[],
): { photos: Map<string, CheckedPhoto>; photoNeeds: Map<string, PhotoUse[]> } {
  const people = new Map<string, Record<string, unknown>>();
  for (const [id, entry] of content.people) {
    const data = entry.yaml && checkSchema(schemas.person, entry.yaml, entry.file, problems);
    if (data) people.set(id, data);
  }
  const sections = new Map<string, Record<string, unknown>>();
  for (const [id, entry] of content.sections) {
    const data = entry.yaml && checkSchema(schemas.section, entry.yaml, entry.file, problems);
    if (data) sections.set(id, data);
  }

  // Photos: ids are unique site-wide.
  const photos = new Map<string, CheckedPhoto>();
  for (const photo of content.photos) {
    const first = photos.get(photo.id);
    if (first) {
      problems.push({
        file: photo.file,
        message: `duplicate photo id "${photo.id}": also defined in ${relative(dirname(content.root), first.file.file)}; photo ids are unique site-wide`,
        severity: 'error',
      });
      continue;
    }
    const data = photo.yaml && checkSchema(schemas.photo, photo.yaml, photo.file, problems);
    photos.set(photo.id, { file: photo, data });
    if (!data) continue;
    if (typeof data.photographer === 'string' && !people.has(data.photographer) && !content.people.has(data.photographer)) {
      problems.push({
        file: photo.file,
        line: lineOf(photo.yaml, ['photographer']),
        field: 'photographer',
        message: `unknown person id "${data.photographer}": expected a file content/people/${data.photographer}.yaml`,
        severity: 'error',
      });
    }
  }

  // Stories: frontmatter, references, and what each language needs of its photos.
  const photoNeeds = new Map<string, PhotoUse[]>();
  const aliasOwners = new Map<string, string>();
  const storyPaths = new Map<string, string>();
  const publishedOf = new Map<string, { story: StoryFile; published: Date; raw: unknown }>();
  const shownDate = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));
  const aliasUses: { story: StoryFile; index: number; alias: string }[] = [];
  for (const story of content.stories) {
    if (!story.yaml) continue;
    const raw = story.yaml.data;
    const offsetless = new Set<string>();
    for (const field of ['published', 'updated'] as const) {
      const value = raw[field];
      if (typeof value === 'string' && !hasOffset(value) && !Number.isNaN(Date.parse(value))) {
        problems.push({
          file: story.file,
          line: lineOf(story.yaml, [field]),
          field,
          message: `"${value}" has no timezone offset: write it as e.g. 2025-12-20T08:00:00+08:00 so the dateline never guesses`,
          severity: 'error',
        });
        offsetless.add(field);
      }
    }
    const schemaProblems: Problem[] = [];
    const data = checkSchema(schemas.story, story.yaml, story.file, schemaProblems);
    // One problem, one line: the schema's own "expected an ISO 8601 date" repeats the offset message.
    problems.push(...schemaProblems.filter((problem) => !offsetless.has(problem.field ?? '')));
    if (!data) continue;
    const refError = (field: (string | number)[], message: string) =>
      problems.push({ file: story.file, line: lineOf(story.yaml, field), field: field.join('.'), message, severity: 'error' });
    (data.authors as string[]).forEach((author, index) => {
      if (!content.people.has(author)) refError(['authors', index], `unknown person id "${author}": expected a file content/people/${author}.yaml`);
    });
    if (!content.sections.has(data.section as string)) {
      refError(['section'], `unknown section id "${data.section}": expected a file content/sections/${data.section}.yaml`);
    }
    (data.aliases as string[]).forEach((alias, index) => {
      const owner = aliasOwners.get(alias);
      if (owner && owner !== story.storyId) {
        refError(['aliases', index], `alias ${alias} is already an old path of story "${owner}": one path can redirect to one story only`);
      }
      aliasOwners.set(alias, story.storyId);
      const clash = getAliasClash(alias);
      if (clash) refError(['aliases', index], `alias ${alias} is ${clash}: an old path must be one no page of the site uses`);
      else aliasUses.push({ story, index, alias });
    });
    storyPaths.set(toStoryPath({ id: story.storyId, locale: story.locale, published: data.published as Date }, site.timezone), `${story.storyId}/${story.locale}`);
    publishedOf.set(`${story.storyId}/${story.locale}`, { story, published: data.published as Date, raw: raw.published });
    // A story is changed and corrected after it appears, never before: an earlier date is a typo.
    const published = data.published as Date;
    const shown = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));
    if (data.updated instanceof Date && data.updated < published) {
      refError(['updated'], `${shown(raw.updated)} is before published ${shown(raw.published)}: updated is the time of the last change after publication`);
    }
    (data.corrections as { date: Date }[]).forEach((correction, index) => {
      if (correction.date < published) {
        const rawDate = (raw.corrections as { date?: unknown }[] | undefined)?.[index]?.date;
        refError(['corrections', index, 'date'], `${shown(rawDate)} is before published ${shown(raw.published)}: a correction is made to a published story`);
      }
    });
    // Newsroom limits: longer text still builds, but search, news results and feeds cut it.
    const limits = [
      { field: 'title', name: 'headline', max: site.headlineMax, why: 'so search and news results do not cut it' },
      { field: 'summary', name: 'summary', max: site.summaryMax, why: 'for feeds and search results' },
    ] as const;
    for (const { field, name, max, why } of limits) {
      const length = [...(data[field] as string)].length;
      if (length > max) {
        problems.push({ file: story.file, line: lineOf(story.yaml, [field]), field, message: `${name} is ${length} characters; keep it within ${max} ${why}`, severity: 'warning' });
      }
    }
    // A draft's photos may still be work in progress; a scheduled story publishes by itself, so it is held to the full rule.
    const severity: Problem['severity'] = data.draft ? 'warning' : 'error';
    const used: { id: string; line?: number; field: string; hero: boolean }[] = [];
    if (typeof data.hero === 'string') used.push({ id: data.hero, line: lineOf(story.yaml, ['hero']), field: 'hero', hero: true });
    for (const photo of story.bodyPhotos) used.push({ ...photo, field: 'Photo', hero: false });
    for (const use of used) {
      if (!photos.has(use.id)) {
        problems.push({
          file: story.file,
          line: use.line,
          field: use.field,
          message: `unknown photo id "${use.id}": expected an entry content/stories/<story-id>/photos/${use.id}.yaml`,
          severity: 'error',
        });
        continue;
      }
      const needs = photoNeeds.get(use.id) ?? [];
      // A hand-written zh-hant.mdx shows the photo's zh text, converted, unless the entry gives its own.
      needs.push({ locale: sourceLocale(story.locale), story, severity, hero: use.hero });
      photoNeeds.set(use.id, needs);
    }
  }
  // A hand-written edition of a generated language (zh-hant.mdx) lives at its source's address under
  // the language's prefix; another publication date would move it there and leave the old one dead.
  for (const [key, { story, published, raw }] of publishedOf) {
    const source = sourceLocale(story.locale);
    if (source === story.locale) continue;
    const original = publishedOf.get(`${story.storyId}/${source}`);
    if (!content.stories.some((other) => other.storyId === story.storyId && other.locale === source)) {
      problems.push({ file: story.file, line: 1, message: `a hand-written ${story.locale} edition needs its source ${source}.mdx beside it: the edition is the ${source} story's, in other characters`, severity: 'error' });
    }
    if (original && original.published.getTime() !== published.getTime()) {
      problems.push({
        file: story.file,
        line: lineOf(story.yaml, ['published']),
        field: 'published',
        message: `${shownDate(raw)} differs from ${source}.mdx's ${shownDate(original.raw)}: a hand-written ${key.split('/')[1]} edition keeps its source's publication date, which sets its address; copy it from ${source}.mdx`,
        severity: 'error',
      });
    }
  }
  for (const { story, index, alias } of aliasUses) {
    const live = storyPaths.get(alias);
    if (live) {
      problems.push({
        file: story.file,
        line: lineOf(story.yaml!, ['aliases', index]),
        field: `aliases.${index}`,
        message: `alias ${alias} is the address of story ${live}: an old path must be one no page of the site uses`,
        severity: 'error',
      });
    }
  }
  return { photos, photoNeeds };
}

/** The caption, alt text and credit a photo needs in each language a story shows it in. */
export function checkPhotoLanguages(photo: PhotoFile, data: Record<string, unknown>, needs: PhotoUse[], root: string, problems: Problem[]): void {
  const seen = new Set<string>();
  for (const need of needs) {
    const key = `${need.locale}/${need.severity}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const shownIn = relative(dirname(root), need.story.file);
    for (const field of ['caption', 'alt'] as const) {
      const value = (data[field] as Partial<Record<Locale, string>>)[need.locale];
      if (!value) {
        problems.push({
          file: photo.file,
          line: lineOf(photo.yaml, [field, need.locale]),
          field: `${field}.${need.locale}`,
          message: `missing ${field === 'alt' ? 'alt text' : 'caption'} in ${need.locale}: the photo is shown in ${shownIn}`,
          severity: need.severity,
        });
      }
    }
    const credit = data.credit as Partial<Record<Locale, string>> | undefined;
    if (credit && !credit[need.locale]) {
      problems.push({
        file: photo.file,
        line: lineOf(photo.yaml, ['credit', need.locale]),
        field: `credit.${need.locale}`,
        message: `missing credit in ${need.locale}: the photo is shown in ${shownIn}`,
        severity: need.severity,
      });
    }
  }
}
