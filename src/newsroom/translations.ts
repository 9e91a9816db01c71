/**
 * The translation report behind `npm run translations`: which stories lack a language,
 * which translations are older than the source-language version, and whether each story's
 * generated edition (zh-hant) is converted or hand-written. Pure: the script
 * reads the files and hands the parsed frontmatter in, so the rules are unit-tested.
 * Drafts are not skipped, because editors plan translations before publication.
 */
import { authoredLocales, defaultLocale, derivedLocales, locales as localeConfig, type Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { toInstant, toW3C } from './dates.ts';

/** One language version of a story: its file and the raw frontmatter dates. */
export interface LanguageVersion {
  /** Path of the file as it should be shown, e.g. content/stories/my-story/zh.mdx. */
  file: string;
  published?: unknown;
  updated?: unknown;
}

/** A story folder and the language versions found in it. */
export interface StoryInput {
  id: string;
  /** Path of the folder as it should be shown, e.g. content/stories/my-story. */
  dir: string;
  versions: Partial<Record<string, LanguageVersion>>;
}

/** What needs doing for one story. */
export interface TranslationStatus {
  id: string;
  /** Languages with no file, in locale order. */
  missing: string[];
  /** True when some translation is older than the source-language version. */
  stale: boolean;
  /** Translations older than the source, and by how many milliseconds. */
  behind: { locale: string; by: number }[];
  /** Per language: `updated`, else `published`, in the newsroom timezone; null when missing or unreadable. */
  updated: Record<string, string | null>;
  /** Existing language files, in locale order. */
  files: string[];
  /** The files an editor has to write: missing and behind ones, in locale order. */
  todo: string[];
  /** Per generated language: converted from its source at build time, or a hand-written file that wins. */
  editions: Record<string, 'generated' | 'hand-written'>;
}

export interface ReportOptions {
  /** Every language a story should have; the languages editors write by default (a generated one is never missing). */
  locales?: readonly string[];
  /** The language translations are made from; the default locale by default. */
  source?: string;
  /** Timezone the dates are shown in; the newsroom's by default. */
  timeZone?: string;
}

/** When a version last changed: `updated` if it has one, else `published`; undefined when unreadable. */
export function lastChange(version: LanguageVersion): Date | undefined {
  // A present but malformed `updated` is not papered over with `published`: npm run check reports it.
  return version.updated !== undefined && version.updated !== null ? toInstant(version.updated) : toInstant(version.published);
}

/** The status of every story, keeping only those with a missing or stale translation. */
export function translationReport(stories: StoryInput[], options: ReportOptions = {}): TranslationStatus[] {
  const authored = options.locales ?? authoredLocales;
  const source = options.source ?? defaultLocale;
  const timeZone = options.timeZone ?? site.timezone;
  // A generated language counts once an editor has written it by hand: it can then fall behind its source.
  const derived = derivedLocales.filter(({ locale }) => !authored.includes(locale));
  const rows: TranslationStatus[] = [];
  for (const story of stories) {
    const written = derived.filter(({ locale }) => story.versions[locale]);
    const locales = [...authored, ...written.map(({ locale }) => locale)];
    const missing = authored.filter((locale) => !story.versions[locale]);
    const changed = new Map<string, Date | undefined>();
    for (const locale of locales) {
      const version = story.versions[locale];
      if (version) changed.set(locale, lastChange(version));
    }
    const sourceOf = (locale: string) => written.find((entry) => entry.locale === locale)?.from ?? source;
    const behind: TranslationStatus['behind'] = [];
    for (const locale of locales) {
      const at = changed.get(locale);
      const sourceChanged = changed.get(sourceOf(locale));
      if (locale === source || !sourceChanged || !at) continue;
      if (sourceChanged.getTime() > at.getTime()) behind.push({ locale, by: sourceChanged.getTime() - at.getTime() });
    }
    if (missing.length === 0 && behind.length === 0) continue;
    const updated: Record<string, string | null> = {};
    for (const locale of locales) {
      const at = changed.get(locale);
      updated[locale] = at ? toW3C(at, timeZone) : null;
    }
    const needsWork = new Set([...missing, ...behind.map((b) => b.locale)]);
    rows.push({
      id: story.id,
      missing,
      stale: behind.length > 0,
      behind,
      updated,
      files: locales.flatMap((locale) => story.versions[locale]?.file ?? []),
      todo: locales.filter((locale) => needsWork.has(locale)).map((locale) => story.versions[locale]?.file ?? `${story.dir}/${locale}.mdx`),
      editions: getEditions(story, derived),
    });
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function getEditions(story: StoryInput, derived: readonly { locale: string; from: string }[]): TranslationStatus['editions'] {
  return Object.fromEntries(derived.map(({ locale }) => [locale, story.versions[locale] ? 'hand-written' : 'generated']));
}

/** Every story's generated editions, for the second table of `npm run translations`: story, edition, and which file it comes from. */
export function toEditionRows(stories: StoryInput[]): string[][] {
  const derived = derivedLocales.filter(({ locale }) => !authoredLocales.includes(locale as Locale));
  const rows = [...stories].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).flatMap((story) =>
    derived.flatMap(({ locale, from }) => {
      const own = story.versions[locale];
      if (own) return [[story.id, `${locale} hand-written`, own.file]];
      return story.versions[from] ? [[story.id, `${locale} generated from ${from}`, story.versions[from]!.file]] : [];
    }),
  );
  return [['story', 'edition', 'from file'], ...rows];
}

/** A row as `--json` prints it: {id, missing, stale, zhUpdated, enUpdated, files, editions}. */
export function toJsonRow(row: TranslationStatus, locales: readonly string[] = authoredLocales): Record<string, unknown> {
  const out: Record<string, unknown> = { id: row.id, missing: row.missing, stale: row.stale };
  for (const locale of [...locales, ...Object.keys(row.editions).filter((locale) => row.editions[locale] === 'hand-written')]) out[`${locale}Updated`] = row.updated[locale] ?? null;
  out.files = row.files;
  out.editions = row.editions;
  return out;
}

/** A rough, rounded-down duration for people: "40 minutes", "8 hours", "2 days". */
export function formatDuration(ms: number): string {
  const unit = (count: number, name: string) => `${count} ${name}${count === 1 ? '' : 's'}`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  // Up to two days, hours say more than "1 day".
  if (hours < 48) return unit(hours, 'hour');
  return unit(Math.floor(hours / 24), 'day');
}

/** The status column: "missing en", "en behind zh by 2 days", joined by "; ". */
export function describeStatus(row: TranslationStatus, source: string = defaultLocale): string {
  return [
    ...row.missing.map((locale) => `missing ${locale}`),
    ...row.behind.map(({ locale, by }) => `${locale} behind ${(localeConfig[locale as Locale]?.derivedFrom as string | undefined) ?? source} by ${formatDuration(by)}`),
  ].join('; ');
}

/** The report's table, one story a row under a header row; the script aligns and prints it. */
export function toTableRows(rows: TranslationStatus[], source: string = defaultLocale): string[][] {
  return [['story', 'status', 'file'], ...rows.map((row) => [row.id, describeStatus(row, source), row.todo.join(', ')])];
}
