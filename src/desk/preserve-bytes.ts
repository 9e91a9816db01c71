/**
 * The desk rewrites a whole file on every save, in Keystatic's formatting: block YAML without
 * the editors' comments, its own Markdown escapes. This keeps the editors' bytes wherever the
 * meaning did not change: a field whose value is the same keeps its line, comments and quoting;
 * a body that parses to the same tree (the body grammar's parser) keeps its text. So opening and
 * saving a story without edits changes no byte, and an edit changes only what it edits.
 */
import { isDeepStrictEqual } from 'node:util';
import { unified } from 'unified';
import { isCollection, isScalar, parse, parseDocument, stringify, type Document } from 'yaml';
import { bodySyntax } from '../newsroom/body-syntax.ts';
import { splitFrontmatter } from '../check/frontmatter.ts';

type Data = Record<string, unknown>;

/** Empty values the form writes for fields left blank: the contract leaves such fields out. */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(tidy).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value).map(([key, item]) => [key, tidy(item)] as const).filter(([, item]) => item !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  if (value === '' || value === null || value === false) return undefined;
  return value;
}

const asData = (value: unknown): Data => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {});

/** A new value in the old node's style (quotes, flow list), so undoing an edit restores its bytes. */
function restyled(doc: Document, old: unknown, value: unknown): unknown {
  const node = doc.createNode(value);
  if (isScalar(old) && isScalar(node)) node.type = old.type;
  if (isCollection(old) && isCollection(node)) node.flow = old.flow;
  return node;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The desk writes every time in newsroom time (+08:00); a file may say the same instant as
 * 2025-12-23T00:00:00Z. Compared as instants, so an untouched time keeps the editor's spelling.
 */
function asInstants(value: unknown): unknown {
  if (typeof value === 'string' && INSTANT.test(value)) return Date.parse(value);
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map(asInstants);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asInstants(item)]));
  return value;
}

/** YAML text with the desk's values, keeping `before`'s text for every unchanged field. */
export function mergeYaml(before: string | undefined, after: string): string {
  const wanted = asData(tidy(parse(after)));
  if (before === undefined) return Object.keys(wanted).length > 0 ? stringify(wanted, { lineWidth: 0 }) : '';
  const doc = parseDocument(before);
  const had = asData(tidy(doc.toJS()));
  let changed = false;
  for (const key of new Set([...Object.keys(had), ...Object.keys(wanted)])) {
    if (isDeepStrictEqual(asInstants(had[key]), asInstants(wanted[key]))) continue;
    changed = true;
    if (wanted[key] === undefined) doc.delete(key);
    else doc.set(key, restyled(doc, doc.get(key, true), wanted[key]));
  }
  return changed ? doc.toString({ lineWidth: 0, flowCollectionPadding: false }) : before;
}

const parser = unified().use(bodySyntax);

function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'position').map(([key, value]) => [key, withoutPositions(value)]));
}

/** Whether two bodies say the same, as the build's parser reads them. */
export function sameBody(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return isDeepStrictEqual(withoutPositions(parser.parse(a)), withoutPositions(parser.parse(b)));
  } catch {
    return false;
  }
}

/** An .mdx file as the desk would write it, keeping `before`'s bytes where the meaning is the same. */
export function mergeMdx(before: string | undefined, after: string): string {
  const next = splitFrontmatter(after) ?? { yaml: '', body: after };
  const previous = before === undefined ? undefined : splitFrontmatter(before);
  const yaml = mergeYaml(previous?.yaml, next.yaml);
  const body = previous && sameBody(previous.body, next.body) ? previous.body : next.body;
  if (previous && yaml === previous.yaml && body === previous.body) return before!;
  return `---\n${yaml.replace(/\n?$/, '\n')}---\n${previous && body === previous.body ? body : body.replace(/^\n*/, '\n')}`;
}
