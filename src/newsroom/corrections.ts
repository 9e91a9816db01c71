/**
 * The corrections page's list: every correction the site has made, newest first. Newsroom
 * rule: a correction is public from the moment its story is, so a draft's or an embargoed
 * story's corrections never appear, whatever a preview build shows.
 */
import { compareCodeUnits } from './order.ts';
import { isPublished, type Publishable } from './publish.ts';

export interface CorrectedStory {
  /** Where the list links to: the story's path in this language. */
  path: string;
  title: string;
  data: Publishable & { corrections: readonly { date: Date; text: string }[] };
}

export interface CorrectionItem {
  date: Date;
  text: string;
  storyPath: string;
  storyTitle: string;
}

/** Newest first; corrections made at the same moment keep a stable order (story path, then as written). */
export function listCorrections(stories: readonly CorrectedStory[], now: Date): CorrectionItem[] {
  const items = stories
    .filter((story) => isPublished(story.data, now))
    .flatMap((story) =>
      story.data.corrections.map((correction, index) => ({ date: correction.date, text: correction.text, storyPath: story.path, storyTitle: story.title, index })),
    );
  items.sort((a, b) => b.date.getTime() - a.date.getTime() || compareCodeUnits(a.storyPath, b.storyPath) || a.index - b.index);
  return items.map(({ index: _index, ...item }) => item);
}
