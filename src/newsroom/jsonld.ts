/**
 * Structured data (schema.org JSON-LD) as pure functions. Google reads NewsArticle for
 * Top Stories and News; it wants images 1,200 px wide in 16:9, 4:3 and 1:1, which a hero at
 * least 1,200 px wide gives unless it is too short for a crop (then the crop is as large as fits).
 */

export interface ImageCrop {
  url: string;
  width: number;
  height: number;
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  alternativeHeadline?: string | undefined;
  description: string;
  datePublished: string;
  dateModified: string;
  inLanguage: string;
  articleSection: string;
  keywords: string[];
  authors: { name: string; url: string }[];
  images: ImageCrop[];
  publisher: PublisherInput;
  /** The same story in the source language, when this is a translation. */
  translationOf?: { url: string; inLanguage: string } | undefined;
  /** Translations of this story, when this is the source. */
  translations?: { url: string; inLanguage: string }[];
  isAccessibleForFree?: boolean;
}

export interface PublisherInput {
  name: string;
  /** The organisation's names in the other languages. */
  alternateName?: string[] | undefined;
  url: string;
  logo: ImageCrop;
  /** The newsroom pages of this edition's language, where they exist (absolute URLs). */
  pages?: PublisherPages | undefined;
}

/** schema.org's trust properties of a news organisation, each the URL of a newsroom page. */
export interface PublisherPages {
  /** The about page: who runs the site. */
  masthead?: string | undefined;
  /** The editorial standards: publishingPrinciples and ethicsPolicy alike. */
  standards?: string | undefined;
  correctionsPolicy?: string | undefined;
  contact?: string | undefined;
}

function toPublisherPages(pages: PublisherPages = {}) {
  return {
    ...(pages.standards ? { publishingPrinciples: pages.standards, ethicsPolicy: pages.standards } : {}),
    ...(pages.correctionsPolicy ? { correctionsPolicy: pages.correctionsPolicy } : {}),
    ...(pages.masthead ? { masthead: pages.masthead } : {}),
    ...(pages.contact ? { contactPoint: { '@type': 'ContactPoint', contactType: 'editorial', url: pages.contact } } : {}),
  };
}

export function toPublisher(publisher: PublisherInput) {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${publisher.url}/#publisher`,
    name: publisher.name,
    ...(publisher.alternateName?.length ? { alternateName: publisher.alternateName } : {}),
    url: `${publisher.url}/`,
    logo: { '@type': 'ImageObject', url: publisher.logo.url, width: publisher.logo.width, height: publisher.logo.height },
    ...toPublisherPages(publisher.pages),
  };
}

export function toNewsArticle(input: NewsArticleInput) {
  const work = (other: { url: string; inLanguage: string }) => ({ '@type': 'NewsArticle', '@id': other.url, url: other.url, inLanguage: other.inLanguage });
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    ...(input.alternativeHeadline ? { alternativeHeadline: input.alternativeHeadline } : {}),
    description: input.description,
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    inLanguage: input.inLanguage,
    articleSection: input.articleSection,
    ...(input.keywords.length > 0 ? { keywords: input.keywords.join(', ') } : {}),
    author: input.authors.map((author) => ({ '@type': 'Person', name: author.name, url: author.url })),
    ...(input.images.length > 0 ? { image: input.images.map((image) => ({ '@type': 'ImageObject', url: image.url, width: image.width, height: image.height })) } : {}),
    publisher: toPublisher(input.publisher),
    isAccessibleForFree: input.isAccessibleForFree ?? true,
    ...(input.translationOf ? { translationOfWork: work(input.translationOf) } : {}),
    ...(input.translations && input.translations.length > 0 ? { workTranslation: input.translations.map(work) } : {}),
  };
}

export function toBreadcrumbList(items: { name: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, item: item.url })),
  };
}

export function toWebSite(input: { name: string; url: string; inLanguage: string; publisher: PublisherInput }) {
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      '@id': `${input.url}#website`,
      name: input.name,
      url: input.url,
      inLanguage: input.inLanguage,
      publisher: { '@id': `${input.publisher.url}/#publisher` },
    },
    { '@context': 'https://schema.org', ...toPublisher(input.publisher) },
  ];
}

/**
 * JSON for a <script type="application/ld+json"> block. `<` is escaped so that a
 * headline containing "</script>" cannot end the block; U+2028/2029 for old parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
