/**
 * The Traditional edition's converter for this project: OpenCC in the site's variant with the
 * editors' exceptions file (content/zh-hant-exceptions.yaml), and a key that changes whenever
 * either does, so no cached conversion outlives them. The check has reported a broken file
 * with its line first; here a broken or missing file simply lists no exception.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sha256 } from '../build/hash.ts';
import { site } from '../config/site.ts';
import { getExceptionProblem, makeConverter, type Convert } from '../newsroom/traditional.ts';

export interface TraditionalConverter {
  convert: Convert;
  /** Changes with the variant and the exceptions file's text. */
  key: string;
}

let cached: { source: string; converter: TraditionalConverter } | undefined;

/** Read on every call, built again only when the file changed (an editor's save in `astro dev`). */
export function getTraditionalConverter(contentDir: string): TraditionalConverter {
  const file = join(contentDir, site.traditionalExceptions);
  const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (cached?.source === source) return cached.converter;
  const converter = { convert: makeConverter(readExceptions(source)), key: sha256(`${site.traditionalVariant}\0${source}`, 'hex').slice(0, 16) };
  cached = { source, converter };
  return converter;
}

function readExceptions(source: string): Record<string, string> {
  let data: unknown;
  try {
    data = parse(source, { schema: 'core' });
  } catch {
    return {};
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  return Object.fromEntries(Object.entries(data).filter(([term, value]) => !getExceptionProblem(term, value)) as [string, string][]);
}
