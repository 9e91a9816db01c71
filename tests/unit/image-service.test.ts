/**
 * Gazette's image service (src/site/image-service.ts): Astro's sharp service, except that
 * `jpegEncoder: 'fast'` encodes a JPEG without mozjpeg (decision 034). Real encodes of a real
 * JPEG, read back with sharp.
 */
import { baseService } from 'astro/assets';
import sharpService from 'astro/assets/services/sharp';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import service, { JPEG_ENCODER } from '../../src/site/image-service.ts';
// Not among Astro's public exports: the function its build names image files with.
import { hashTransform } from '../../node_modules/astro/dist/assets/utils/hash.js';

// The settings astro.config.mjs gives the service.
const imageConfig = { service: { entrypoint: './src/site/image-service.ts', config: { jpeg: { mozjpeg: true, quality: 78 } } } } as never;
const logger = { info() {}, warn() {}, error() {}, debug() {} } as never;

// A photo-like source: noise, so that the two encoders' files differ in size as a photo's do.
const source = await sharp(Buffer.from(Array.from({ length: 600 * 400 * 3 }, (_, i) => (i * 7919) % 251)), { raw: { width: 600, height: 400, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
const crop = { src: '/photo.jpg', width: 300, height: 300, fit: 'cover', position: 'center', format: 'jpg', quality: 80 } as const;

describe('the image service', () => {
  it('encodes exactly as Astro’s sharp service when the option is absent', async () => {
    const ours = await service.transform(source, { ...crop }, imageConfig, logger);
    const stock = await sharpService.transform(source, { ...crop }, imageConfig, logger);
    expect(Buffer.from(ours.data).equals(Buffer.from(stock.data))).toBe(true);
    expect(await sharp(ours.data).metadata()).toMatchObject({ format: 'jpeg', width: 300, height: 300, isProgressive: true });
  });

  it('encodes a fast crop without mozjpeg: a baseline JPEG of the same size in pixels, larger in bytes', async () => {
    const fast = await service.transform(source, { ...crop, [JPEG_ENCODER]: 'fast' }, imageConfig, logger);
    const mozjpeg = await service.transform(source, { ...crop }, imageConfig, logger);
    expect(fast.format).toBe('jpeg');
    expect(await sharp(fast.data).metadata()).toMatchObject({ format: 'jpeg', width: 300, height: 300, isProgressive: false });
    expect(fast.data.length).toBeGreaterThan(mozjpeg.data.length);
    // The configuration it was given is left as it was, for the next image.
    expect((imageConfig as { service: { config: { jpeg: object } } }).service.config.jpeg).toEqual({ mozjpeg: true, quality: 78 });
  });

  it('hashes the option with Astro’s own properties, so the two encodings never share a file', () => {
    expect(service.propertiesToHash).toEqual([...baseService.propertiesToHash!, JPEG_ENCODER]);
    // The hash Astro names an image's file by (vite-plugin-assets), over the service's properties.
    const hash = (transform: Record<string, unknown>) => hashTransform(transform as never, './src/site/image-service.ts', service.propertiesToHash!);
    expect(hash({ ...crop, [JPEG_ENCODER]: 'fast' })).not.toBe(hash(crop));
    expect(hash({ ...crop, quality: 70 })).not.toBe(hash(crop));
    expect(hash({ ...crop })).toBe(hash(crop));
  });

  it('never writes the option into the HTML', async () => {
    const attributes = await service.getHTMLAttributes!({ ...crop, [JPEG_ENCODER]: 'fast', alt: 'A workshop' }, imageConfig, logger);
    expect(attributes).not.toHaveProperty(JPEG_ENCODER);
    expect(attributes).toMatchObject({ alt: 'A workshop' });
  });
});
