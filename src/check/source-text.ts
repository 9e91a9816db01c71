/**
 * Reading an editor's file as text. A file in a legacy encoding (GBK/GB18030 from an older
 * editor) would otherwise be read as U+FFFD mojibake and published without a word, so the
 * check and the stories loader both refuse it, with the same message.
 */
import { readFileSync } from 'node:fs';
import type { Problem } from './problems.ts';

export const NOT_UTF8_MESSAGE = 'not valid UTF-8 (saved in another encoding such as GBK/GB18030?); save the file as UTF-8';
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** 1-based line of the first bytes that are not UTF-8, or undefined when the whole file is UTF-8. */
export function findNonUtf8Line(bytes: Uint8Array): number | undefined {
  try {
    strictUtf8.decode(bytes);
    return undefined;
  } catch {
    // Read leniently, the first bad sequence becomes U+FFFD: count the lines before it.
    const text = Buffer.from(bytes).toString('utf8');
    return text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length;
  }
}

/** A content file's text, or undefined (and a problem) when it is not UTF-8. */
export function readText(file: string, problems: Problem[]): string | undefined {
  const bytes = readFileSync(file);
  const line = findNonUtf8Line(bytes);
  if (line === undefined) return bytes.toString('utf8');
  problems.push({ file, line, message: NOT_UTF8_MESSAGE, severity: 'error' });
  return undefined;
}
