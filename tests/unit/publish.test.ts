import { describe, expect, it } from 'vitest';
import { getNow } from '../../src/newsroom/now.ts';
import { getPublishState, isPublished, isVisible } from '../../src/newsroom/publish.ts';

describe('the publish predicate', () => {
  const now = new Date('2025-12-22T00:00:00Z');
  it('publishes a story whose time has come', () => {
    expect(getPublishState({ published: new Date('2025-12-21T23:59:59Z') }, now)).toBe('published');
    expect(getPublishState({ published: now }, now)).toBe('published');
  });
  it('holds an embargoed story until its time', () => {
    expect(getPublishState({ published: new Date('2025-12-22T00:00:01Z') }, now)).toBe('scheduled');
    expect(isPublished({ published: new Date('2030-01-01T00:00:00Z') }, now)).toBe(false);
  });
  it('never publishes a draft, whatever its date', () => {
    expect(getPublishState({ draft: true, published: new Date('2020-01-01T00:00:00Z') }, now)).toBe('draft');
    expect(isVisible({ draft: true, published: new Date('2020-01-01T00:00:00Z') }, now, false)).toBe(false);
    expect(isVisible({ draft: true, published: new Date('2020-01-01T00:00:00Z') }, now, true)).toBe(true);
  });
  it('takes now from GAZETTE_NOW, with an offset, or the clock', () => {
    expect(getNow({ GAZETTE_NOW: '2025-12-22T08:00:00+08:00' }).toISOString()).toBe('2025-12-22T00:00:00.000Z');
    expect(getNow({}, () => now)).toBe(now);
    expect(() => getNow({ GAZETTE_NOW: '2025-12-22 08:00' })).toThrow(/GAZETTE_NOW/);
  });
});
