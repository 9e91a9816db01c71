/**
 * Derived images made by sharp at build time through astro:assets: the hero crops that
 * structured data and social cards ask for. Each is encoded once and cached.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { toAbsoluteUrl } from '../lib/permalinks.ts';
import type { ImageCrop } from '../lib/jsonld.ts';

/** Google's NewsArticle image ratios, at 1,200 px wide; and the 1200x630 Open Graph card. */
export const CROPS = {
  wide: { width: 1200, height: 675 },
  standard: { width: 1200, height: 900 },
  square: { width: 1200, height: 1200 },
  card: { width: 1200, height: 630 },
} as const;

export async function getCrop(image: ImageMetadata, crop: keyof typeof CROPS, siteUrl: string): Promise<ImageCrop> {
  const { width, height } = CROPS[crop];
  const result = await getImage({ src: image, width, height, fit: 'cover', position: 'center', format: 'jpg', quality: 80 });
  return { url: toAbsoluteUrl(result.src, siteUrl), width, height };
}

/** The three structured-data crops of a hero, 16:9, 4:3 and 1:1. */
export function getStructuredDataCrops(image: ImageMetadata, siteUrl: string): Promise<ImageCrop[]> {
  return Promise.all((['wide', 'standard', 'square'] as const).map((crop) => getCrop(image, crop, siteUrl)));
}
