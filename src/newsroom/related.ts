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

/** Tags compared as their archive slugs, so "Testing" and "testing" are one tag, as they are one archive page. */
const tagSet = (tags: string[]) => new Set(tags.map(toTagSlug).filter(Boolean));

/** The score of a story sharing `sharedTags` tags, and the section or not. */
const toScore = (sharedTags: number, sameSection: boolean) => sharedTags * TAG_WEIGHT + (sameSection ? SECTION_WEIGHT : 0);

/** 0 when the two share neither a tag nor a section: such a story is not related, however recent. */
export function relatedScore(story: RelatedCandidate, other: RelatedCandidate): number {
  const tags = tagSet(story.data.tags);
  return toScore([...tagSet(other.data.tags)].filter((tag) => tags.has(tag)).length, story.data.section === other.data.section);
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
  /** Story id → a number for it, and each item's story as that number. */
  idNumbers: Map<string, number>;
  idOf: Int32Array;
  /** Shared tags per item while one story is scored; all zero between calls. */
  shared: Uint32Array;
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
  const idNumbers = new Map<string, number>();
  const idOf = new Int32Array(items.length);
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  const numberOf = (numbers: Map<string, number>, key: string) => {
    if (!numbers.has(key)) numbers.set(key, numbers.size);
    return numbers.get(key)!;
  };
  items.forEach((other, i) => {
    for (const tag of tagSet(other.data.tags)) add(byTag, `${other.locale}\0${tag}`, i);
    const section = `${other.locale}\0${other.data.section}`;
    add(bySection, section, i);
    sectionOf[i] = numberOf(sectionNumbers, section);
    idOf[i] = numberOf(idNumbers, other.id);
  });
  index = { items, byTag, bySection, sectionNumbers, sectionOf, idNumbers, idOf, shared: new Uint32Array(items.length) };
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
  const { items, byTag, bySection, sectionNumbers, sectionOf, idNumbers, idOf, shared } = getIndex(candidates);
  const section = `${story.locale}\0${story.data.section}`;
  const ownSection = sectionNumbers.get(section) ?? -1;
  // Never the story itself; its translations are in other languages' lists.
  const self = idNumbers.get(story.id) ?? -1;
  const touched: number[] = [];
  for (const tag of tagSet(story.data.tags)) {
    for (const i of byTag.get(`${story.locale}\0${tag}`) ?? []) if (shared[i]++ === 0) touched.push(i);
  }
  // The best so far, as positions in items and their scores; a lower position wins a tie.
  const best: number[] = [];
  const scores: number[] = [];
  for (const i of touched) {
    if (idOf[i] === self) continue;
    const score = toScore(shared[i]!, sectionOf[i] === ownSection);
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
    if (shared[i] === 0 && idOf[i] !== self) best.push(i);
  }
  for (const i of touched) shared[i] = 0;
  return best.map((i) => items[i]!);
}
