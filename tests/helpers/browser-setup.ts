/**
 * Global setup of the browser project: finds (or unpacks) Chromium and writes the fontconfig file
 * once, in the main process, before any test file starts. A failure is handed to the test files,
 * which each fail with its one line: browser tests never skip, and the unit and build projects
 * still run.
 */
import type { TestProject } from 'vitest/node';
import { resolveChromium } from '../../scripts/lib/chromium.ts';
import { writeFontConfig } from '../../scripts/lib/cjk-font.ts';

export interface ChromiumSetup {
  /** The binary to start, or '' when there is none. */
  path: string;
  /** FONTCONFIG_FILE for Chromium's environment. */
  fontConfigFile: string;
  /** Why there is no browser: one line pointing to CHROMIUM_PATH. */
  error: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumSetup;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const setup: ChromiumSetup = { path: '', fontConfigFile: '', error: '' };
  try {
    setup.fontConfigFile = writeFontConfig().FONTCONFIG_FILE!;
    setup.path = await resolveChromium();
  } catch (error) {
    setup.error = error instanceof Error ? error.message : String(error);
  }
  project.provide('chromium', setup);
}
