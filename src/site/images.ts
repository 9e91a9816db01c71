/**
 * Derived images made by sharp at build time through astro:assets: the hero crops that
 * structured data and social cards ask for. Each is encoded once and cached.
 */
import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { toAbsoluteUrl } from '../newsroom/permalinks.ts';
import type { ImageCrop } from '../newsroom/jsonld.ts';
import { CROPS, fitCrop } from '../newsroom/photos.ts';
import { JPEG_ENCODER } from './image-service.ts';

const crops = new Map<string, Promise<ImageCrop>>();

/** A centred crop, computed once per build for each image (the page, its feeds and cards share it). */
export function getCrop(image: ImageMetadata, crop: keyof typeof CROPS, siteUrl: string): Promise<ImageCrop> {
  const key = `${image.src}|${crop}|${siteUrl}`;
  let result = crops.get(key);
  if (!result) {
    const { width, height } = fitCrop(CROPS[crop], image);
    // A crawler's crop skips mozjpeg: a quarter more bytes, fetched by no reader, for a third of
    // the encoding time (decision 034).
    const encoder = CROPS[crop].crawlersOnly ? { [JPEG_ENCODER]: 'fast' } : {};
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
