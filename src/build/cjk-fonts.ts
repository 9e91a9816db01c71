/**
 * The CJK font Gazette draws with at build and test time: Noto Sans CJK SC, shipped by the npm
 * package @embedpdf/fonts-sc (as "Noto Sans S Chinese"), so no machine needs a system font. The
 * share cards embed a subset of it in a PNG; the browser tests show it to Chromium. Readers never
 * download it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from './packages.ts';

export const CJK_FONT_FILES = { 400: 'NotoSansHans-Regular.otf', 700: 'NotoSansHans-Bold.otf' } as const;

/** The folder holding the font files; throws a one-line message an editor or CI log can act on. */
export function cjkFontDir(fromDir?: string): string {
  let dir: string;
  try {
    dir = join(packageDir('@embedpdf/fonts-sc', fromDir), 'fonts');
  } catch {
    throw new Error('The CJK font package @embedpdf/fonts-sc is not installed; run `npm install`.');
  }
  for (const file of Object.values(CJK_FONT_FILES)) {
    if (!existsSync(join(dir, file))) throw new Error(`The CJK font ${join(dir, file)} is missing; run \`npm install\`.`);
  }
  return dir;
}
