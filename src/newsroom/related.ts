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

/** Tags compared as their archive slugs, so "Testing" and "testing" are one tag, as they are one archive page; each story's set is made once. */
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

/** Negative when `a` ranks before `b` at the same score: newer first, then by id. */
const byDateThenId = (a: RelatedCandidate, b: RelatedCandidate) => b.data.published.getTime() - a.data.published.getTime() || compareCodeUnits(a.id, b.id);

/**
 * Published candidates in rank order at equal score (newest first, then by id), so that an
 * item's position breaks ties; and for each language the positions of those carrying each tag and
 * of those in each section, in the same order. The scoring loop reads only numbers: with
 * thousands of stories, reading each candidate's frontmatter there cost more than the rest.
 */
interface RelatedIndex<T> {
  items: T[];
  /** "<locale>\0<tag slug>" → positions in items. */
  byTag: Map<string, number[]>;
  /** "<locale>\0<section>" → positions in items. */
  bySection: Map<string, number[]>;
  /** "<locale>\0<section>" → a number for it, and each item's section as that number. */
  sectionNumbers: Map<string, number>;
  sectionOf: Int32Array;
  /** "<locale>\0<id>" → positions in items (one, as site data has it; more only in malformed input). */
  positions: Map<string, number[]>;
  /** Shared tags per item, and 1 for the story's own versions, while one story is scored; all zero between calls. */
  shared: Uint32Array;
  own: Uint8Array;
}

const indexes = new WeakMap<readonly RelatedCandidate[], RelatedIndex<RelatedCandidate>>();

function getIndex<T extends RelatedCandidate>(candidates: readonly T[]): RelatedIndex<T> {
  let index = indexes.get(candidates) as RelatedIndex<T> | undefined;
  if (index) return index;
  const items = candidates.filter((other) => other.state === 'published').sort(byDateThenId);
  const byTag = new Map<string, number[]>();
  const bySection = new Map<string, number[]>();
  const sectionNumbers = new Map<string, number>();
  const sectionOf = new Int32Array(items.length);
  const positions = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  items.forEach((other, i) => {
    for (const tag of tagSet(other.data.tags)) add(byTag, `${other.locale}\0${tag}`, i);
    const section = `${other.locale}\0${other.data.section}`;
    add(bySection, section, i);
    if (!sectionNumbers.has(section)) sectionNumbers.set(section, sectionNumbers.size);
    sectionOf[i] = sectionNumbers.get(section)!;
    add(positions, `${other.locale}\0${other.id}`, i);
  });
  index = { items, byTag, bySection, sectionNumbers, sectionOf, positions, shared: new Uint32Array(items.length), own: new Uint8Array(items.length) };
  indexes.set(candidates, index);
  return index;
}

/**
 * Up to `max` related stories: highest score first, then newest, then by id.
 *
 * Every story page asks this of every story in its language, so scoring them all was quadratic
 * (most of a cold build's routes at a few thousand stories). Instead the candidates are indexed
 * once by tag and section: only stories sharing a tag are scored, and since a tag outweighs a
 * section, stories sharing only the section are needed only to fill the list, newest first.
 */
export function pickRelated<T extends RelatedCandidate>(story: RelatedCandidate, candidates: readonly T[], max: number = site.relatedStories): T[] {
  // A whole number of stories: 2.5 shows two, NaN none.
  max = Math.floor(max);
  if (!(max > 0)) return [];
  const { items, byTag, bySection, sectionNumbers, sectionOf, positions, shared, own } = getIndex(candidates);
  const section = `${story.locale}\0${story.data.section}`;
  const ownSection = sectionNumbers.get(section) ?? -1;
  // The story itself, when it is a candidate (a published story's own page); its translations are
  // in other languages' lists.
  const selves = positions.get(`${story.locale}\0${story.id}`) ?? [];
  for (const i of selves) own[i] = 1;
  const touched: number[] = [];
  for (const tag of tagSet(story.data.tags)) {
    for (const i of byTag.get(`${story.locale}\0${tag}`) ?? []) if (shared[i]++ === 0) touched.push(i);
  }
  // The best so far, as positions in items and their scores; a lower position wins a tie.
  const best: number[] = [];
  const scores: number[] = [];
  for (const i of touched) {
    if (own[i]) continue;
    const score = shared[i]! * TAG_WEIGHT + (sectionOf[i] === ownSection ? SECTION_WEIGHT : 0);
    let at = best.length;
    while (at > 0 && (score > scores[at - 1]! || (score === scores[at - 1]! && i < best[at - 1]!))) at--;
    if (at >= max) continue;
    best.splice(at, 0, i);
    scores.splice(at, 0, score);
    if (best.length > max) {
      best.pop();
      scores.pop();
    }
  }
  // Scored below any story sharing a tag (SECTION_WEIGHT < TAG_WEIGHT), already in rank order.
  for (const i of bySection.get(section) ?? []) {
    if (best.length >= max) break;
    if (shared[i] === 0 && !own[i]) best.push(i);
  }
  for (const i of touched) shared[i] = 0;
  for (const i of selves) own[i] = 0;
  return best.map((i) => items[i]!);
}
