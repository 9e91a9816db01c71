/**
 * The shape of the UI dictionary. Each language file says `satisfies UIStrings`,
 * so a missing or misspelt key is a type error, not a blank on the page.
 * Placeholders are {name}: Chinese and English word order differ, so sentences
 * are whole templates, never concatenated fragments.
 */
export interface UIStrings {
  /** Skip link target text. */
  skipToContent: string;
  /** Landmark label of the main navigation. */
  mainNav: string;
  /** Home link. */
  home: string;
  /** Front page heading for the latest stories. */
  latest: string;
  /** Byline prefix before reporters' names: {names}. */
  byline: string;
  /** Separator between names in a list. */
  listSeparator: string;
  /** Label before the published time. */
  published: string;
  /** Label before the updated time. */
  updated: string;
  /** Photo credit for a staff photographer: {name}. */
  photoBy: string;
  /** Label for the section a story belongs to. */
  section: string;
  /** Label for a story's tags. */
  tags: string;
  /** The language switch: {language} is the target language's own name. */
  readIn: string;
  /** Marks an image that stands in for a photo that is not available. */
  placeholder: string;
  /** Heading of a person's archive page: {name}. */
  storiesBy: string;
  /** Heading of a section archive page: {name}. */
  storiesIn: string;
  /** Empty archive. */
  noStories: string;
  /** Footer line. */
  footer: string;
  /** Banner on a draft shown in preview. */
  draftBanner: string;
  /** Banner on a scheduled story shown in preview: {date}. */
  scheduledBanner: string;
  /** 404 page heading. */
  notFoundTitle: string;
  /** 404 page text. */
  notFoundText: string;
}

export type UIKey = keyof UIStrings;
