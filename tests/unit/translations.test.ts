import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/build/table.ts';
import { describeStatus, formatDuration, lastChange, toEditionRows, toJsonRow, toTableRows, translationReport, type StoryInput } from '../../src/newsroom/translations.ts';

const story = (id: string, versions: Record<string, { published?: unknown; updated?: unknown }>): StoryInput => ({
  id,
  dir: `content/stories/${id}`,
  versions: Object.fromEntries(Object.entries(versions).map(([locale, dates]) => [locale, { file: `content/stories/${id}/${locale}.mdx`, ...dates }])),
});

describe('the translation report', () => {
  it('lists a story that lacks a language, naming the language and the file to write', () => {
    const [row, ...rest] = translationReport([story('zh-only', { zh: { published: '2025-12-10T09:00:00+08:00' } })]);
    expect(rest).toHaveLength(0);
    expect(row).toMatchObject({ id: 'zh-only', missing: ['en'], stale: false, files: ['content/stories/zh-only/zh.mdx'] });
    expect(row!.todo).toEqual(['content/stories/zh-only/en.mdx']);
    expect(row!.updated).toEqual({ zh: '2025-12-10T09:00:00+08:00', en: null });
    expect(describeStatus(row!)).toBe('missing en');
  });

  it('lists a story missing its source language too', () => {
    const [row] = translationReport([story('en-only', { en: { published: '2025-12-10T09:00:00+08:00' } })]);
    expect(row).toMatchObject({ missing: ['zh'], stale: false });
  });

  it('marks the English stale when the Chinese was updated after it', () => {
    const [row] = translationReport([
      story('bilingual', {
        zh: { published: '2025-12-21T17:30:00Z', updated: '2025-12-22T10:00:00+08:00' },
        en: { published: '2025-12-21T17:30:00Z' },
      }),
    ]);
    expect(row).toMatchObject({ missing: [], stale: true, behind: [{ locale: 'en', by: 8.5 * 3600_000 }] });
    // Dates are shown in the newsroom timezone, whatever offset the file used.
    expect(row!.updated).toEqual({ zh: '2025-12-22T10:00:00+08:00', en: '2025-12-22T01:30:00+08:00' });
    expect(row!.todo).toEqual(['content/stories/bilingual/en.mdx']);
    expect(describeStatus(row!)).toBe('en behind zh by 8 hours');
  });

  it('compares the English updated date when it has one', () => {
    const versions = { zh: { published: '2025-12-01T08:00:00+08:00', updated: '2025-12-05T08:00:00+08:00' } };
    expect(translationReport([story('caught-up', { ...versions, en: { published: '2025-12-01T08:00:00+08:00', updated: '2025-12-05T08:00:00+08:00' } })])).toEqual([]);
    const [row] = translationReport([story('behind', { ...versions, en: { published: '2025-12-01T08:00:00+08:00', updated: '2025-12-03T07:00:00+08:00' } })]);
    expect(describeStatus(row!)).toBe('en behind zh by 2 days');
  });

  it('leaves out stories translated and up to date, and English that is newer than the Chinese', () => {
    const rows = translationReport([
      story('same', { zh: { published: '2025-12-01T08:00:00+08:00' }, en: { published: '2025-12-01T00:00:00Z' } }),
      story('en-newer', { zh: { published: '2025-12-01T08:00:00+08:00' }, en: { published: '2025-12-01T08:00:00+08:00', updated: '2025-12-02T08:00:00+08:00' } }),
    ]);
    expect(rows).toEqual([]);
  });

  it('does not guess when a date is unreadable: not stale, and shown as null', () => {
    const [row] = translationReport([
      story('bad-date', { zh: { published: 'next tuesday' }, en: { published: '2025-12-01T08:00:00+08:00' } }),
      story('bad-updated', { zh: { published: '2025-12-09T08:00:00+08:00', updated: '2025-12-10 08:00' }, en: { published: '2025-12-01T08:00:00+08:00' } }),
    ]);
    expect(row).toBeUndefined();
    expect(lastChange({ file: 'x', published: '2025-12-09T08:00:00+08:00', updated: '2025-12-10 08:00' })).toBeUndefined();
    const [missing] = translationReport([story('bad', { zh: { published: 'soon' } })]);
    expect(missing!.updated).toEqual({ zh: null, en: null });
  });

  it('takes its languages and source language from options, for a site with more languages', () => {
    const [row] = translationReport(
      [story('three', { zh: { published: '2025-12-02T08:00:00+08:00' }, en: { published: '2025-12-01T08:00:00+08:00' } })],
      { locales: ['zh', 'en', 'fr'], source: 'zh' },
    );
    expect(row).toMatchObject({ missing: ['fr'], stale: true });
    expect(row!.todo).toEqual(['content/stories/three/en.mdx', 'content/stories/three/fr.mdx']);
    expect(describeStatus(row!, 'zh')).toBe('missing fr; en behind zh by 24 hours');
    expect(toJsonRow(row!, ['zh', 'en', 'fr'])).toEqual({
      id: 'three',
      missing: ['fr'],
      stale: true,
      zhUpdated: '2025-12-02T08:00:00+08:00',
      enUpdated: '2025-12-01T08:00:00+08:00',
      frUpdated: null,
      files: ['content/stories/three/zh.mdx', 'content/stories/three/en.mdx'],
      editions: { 'zh-hant': 'generated' },
    });
  });

  it('sorts stories by id and prints --json rows with exactly the documented keys', () => {
    const rows = translationReport([story('b', { zh: { published: '2025-12-01T08:00:00+08:00' } }), story('a', { en: { published: '2025-12-01T08:00:00+08:00' } })]);
    expect(rows.map((row) => row.id)).toEqual(['a', 'b']);
    expect(Object.keys(toJsonRow(rows[0]!))).toEqual(['id', 'missing', 'stale', 'zhUpdated', 'enUpdated', 'files', 'editions']);
  });
});

describe('the Traditional edition in the report', () => {
  const zh = { published: '2025-12-01T08:00:00+08:00', updated: '2025-12-05T08:00:00+08:00' };
  const en = { published: '2025-12-01T08:00:00+08:00', updated: '2025-12-05T08:00:00+08:00' };

  it('never lists a generated edition as missing, and says it is generated', () => {
    expect(translationReport([story('generated', { zh, en })])).toEqual([]);
    const [row] = translationReport([story('zh-only', { zh })]);
    expect(row).toMatchObject({ missing: ['en'], editions: { 'zh-hant': 'generated' } });
    expect(toEditionRows([story('generated', { zh, en })])).toEqual([
      ['story', 'edition', 'from file'],
      ['generated', 'zh-hant generated from zh', 'content/stories/generated/zh.mdx'],
    ]);
  });

  it('lists a hand-written zh-hant.mdx older than the Simplified text, and the file to bring up to date', () => {
    const [row] = translationReport([story('override', { zh, en, 'zh-hant': { published: '2025-12-01T08:00:00+08:00', updated: '2025-12-03T07:00:00+08:00' } })]);
    expect(row).toMatchObject({ missing: [], stale: true, editions: { 'zh-hant': 'hand-written' } });
    expect(row!.todo).toEqual(['content/stories/override/zh-hant.mdx']);
    expect(describeStatus(row!)).toBe('zh-hant behind zh by 2 days');
    expect(toJsonRow(row!)).toMatchObject({ 'zh-hantUpdated': '2025-12-03T07:00:00+08:00', editions: { 'zh-hant': 'hand-written' } });
    expect(toEditionRows([story('override', { zh, 'zh-hant': { published: '2025-12-05T08:00:00+08:00' } })])[1]).toEqual(['override', 'zh-hant hand-written', 'content/stories/override/zh-hant.mdx']);
    // Caught up: not listed.
    expect(translationReport([story('override', { zh, en, 'zh-hant': zh })])).toEqual([]);
  });
});

describe('the report as text', () => {
  it('rounds durations down to the largest sensible unit', () => {
    expect(formatDuration(30_000)).toBe('less than a minute');
    expect(formatDuration(60_000)).toBe('1 minute');
    expect(formatDuration(59 * 60_000)).toBe('59 minutes');
    expect(formatDuration(3600_000)).toBe('1 hour');
    expect(formatDuration(47.9 * 3600_000)).toBe('47 hours');
    expect(formatDuration(48 * 3600_000)).toBe('2 days');
    expect(formatDuration(10.5 * 86400_000)).toBe('10 days');
  });

  it('aligns the columns under a header', () => {
    const rows = translationReport([
      story('a-long-story-id', { zh: { published: '2025-12-01T08:00:00+08:00' } }),
      story('short', { zh: { published: '2025-12-03T08:00:00+08:00' }, en: { published: '2025-12-01T08:00:00+08:00' } }),
    ]);
    const lines = formatTable(toTableRows(rows)).split('\n');
    expect(lines).toEqual([
      'story            status                  file',
      'a-long-story-id  missing en              content/stories/a-long-story-id/en.mdx',
      'short            en behind zh by 2 days  content/stories/short/en.mdx',
    ]);
  });
});
