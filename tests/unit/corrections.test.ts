import { describe, expect, it } from 'vitest';
import { listCorrections, type CorrectedStory } from '../../src/newsroom/corrections.ts';

const NOW = new Date('2025-12-23T00:00:00+08:00');
const story = (path: string, published: string, corrections: [string, string][], draft = false): CorrectedStory => ({
  path,
  title: `title of ${path}`,
  data: { published: new Date(published), draft, corrections: corrections.map(([date, text]) => ({ date: new Date(date), text })) },
});

describe('listCorrections', () => {
  it('lists every correction of the published stories, newest first, each with its story', () => {
    const list = listCorrections(
      [
        story('/a/', '2025-12-01T08:00:00+08:00', [['2025-12-02T08:00:00+08:00', 'a1'], ['2025-12-20T08:00:00+08:00', 'a2']]),
        story('/b/', '2025-12-10T08:00:00+08:00', [['2025-12-11T08:00:00+08:00', 'b1']]),
        story('/c/', '2025-12-10T08:00:00+08:00', []),
      ],
      NOW,
    );
    expect(list.map((item) => item.text)).toEqual(['a2', 'b1', 'a1']);
    expect(list[1]).toEqual({ date: new Date('2025-12-11T08:00:00+08:00'), text: 'b1', storyPath: '/b/', storyTitle: 'title of /b/' });
  });

  it('leaves out the corrections of drafts and of stories still under embargo', () => {
    const list = listCorrections(
      [
        story('/draft/', '2025-12-01T08:00:00+08:00', [['2025-12-02T08:00:00+08:00', 'draft']], true),
        story('/scheduled/', '2025-12-24T08:00:00+08:00', [['2025-12-24T09:00:00+08:00', 'scheduled']]),
        story('/live/', '2025-12-22T08:00:00+08:00', [['2025-12-22T09:00:00+08:00', 'live']]),
      ],
      NOW,
    );
    expect(list.map((item) => item.text)).toEqual(['live']);
  });

  it('orders corrections made at the same moment by story path, then as written', () => {
    const at = '2025-12-20T08:00:00+08:00';
    const list = listCorrections([story('/b/', at, [[at, 'b1'], [at, 'b2']]), story('/a/', at, [[at, 'a1']])], NOW);
    expect(list.map((item) => item.text)).toEqual(['a1', 'b1', 'b2']);
  });
});
