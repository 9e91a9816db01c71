/**
 * Derived images made by sharp at build time through astro:assets: the hero crops that
 * structured data and social cards ask for. Each is encoded once and cached.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { toAbsoluteUrl } from '../newsroom/permalinks.ts';
import type { ImageCrop } from '../newsroom/jsonld.ts';
import { JPEG_ENCODER } from './image-service.ts';

/**
 * Google's NewsArticle image ratios, at 1,200 px wide, which only crawlers fetch; and the
 * 1200x630 Open Graph card, which feed readers and social posts show to readers.
 */
export const CROPS = {
  wide: { width: 1200, height: 675, crawlersOnly: true },
  standard: { width: 1200, height: 900, crawlersOnly: true },
  square: { width: 1200, height: 1200, crawlersOnly: true },
  card: { width: 1200, height: 630, crawlersOnly: false },
} as const;

const crops = new Map<string, Promise<ImageCrop>>();

/**
 * A crop's size, scaled down to fit inside the photo with its ratio kept. Astro never enlarges:
 * a 1280x854 hero asked for 1200x900 comes out 1200x854, and the structured data would state a
 * size and ratio the file does not have. (A hero need only be 1,200 px wide, src/config/site.ts.)
 */
export function fitCrop(crop: { width: number; height: number }, photo: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, photo.width / crop.width, photo.height / crop.height);
  return { width: Math.round(crop.width * scale), height: Math.round(crop.height * scale) };
}

/** A centred crop, computed once per build for each image (the page, its feeds and cards share it). */
export function getCrop(image: ImageMetadata, crop: keyof typeof CROPS, siteUrl: string): Promise<ImageCrop> {
  const key = `${image.src}|${crop}|${siteUrl}`;
  let result = crops.get(key);
  if (!result) {
    const { crawlersOnly } = CROPS[crop];
    const { width, height } = fitCrop(CROPS[crop], image);
    // A crawler's crop skips mozjpeg: a quarter more bytes, fetched by no reader, for a third of
    // the encoding time (decision 034).
    const encoder = crawlersOnly ? { [JPEG_ENCODER]: 'fast' } : {};
    result = getImage({ src: image, width, height, fit: 'cover', position: 'center', format: 'jpg', quality: 80, ...encoder }).then((image) => ({
      url: toAbsoluteUrl(image.src, siteUrl),
      width,
      height,
    }));
    crops.set(key, result);
  }
  return result;
}

/** The three structured-data crops of a hero, 16:9, 4:3 and 1:1. */
export function getStructuredDataCrops(image: ImageMetadata, siteUrl: string): Promise<ImageCrop[]> {
  return Promise.all((['wide', 'standard', 'square'] as const).map((crop) => getCrop(image, crop, siteUrl)));
}

export interface ResponsiveImage {
  /** AVIF and WebP candidates, best first. */
  sources: { type: string; srcset: string }[];
  /**
   * One JPEG for the few clients that read neither AVIF nor WebP (feed readers, mail
   * clients, very old browsers), no wider than `fallbackWidth`. A JPEG srcset would be
   * encoded for every photo at every width and fetched by almost no one: it was 22% of the
   * image encoding time (docs/performance.md).
   */
  src: string;
  width: number;
  height: number;
}

const responsive = new Map<string, Promise<ResponsiveImage>>();

/**
 * The <picture> candidates of an image at given widths, computed once per build for each
 * (image, widths) pair. A photo appears on its story, front pages and many archive pages;
 * Astro's <Picture> would redo the same transforms for every appearance.
 */
export function getResponsiveImage(image: ImageMetadata, widths: number[], fallbackWidth: number): Promise<ResponsiveImage> {
  const usable = widths.filter((w) => w <= image.width);
  const candidates = usable.length > 0 ? usable : [image.width];
  const width = Math.min(fallbackWidth, Math.max(...candidates));
  const height = Math.round((width * image.height) / image.width);
  const key = `${image.src}|${candidates.join(',')}|${width}`;
  let result = responsive.get(key);
  if (!result) {
    result = (async () => {
      const [avif, webp, fallback] = await Promise.all([
        getImage({ src: image, widths: candidates, format: 'avif' }),
        getImage({ src: image, widths: candidates, format: 'webp' }),
        getImage({ src: image, width, height, format: 'jpg' }),
      ]);
      return {
        sources: [
          { type: 'image/avif', srcset: avif.srcSet.attribute },
          { type: 'image/webp', srcset: webp.srcSet.attribute },
        ],
        src: fallback.src,
        width,
        height,
      };
    })();
    responsive.set(key, result);
  }
  return result;
}
