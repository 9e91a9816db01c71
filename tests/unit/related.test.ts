import { describe, expect, it } from 'vitest';
import type { PublishState } from '../../src/newsroom/publish.ts';
import { site } from '../../src/config/site.ts';
import { makeRng } from '../../scripts/bench/text.ts';
import { compareCodeUnits } from '../../src/newsroom/order.ts';
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

  it('lists a story that shares a tag and the section once, above those sharing the section only', () => {
    const candidates = [
      story('section-only', { section: 'economy', published: '2025-12-20T00:00:00Z' }),
      story('both', { tags: ['专业镇'], section: 'economy', published: '2025-01-01T00:00:00Z' }),
    ];
    expect(ids(pickRelated(self, candidates, 3))).toEqual(['both', 'section-only']);
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

  it('picks what scoring every candidate would, on a random archive (the index only skips stories that cannot rank)', () => {
    // The rule as stated, by brute force: score everyone eligible, sort, keep the first few.
    const byScan = (self: RelatedCandidate, candidates: RelatedCandidate[], max: number) =>
      candidates
        .filter((other) => other.state === 'published' && other.locale === self.locale && other.id !== self.id)
        .map((other) => ({ other, score: relatedScore(self, other) }))
        .filter(({ score }) => score > 0)
        .sort((a, b) => b.score - a.score || b.other.data.published.getTime() - a.other.data.published.getTime() || compareCodeUnits(a.other.id, b.other.id))
        .slice(0, Number.isNaN(max) ? 0 : Math.max(Math.floor(max), 0))
        .map(({ other }) => other.id);
    const rng = makeRng(7);
    const random = (n: number) => Math.floor(rng() * n);
    const TAGS = ['制造业', '专业镇', 'Glass', 'glass', '晋中', 'steel', '!!', 'Jobs', '教育', '能源'];
    const STATES: PublishState[] = ['published', 'published', 'published', 'draft', 'scheduled'];
    const candidates = Array.from({ length: 400 }, (_, i) =>
      story(`s${random(150)}-${i % 7}`, {
        locale: ['zh', 'en', 'zh-hant'][random(3)],
        state: STATES[random(STATES.length)],
        section: ['news', 'economy', 'sport', 'culture'][random(4)],
        tags: Array.from({ length: random(5) }, () => TAGS[random(TAGS.length)]!),
        // Few distinct dates, so ties of score and date are common and the id decides.
        published: `2025-0${1 + random(3)}-0${1 + random(3)}T00:00:00Z`,
      }),
    );
    const stories = [...candidates, story('outsider', { tags: ['glass', '晋中'], section: 'news' }), story('bare', { tags: [], section: 'nowhere' })];
    let compared = 0;
    for (const self of stories) {
      for (const max of [0, 1, 2.5, 3, 8, Number.NaN]) {
        expect(ids(pickRelated(self, candidates, max)), `${self.id}/${self.locale}, ${max}`).toEqual(byScan(self, candidates, max));
        compared++;
      }
    }
    expect(compared).toBe(stories.length * 6);
  });
});
