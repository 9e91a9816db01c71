/**
 * Frontmatter and YAML with line numbers. The check reads the raw text, not Astro's store,
 * so every problem can name its line and a date keeps the offset (or lack of one) that YAML
 * would otherwise turn into an offset-less Date.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Problem } from './problems.ts';

export interface ParsedYaml {
  data: Record<string, unknown>;
  doc: Document;
  lineCounter: LineCounter;
  /** Lines before the YAML text in its file (frontmatter starts after the opening ---). */
  lineOffset: number;
}

/**
 * Splits `---\nyaml\n---\nbody`. Returns undefined when there is no frontmatter block. A UTF-8
 * byte order mark before the first --- is accepted: editors on Windows add it and cannot see it.
 */
export function splitFrontmatter(source: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return undefined;
  const yaml = match[1] ?? '';
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  return { yaml, body: source.slice(match[0].length), bodyLine };
}

export function parseYaml(source: string, file: string, lineOffset: number, problems: Problem[]): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  // The core (YAML 1.2) schema keeps timestamps as strings, so a missing offset stays visible.
  const doc = parseDocument(source, { lineCounter, schema: 'core', prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line;
      problems.push({
        file,
        line: line === undefined ? undefined : line + lineOffset,
        // The parser's own "at line 5, column 1" counts from the YAML, not the file: the file's line is given.
        message: `malformed YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
        severity: 'error',
      });
    }
    return undefined;
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, line: 1 + lineOffset, message: 'expected a YAML mapping of field: value', severity: 'error' });
    return undefined;
  }
  return { data, doc, lineCounter, lineOffset };
}

/** Line of a field in its file, falling back to the nearest parent that exists. */
export function lineOf(yaml: ParsedYaml | undefined, path: (string | number)[]): number | undefined {
  if (!yaml) return undefined;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? yaml.doc.contents : yaml.doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return yaml.lineCounter.linePos(range[0]).line + yaml.lineOffset;
    if (depth > 0) {
      // A missing key: point at its parent's key if we can.
      const parent = depth === 1 ? yaml.doc.contents : yaml.doc.getIn(path.slice(0, depth - 1), true);
      const pair = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items?.find(
        (item) => item.key?.value === path[depth - 1],
      );
      if (pair?.key?.range) return yaml.lineCounter.linePos(pair.key.range[0]).line + yaml.lineOffset;
    }
  }
  return undefined;
}
