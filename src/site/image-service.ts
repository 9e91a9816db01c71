/**
 * Astro's sharp image service, with one more transform option: `jpegEncoder: 'fast'` encodes a
 * JPEG with libjpeg-turbo alone, without mozjpeg's trellis pass, about three times faster for a
 * file about a quarter larger (docs/decisions/034-crawler-crops-without-mozjpeg.md). Only for
 * images that crawlers fetch and readers do not: the structured-data crops. Every other image,
 * and every option of those, is encoded exactly as the stock service encodes it.
 */
import type { LocalImageService } from 'astro';
import { baseService } from 'astro/assets';
import sharpService from 'astro/assets/services/sharp';

/** The transform option; part of the image's hash, so a crop's two encodings never share a file. */
export const JPEG_ENCODER = 'jpegEncoder';

const service: LocalImageService = {
  ...sharpService,
  propertiesToHash: [...(baseService.propertiesToHash ?? []), JPEG_ENCODER],
  // The option is the service's, not an HTML attribute.
  getHTMLAttributes(options, imageConfig, logger) {
    const { [JPEG_ENCODER]: _, ...rest } = options;
    return baseService.getHTMLAttributes!(rest, imageConfig, logger);
  },
  transform(inputBuffer, transform, imageConfig, logger) {
    if (transform[JPEG_ENCODER] !== 'fast') return sharpService.transform(inputBuffer, transform, imageConfig, logger);
    const config = imageConfig.service.config as { jpeg?: Record<string, unknown> };
    const jpeg = { ...config.jpeg, mozjpeg: false };
    return sharpService.transform(inputBuffer, transform, { ...imageConfig, service: { ...imageConfig.service, config: { ...config, jpeg } } }, logger);
  },
};

export default service;
