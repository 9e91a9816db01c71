/**
 * Dates in the newsroom's timezone. Timezone trap: a story published at
 * 2025-12-22T01:00+08:00 is dated 22 December in Beijing but 21 December in UTC,
 * so every calendar date (permalinks, archives, datelines) goes through here.
 */

/** ISO 8601 with an explicit offset (Z or ±hh:mm), e.g. 2025-12-20T08:00:00+08:00. */
export const OFFSET_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function hasOffset(value: string): boolean {
  return OFFSET_DATETIME.test(value.trim());
}

/** Parses an ISO 8601 instant that carries an offset; undefined for anything else. */
export function toInstant(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' || !hasOffset(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export interface ZonedParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** Calendar fields of an instant as seen on a wall clock in `timeZone`. */
export function getZonedParts(date: Date, timeZone: string): ZonedParts {
  let fmt = partsFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, fmt);
  }
  const out: Record<string, string> = {};
  for (const part of fmt.formatToParts(date)) out[part.type] = part.value;
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}

/** Offset of `timeZone` at that instant, as ±hh:mm. */
export function getOffset(date: Date, timeZone: string): string {
  const p = getZonedParts(date, timeZone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const minutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** W3C datetime with the newsroom's offset, e.g. 2025-12-22T08:00:00+08:00 (sitemaps, JSON-LD, <time>). */
export function toW3C(date: Date, timeZone: string): string {
  const p = getZonedParts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${getOffset(date, timeZone)}`;
}

/**
 * Intl formatters are slow to make and every story card on every archive page formats a date:
 * one formatter per kind, language and zone, made on first use.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: string, lang: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${kind}\0${lang}\0${timeZone}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(lang, { timeZone, ...options });
    formatters.set(key, fmt);
  }
  return fmt;
}

/** Human dateline for an Intl locale: "2025年12月22日 08:00" / "22 December 2025 at 08:00 GMT+8". */
export function formatDateTime(date: Date, lang: string, timeZone: string): string {
  return formatter('datetime', lang, timeZone, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: lang.startsWith('zh') ? undefined : 'short',
  }).format(date);
}

/** Date only, for lists: "2025年12月22日" / "22 December 2025". */
export function formatDate(date: Date, lang: string, timeZone: string): string {
  return formatter('date', lang, timeZone, { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}
