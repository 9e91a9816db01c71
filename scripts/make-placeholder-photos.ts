/**
 * Makes labelled placeholder images for photo entries marked `placeholder: true`
 * whose image file is missing (or all of them with --force). Real newsroom photos
 * are around 3000x2000, so placeholders are too: the image pipeline is exercised
 * at full size. Every placeholder says "placeholder / 示意图" in large type.
 *
 *   npm run placeholders [-- --force] [-- --width 3000 --height 2000]
 *
 * The Chinese labels are drawn with the CJK font npm installs (scripts/lib/cjk-font.ts); the
 * generated files are committed, so a build never needs the font.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { parse } from 'yaml';
import { listDir, listDirs } from '../src/build/files.ts';
import { escapeXml } from '../src/newsroom/xml.ts';
import { writeFontConfig } from './lib/cjk-font.ts';

const { values } = parseArgs({
  options: {
    force: { type: 'boolean', default: false },
    width: { type: 'string', default: '3000' },
    height: { type: 'string', default: '2000' },
    content: { type: 'string', default: 'content' },
  },
});
const width = Number(values.width);
const height = Number(values.height);
// The labels are Chinese too: librsvg draws them with the npm CJK font, never as boxes on a machine without one.
try {
  process.env.FONTCONFIG_FILE = writeFontConfig().FONTCONFIG_FILE;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

/** A stable hue per photo id, so placeholders are told apart at a glance. */
const hueOf = (id: string) => [...id].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 360, 7);

/**
 * A font size at which `text` fits in `room` px, at most `size`: captions run long, and a cut-off
 * caption would misquote it. Widths are estimated, 1 em a CJK character and 0.56 em any other.
 */
const fitFontSize = (text: string, size: number, room: number) => {
  const ems = [...text].reduce((sum, c) => sum + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.56), 0);
  return Math.min(size, room / Math.max(ems, 1));
};

export function placeholderSvg(id: string, caption: { zh?: string; en?: string }, w: number, h: number): string {
  const hue = hueOf(id);
  const u = w / 100;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},30%,78%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},30%,58%)"/>
    </linearGradient>
    <pattern id="s" width="${6 * u}" height="${6 * u}" patternUnits="userSpaceOnUse" patternTransform="rotate(35)">
      <rect width="${3 * u}" height="${6 * u}" fill="#ffffff" fill-opacity="0.08"/>
    </pattern>
  </defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <rect width="100%" height="100%" fill="url(#s)"/>
  <rect x="${3 * u}" y="${3 * u}" width="${w - 6 * u}" height="${h - 6 * u}" fill="none" stroke="#1a1a1a" stroke-opacity="0.55" stroke-width="${0.6 * u}" stroke-dasharray="${3 * u} ${2 * u}"/>
  <g font-family="Noto Sans CJK SC, Noto Sans S Chinese, Noto Sans SC, sans-serif" text-anchor="middle" fill="#111">
    <text x="50%" y="${h / 2 - 1 * u}" font-size="${5.5 * u}" font-weight="700">placeholder / 示意图</text>
    <text x="50%" y="${h / 2 + 6 * u}" font-size="${fitFontSize(caption.zh ?? '', 2.6 * u, w - 12 * u)}">${escapeXml(caption.zh ?? '')}</text>
    <text x="50%" y="${h / 2 + 10 * u}" font-size="${fitFontSize(caption.en ?? '', 2.2 * u, w - 12 * u)}">${escapeXml(caption.en ?? '')}</text>
    <text x="50%" y="${h - 6 * u}" font-size="${2.4 * u}" fill-opacity="0.7">${escapeXml(id)} · ${w}×${h} · not a real photograph / 非真实照片</text>
  </g>
</svg>`;
}

const storiesDir = resolve(values.content, 'stories');
let made = 0;
for (const story of listDirs(storiesDir)) {
  const photosDir = join(storiesDir, story, 'photos');
  for (const name of listDir(photosDir).filter((n) => n.endsWith('.yaml'))) {
    const entry = parse(readFileSync(join(photosDir, name), 'utf8')) as { image?: string; placeholder?: boolean; caption?: { zh?: string; en?: string } };
    if (!entry?.placeholder || !entry.image) continue;
    const target = resolve(dirname(join(photosDir, name)), entry.image);
    if (existsSync(target) && !values.force) continue;
    const id = name.replace(/\.yaml$/, '');
    await sharp(Buffer.from(placeholderSvg(id, entry.caption ?? {}, width, height)))
      .jpeg({ quality: 80, mozjpeg: true })
      .withMetadata({ exif: { IFD0: { ImageDescription: 'Placeholder image, not a real photograph' } } })
      .toFile(target);
    console.log(`made ${target}`);
    made++;
  }
}
console.log(`${made} placeholder image${made === 1 ? '' : 's'} made`);
