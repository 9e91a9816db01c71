/**
 * Related stories at the end of a story. Newsroom rules: only published stories in the story's
 * own language (a draft or an embargoed story must never leak, not even in preview, where they
 * are visible), never the story itself or its translations, and the same list on every build of
 * the same content, so ties are broken by date and then by id.
 */
import { site } from '../config/site.ts';
import { compareCodeUnits } from './order.ts';
import { toTagSlug } from './permalinks.ts';
import type { PublishState } from './publish.ts';


/** A shared tag says more about the subject than a shared section, which only says which desk. */
const TAG_WEIGHT = 2;
const SECTION_WEIGHT = 1;

export interface RelatedCandidate {
  id: string;
  locale: string;
  state: PublishState;
  data: { section: string; tags: string[]; published: Date };
}

/**
 * Tags compared as their archive slugs, so "Testing" and "testing" are one tag, as they are one
 * archive page. Every story page scores every story of its language, so each story's set is made
 * once, not once a comparison: with thousands of stories that was most of a cold build.
 */
const tagSets = new WeakMap<readonly string[], Set<string>>();
function tagSet(tags: readonly string[]): Set<string> {
  let set = tagSets.get(tags);
  if (!set) {
    set = new Set(tags.map(toTagSlug).filter(Boolean));
    tagSets.set(tags, set);
  }
  return set;
}

/** 0 when the two share neither a tag nor a section: such a story is not related, however recent. */
export function relatedScore(story: RelatedCandidate, other: RelatedCandidate): number {
  return scoreWith(tagSet(story.data.tags), story.data.section, other);
}

function scoreWith(tags: Set<string>, section: string, other: RelatedCandidate): number {
  let shared = 0;
  for (const tag of tagSet(other.data.tags)) if (tags.has(tag)) shared++;
  return shared * TAG_WEIGHT + (section === other.data.section ? SECTION_WEIGHT : 0);
}

interface Ranked<T> {
  other: T;
  score: number;
}

/** Negative when `a` ranks before `b`: higher score, then newer, then by id. */
const byRank = <T extends RelatedCandidate>(a: Ranked<T>, b: Ranked<T>) =>
  b.score - a.score || b.other.data.published.getTime() - a.other.data.published.getTime() || compareCodeUnits(a.other.id, b.other.id);

/**
 * Up to `max` related stories: highest score first, then newest, then by id. Every story page
 * asks this of every story in its language, so the best `max` are kept while scanning instead of
 * sorting all the candidates.
 */
export function pickRelated<T extends RelatedCandidate>(story: RelatedCandidate, candidates: readonly T[], max: number = site.relatedStories): T[] {
  if (max <= 0) return [];
  const tags = tagSet(story.data.tags);
  const best: Ranked<T>[] = [];
  for (const other of candidates) {
    if (other.state !== 'published' || other.locale !== story.locale || other.id === story.id) continue;
    const entry = { other, score: scoreWith(tags, story.data.section, other) };
    if (entry.score === 0 || (best.length === max && byRank(entry, best[max - 1]!) >= 0)) continue;
    let at = best.length;
    while (at > 0 && byRank(entry, best[at - 1]!) < 0) at--;
    best.splice(at, 0, entry);
    if (best.length > max) best.pop();
  }
  return best.map(({ other }) => other);
}
