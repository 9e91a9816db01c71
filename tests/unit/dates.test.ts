import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, getZonedParts, hasOffset, toInstant, toW3C } from '../../src/newsroom/dates.ts';

describe('dates in the newsroom timezone', () => {
  it('requires an offset on every instant', () => {
    expect(hasOffset('2025-12-20T08:00:00+08:00')).toBe(true);
    expect(hasOffset('2025-12-20T00:00:00Z')).toBe(true);
    expect(hasOffset('2025-12-20T08:00:00')).toBe(false);
    expect(hasOffset('2025-12-20')).toBe(false);
    expect(toInstant('2025-12-20T08:00:00')).toBeUndefined();
    expect(toInstant('yesterday')).toBeUndefined();
    expect(toInstant('2025-13-45T08:00:00+08:00')).toBeUndefined();
    expect(toInstant('2025-12-20T08:00:00+08:00')?.toISOString()).toBe('2025-12-20T00:00:00.000Z');
  });

  it('dates a late-UTC instant by the Beijing calendar', () => {
    const instant = new Date('2025-12-21T17:30:00Z');
    expect(getZonedParts(instant, 'Asia/Shanghai')).toMatchObject({ year: '2025', month: '12', day: '22', hour: '01', minute: '30' });
    expect(getZonedParts(instant, 'UTC')).toMatchObject({ day: '21', hour: '17' });
  });

  it('writes W3C datetimes with the newsroom offset', () => {
    expect(toW3C(new Date('2025-12-21T17:30:00Z'), 'Asia/Shanghai')).toBe('2025-12-22T01:30:00+08:00');
    expect(toW3C(new Date('2025-07-01T12:00:00Z'), 'Europe/London')).toBe('2025-07-01T13:00:00+01:00');
    expect(toW3C(new Date('2025-12-01T12:00:00Z'), 'America/New_York')).toBe('2025-12-01T07:00:00-05:00');
  });

  it('formats datelines per language', () => {
    const instant = new Date('2025-12-22T00:00:00Z');
    expect(formatDateTime(instant, 'zh-CN', 'Asia/Shanghai')).toBe('2025年12月22日 08:00');
    expect(formatDateTime(instant, 'en-GB', 'Asia/Shanghai')).toBe('22 December 2025 at 08:00 GMT+8');
    expect(formatDate(instant, 'zh-CN', 'Asia/Shanghai')).toBe('2025年12月22日');
  });
});
