/**
 * The shape of the UI dictionary. Each language file says `satisfies UIStrings`,
 * so a missing or misspelt key is a type error, not a blank on the page.
 * Placeholders are {name}: Chinese and English word order differ, so sentences
 * are whole templates, never concatenated fragments.
 */
export interface UIStrings {
  /** Skip link target text. */
  skipToContent: string;
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
  /** Heading of the related stories at the end of a story. */
  relatedStories: string;
  /** Heading of a story's share section. */
  share: string;
  /** Accessible name of the QR code of a story's address. */
  shareQr: string;
  /** Label of a story's address, shown to copy. */
  shareLink: string;
  /** Link to share a story by email. */
  shareEmail: string;
  /** The language switch: {language} is the target language's own name. */
  readIn: string;
  /** Landmark label of the language switch, in the page's language. */
  languageSwitch: string;
  /** Search filter of stories by the month they were published (values are YYYY-MM). */
  searchFilterMonth: string;
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
  /** Heading of a tag archive: {tag}. */
  tagTitle: string;
  /** Heading of a year archive: {year}. */
  yearTitle: string;
  /** Heading of a month archive: {year}, {month} (digits), {monthName}. */
  monthTitle: string;
  /** Heading of a day archive: {year}, {month}, {day}, {monthName}. */
  dayTitle: string;
  /** A numbered archive page: {title}, {page}. */
  pageTitle: string;
  /** Label of the list of numbered archive pages. */
  archivePages: string;
  /** Link to the newest page of an archive. */
  latestPage: string;
  /** Heading of a photographer's pictures: {name}. */
  photosBy: string;
  /** First breadcrumb. */
  breadcrumbHome: string;
  /** Title of a redirect page. */
  movedTitle: string;
  /** Text before the new address on a redirect page. */
  movedText: string;
  /** Heading of the corrections note. */
  corrections: string;
  /** Footer links to the newsroom pages (content/pages/) and the corrections page. */
  aboutPage: string;
  standardsPage: string;
  correctionsPolicyPage: string;
  contactPage: string;
  correctionsPage: string;
  /** Label of the footer's list of newsroom pages. */
  newsroomPages: string;
  /** Description of the corrections page. */
  correctionsPageSummary: string;
  /** The corrections page with none to list. */
  noCorrections: string;
  /** Link to the search page in the header. */
  search: string;
  /** Heading of the search page. */
  searchTitle: string;
  /** Shown on the search page without JavaScript. */
  searchNoScript: string;
  /**
   * Pagefind's own interface, in this dictionary because Pagefind picks its wording by <html lang>
   * and reads zh-Hant as plain zh, which it words in Simplified. {term} is the query, {count} a number.
   */
  searchPlaceholder: string;
  searchClear: string;
  searchLoadMore: string;
  searchFilters: string;
  searchZeroResults: string;
  searchOneResult: string;
  searchManyResults: string;
  searchAltSearch: string;
  searchSuggestion: string;
  searchSearching: string;
}

export type UIKey = keyof UIStrings;
