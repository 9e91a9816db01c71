/**
 * The one publish predicate. Newsroom rule: a draft or an embargoed (scheduled)
 * story must never leak into anything a production build writes. `now` is an
 * argument so the rule is testable and one build uses one instant throughout.
 */
export type PublishState = 'published' | 'draft' | 'scheduled';

export interface Publishable {
  draft?: boolean;
  published: Date;
}

export function getPublishState(story: Publishable, now: Date): PublishState {
  if (story.draft) return 'draft';
  if (story.published.getTime() > now.getTime()) return 'scheduled';
  return 'published';
}

export function isPublished(story: Publishable, now: Date): boolean {
  return getPublishState(story, now) === 'published';
}

/** Production shows only published stories; a preview (npm run dev) shows all, with a banner. */
export function isVisible(story: Publishable, now: Date, preview: boolean): boolean {
  return preview || isPublished(story, now);
}

export interface Modifiable {
  published: Date;
  updated?: Date | undefined;
  corrections?: { date: Date }[] | undefined;
}

/** dateModified: the latest of published, updated and any correction. */
export function getDateModified(story: Modifiable): Date {
  const times = [story.published, story.updated, ...(story.corrections ?? []).map((c) => c.date)].filter((d): d is Date => d instanceof Date);
  return new Date(Math.max(...times.map((d) => d.getTime())));
}
