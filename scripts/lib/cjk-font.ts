/**
 * A CJK font from an npm package (@embedpdf/fonts-sc: Noto Sans CJK SC, as "Noto Sans S Chinese"),
 * shown through a fontconfig file to whatever draws Chinese text at build or test time: Chromium in
 * the browser tests and the audit, librsvg in `npm run placeholders`. Chinese then renders with
 * real glyphs on a machine with no CJK font installed. Readers never download it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cjkFontDir as findFontDir } from '../../src/build/cjk-fonts.ts';
import { ToolUnavailable, cacheRoot } from './chromium.ts';

/** The folder of the npm CJK font (src/build/cjk-fonts.ts), as a ToolUnavailable the tests report in one line. */
export function cjkFontDir(): string {
  try {
    return findFontDir(fileURLToPath(new URL('../..', import.meta.url)));
  } catch (error) {
    throw new ToolUnavailable((error as Error).message);
  }
}

/**
 * Writes a fontconfig file that lists the npm CJK font before the machine's own fonts, and returns
 * the environment (FONTCONFIG_FILE) that makes Chromium or librsvg read it.
 */
export function writeFontConfig(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const dir = join(cacheRoot, 'fontconfig');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'fonts.conf');
  const xml = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${cjkFontDir()}</dir>
  <cachedir>${join(dir, 'cache')}</cachedir>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
</fontconfig>
`;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== xml) writeFileSync(file, xml);
  return { ...(env as Record<string, string>), FONTCONFIG_FILE: file };
}
