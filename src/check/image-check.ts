/**
 * The image file behind a photo entry: a photo format by its content (whatever its name),
 * inside its story's photos/ folder, within the pixel limit, decodable to the end, and wide
 * enough for a hero. The only module that loads sharp, so reading frontmatter never does.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import sharp from 'sharp';
import { site } from '../config/site.ts';
import { CROPS } from '../newsroom/photos.ts';
import { IMAGE_EXTENSIONS, type PhotoFile } from './content-files.ts';
import type { PhotoUse } from './cross-entry.ts';
import { lineOf } from './frontmatter.ts';
import type { Problem } from './problems.ts';

/** What a photo file may really be, by its content (sharp's reading of its header), whatever its name. */
const PHOTO_FORMATS: string[] = ['jpeg', 'png', 'webp'];
const FORMAT_NAMES: Record<string, string> = {
  svg: 'an SVG drawing (which may hold scripts)',
  gif: 'a GIF image',
  heif: 'a HEIF/AVIF image',
  tiff: 'a TIFF image',
  pdf: 'a PDF document',
  jp2k: 'a JPEG 2000 image',
  jxl: 'a JPEG XL image',
};
const describeFormat = (format: string) => FORMAT_NAMES[format] ?? `a "${format}" file`;
const megapixels = (pixels: number) => Number((pixels / 1e6).toFixed(1)).toString();

/** `skipDecode` leaves out sharp's reading of the file (unit tests of pure rules). */
export async function checkImage(
  photo: PhotoFile,
  data: Record<string, unknown>,
  needs: PhotoUse[],
  root: string,
  skipDecode: boolean,
  problems: Problem[],
): Promise<void> {
  const imageField = data.image as string;
  const imagePath = resolve(dirname(photo.file), imageField);
  const imageLine = lineOf(photo.yaml, ['image']);
  const refuse = (message: string) => problems.push({ file: photo.file, line: imageLine, field: 'image', message, severity: 'error' });
  const warn = (message: string) => problems.push({ file: photo.file, line: imageLine, field: 'image', message, severity: 'warning' });
  if (!IMAGE_EXTENSIONS.includes(extname(imagePath).toLowerCase())) {
    refuse(`"${imageField}" is not a ${IMAGE_EXTENSIONS.join(', ')} file`);
    return;
  }
  if (!existsSync(imagePath)) {
    // A placeholder entry's image is made by a command: say which.
    const hint = data.placeholder === true ? '; run `npm run placeholders` to make a labelled placeholder' : '';
    refuse(`image file not found: ${relative(dirname(root), imagePath)}${hint}`);
    return;
  }
  const photosDir = dirname(photo.file);
  if (!realpathSync(imagePath).startsWith(realpathSync(photosDir) + sep)) {
    // The path itself passed the schema's rule, so a symbolic link leads out.
    refuse(`"${imageField}" is a link to a file outside this story's photos/ folder: put the image file itself there`);
    return;
  }
  if (skipDecode) return;
  try {
    // Header only: the format and size are known before a single pixel is decoded.
    const meta = await sharp(imagePath, { failOn: 'error', limitInputPixels: false }).metadata();
    if (!PHOTO_FORMATS.includes(meta.format)) {
      refuse(`"${imageField}" is ${describeFormat(meta.format)}, not a photo: expected a JPEG, PNG or WebP file`);
      return;
    }
    const maxPixels = site.maxPhotoPixels;
    if (meta.width * meta.height > maxPixels) {
      refuse(`image is ${meta.width}x${meta.height} px (${megapixels(meta.width * meta.height)} megapixels); a photo may have at most ${megapixels(maxPixels)} megapixels (maxPhotoPixels in src/config/site.ts): scale it down`);
      return;
    }
    // metadata() reads only the header: decode a thumbnail to catch a truncated or corrupt body.
    await sharp(imagePath, { failOn: 'error', limitInputPixels: site.maxPhotoPixels }).resize(16).raw().toBuffer();
    const width = meta.autoOrient?.width ?? meta.width ?? 0;
    const height = meta.autoOrient?.height ?? meta.height ?? 0;
    const hero = needs.some((need) => need.hero);
    // Newsroom rule: a hero must be sharp on a 1,200 px-wide card (Google Discover, JSON-LD).
    if (hero && width < site.heroMinWidth) {
      refuse(`hero image is ${width} px wide; a hero must be at least ${site.heroMinWidth} px wide`);
    }
    // Each crop is fitted inside the photo (fitCrop): one too short for the 16:9 crop, the
    // tallest a wide-enough photo can fail, gives search engines and social cards smaller images.
    // Panoramas are allowed.
    const { width: cropWidth, height: cropHeight } = CROPS.wide;
    if (hero && width >= site.heroMinWidth && height < cropHeight) {
      warn(`hero image is ${width}x${height} px; under ${cropHeight} px tall, its crops for search engines and its share card are narrower than ${cropWidth} px: use a taller photo if there is one`);
    }
  } catch (error) {
    refuse(`image cannot be read (${(error as Error).message.split('\n')[0]}): expected a valid JPEG, PNG or WebP`);
  }
}
