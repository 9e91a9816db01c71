/**
 * Times as editors type them: on the newsroom's wall clock (site.timezone), without an offset.
 * The desk writes them as the contract wants, ISO 8601 with the offset of that moment.
 */
import { site } from '../config/site.ts';
import { getOffset, getZonedParts } from '../newsroom/dates.ts';

export const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** '2025-12-22 08:00' on the newsroom's clock. */
export function toWallTime(value: unknown): string {
  const date = value instanceof Date ? value : typeof value === 'string' && /[zZ]|[+-]\d{2}:\d{2}$/.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return typeof value === 'string' ? value : '';
  const p = getZonedParts(date, site.timezone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${p.second === '00' ? '' : `:${p.second}`}`;
}

/** The instant a newsroom wall time names, ISO 8601 with the newsroom's offset at that moment. */
export function fromWallTime(wall: string): string | undefined {
  const m = WALL_TIME.exec(wall.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00'] = m;
  const asUtc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s);
  // The offset depends on the instant; two rounds settle it even across a DST change.
  let instant = asUtc;
  for (let round = 0; round < 2; round++) {
    const [sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})$/.exec(getOffset(new Date(instant), site.timezone))!.slice(1);
    instant = asUtc - (sign === '-' ? -1 : 1) * (+hours! * 60 + +minutes!) * 60_000;
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${getOffset(new Date(instant), site.timezone)}`;
}
