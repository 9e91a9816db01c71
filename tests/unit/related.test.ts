import { describe, expect, it } from 'vitest';
import type { PublishState } from '../../src/newsroom/publish.ts';
import { site } from '../../src/config/site.ts';
import { pickRelated, relatedScore, type RelatedCandidate } from '../../src/newsroom/related.ts';

interface Options { locale?: string; state?: PublishState; section?: string; tags?: string[]; published?: string }

const story = (id: string, { locale = 'zh', state = 'published', section = 'news', tags = [], published = '2025-12-01T00:00:00Z' }: Options = {}): RelatedCandidate => ({
  id,
  locale,
  state,
  data: { section, tags, published: new Date(published) },
});

const ids = (list: RelatedCandidate[]) => list.map((other) => other.id);

describe('related stories', () => {
  const self = story('self', { tags: ['制造业', '专业镇'], section: 'economy' });

  it('scores two per shared tag and one for the same section, tags compared as their archive slugs', () => {
    expect(relatedScore(self, story('a', { tags: ['制造业'], section: 'economy' }))).toBe(3);
    expect(relatedScore(self, story('b', { tags: ['专业镇', '制造业'], section: 'news' }))).toBe(4);
    expect(relatedScore(self, story('c', { section: 'economy' }))).toBe(1);
    expect(relatedScore(self, story('d', { tags: ['其他'], section: 'news' }))).toBe(0);
    const en = story('e', { locale: 'en', tags: ['Manufacturing'] });
    expect(relatedScore(en, story('f', { locale: 'en', tags: ['manufacturing'], section: 'sport' }))).toBe(2);
  });

  it('ranks by score, then newest first, then by id', () => {
    const candidates = [
      story('old-section', { section: 'economy', published: '2025-11-01T00:00:00Z' }),
      story('new-section', { section: 'economy', published: '2025-12-10T00:00:00Z' }),
      story('one-tag', { tags: ['专业镇'], section: 'news', published: '2025-10-01T00:00:00Z' }),
      story('two-tags', { tags: ['制造业', '专业镇'], section: 'news', published: '2025-09-01T00:00:00Z' }),
    ];
    expect(ids(pickRelated(self, candidates, 4))).toEqual(['two-tags', 'one-tag', 'new-section', 'old-section']);
  });

  it('breaks a tie of score and date by id, whatever the candidates’ order', () => {
    const tied = ['b-story', 'c-story', 'a-story'].map((id) => story(id, { section: 'economy' }));
    expect(ids(pickRelated(self, tied))).toEqual(['a-story', 'b-story', 'c-story']);
    expect(ids(pickRelated(self, [...tied].reverse()))).toEqual(['a-story', 'b-story', 'c-story']);
  });

  it('keeps only published stories in the story’s language, never the story itself or its translation', () => {
    const candidates = [
      self,
      story('self', { locale: 'en', tags: ['制造业'], section: 'economy' }),
      story('english', { locale: 'en', tags: ['制造业'], section: 'economy' }),
      story('draft', { state: 'draft', tags: ['制造业'], section: 'economy' }),
      story('embargoed', { state: 'scheduled', tags: ['制造业'], section: 'economy' }),
      story('kept', { section: 'economy' }),
    ];
    expect(ids(pickRelated(self, candidates))).toEqual(['kept']);
  });

  it(`shows at most ${site.relatedStories}`, () => {
    const many = Array.from({ length: 6 }, (_, index) => story(`s${index}`, { section: 'economy', published: `2025-11-0${index + 1}T00:00:00Z` }));
    expect(ids(pickRelated(self, many))).toEqual(['s5', 's4', 's3']);
  });

  it('shows none when no story shares a tag or the section', () => {
    expect(pickRelated(self, [])).toEqual([]);
    expect(pickRelated(self, [self, story('unrelated', { tags: ['体育'], section: 'sport' })])).toEqual([]);
  });
});
