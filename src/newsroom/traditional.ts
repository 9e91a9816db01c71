/**
 * The Traditional edition's conversion rules (docs/decisions/012-traditional-edition.md): what
 * of a story is text, and so converted, and what is an id, a URL or code, and so never is.
 * Pure: the converter is an argument, so these rules are unit-tested with any function. The one
 * state is OpenCC's own converter, built once per process and shared (getOpenCC).
 */
import type { Element, Root, RootContent } from 'hast';
import * as OpenCC from 'opencc-js';
import { derivedLocales, getLocalePrefix, type Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { compareCodeUnits } from './order.ts';

/** Simplified text in, Traditional text out. */
export type Convert = (text: string) => string;

/**
 * OpenCC from Simplified to the site's variant, with the editors' exceptions (simplified term →
 * traditional form) taking precedence: a term listed there is never handed to OpenCC.
 */
export function makeConverter(exceptions: Record<string, string> = {}, variant: typeof site.traditionalVariant = site.traditionalVariant): Convert {
  // Built on first use: OpenCC builds its dictionaries when made, and a rebuild whose conversions
  // all come from the cache converts nothing.
  let openCC: Convert | undefined;
  return withExceptions((text) => (openCC ??= getOpenCC(variant))(text), exceptions);
}

/**
 * OpenCC's converter for a variant, built once per process: building its dictionaries is costly in
 * time and memory. Kept on globalThis because a build holds this module twice, once in the content
 * loader and once in the prerender bundle; the converter is a pure function of the variant and the
 * installed opencc-js, so sharing it changes no output.
 */
const shared = ((globalThis as Record<symbol, unknown>)[Symbol.for('gazette.opencc')] ??= new Map()) as Map<string, Convert>;
function getOpenCC(variant: typeof site.traditionalVariant): Convert {
  let convert = shared.get(variant);
  if (!convert) shared.set(variant, (convert = OpenCC.Converter({ from: 'cn', to: variant })));
  return convert;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `convert`, except that each exceptions key becomes its value; longer keys win over the shorter ones inside them. */
export function withExceptions(convert: Convert, exceptions: Record<string, string>): Convert {
  const keys = Object.keys(exceptions).filter(Boolean).sort((a, b) => b.length - a.length || compareCodeUnits(a, b));
  if (keys.length === 0) return convert;
  const pattern = new RegExp(`(${keys.map(escapeRegExp).join('|')})`);
  return (text) =>
    text
      .split(pattern)
      .map((part, index) => (index % 2 === 1 ? exceptions[part]! : part && convert(part)))
      .join('');
}

/** What is wrong with an exceptions entry, if anything: every term needs a traditional form. */
export function getExceptionProblem(term: string, value: unknown): string | undefined {
  if (!term.trim()) return 'an empty term: write the simplified term before the colon';
  if (value === null || value === undefined || (typeof value === 'string' && !value.trim())) return `"${term}" maps to nothing: write its traditional form, or remove the line`;
  if (typeof value !== 'string') return `expected the traditional form of "${term}" as text, e.g. 晋中: 晉中`;
  return undefined;
}

/** Frontmatter fields that are text, and so converted; ids, dates and paths are kept. */
const TEXT_FIELDS = ['title', 'subtitle', 'summary'] as const;

/**
 * A story's (or newsroom page's) raw frontmatter in `locale`, from its source language's. Old
 * paths (aliases) move under the language's prefix, so a renamed story keeps its old addresses
 * in every edition.
 */
export function convertFrontmatter(data: Record<string, unknown>, convert: Convert, locale: Locale): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const field of TEXT_FIELDS) if (typeof data[field] === 'string') out[field] = convert(data[field]);
  if (Array.isArray(data.tags)) out.tags = data.tags.map((tag) => (typeof tag === 'string' ? convert(tag) : tag));
  if (Array.isArray(data.corrections)) {
    out.corrections = data.corrections.map((entry) =>
      entry && typeof entry === 'object' && typeof (entry as { text?: unknown }).text === 'string' ? { ...entry, text: convert((entry as { text: string }).text) } : entry,
    );
  }
  if (Array.isArray(data.aliases)) out.aliases = data.aliases.map((alias) => (typeof alias === 'string' ? `${getLocalePrefix(locale)}${alias}` : alias));
  return out;
}

/** Elements whose content is code or a marker, never text. */
const KEEP = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'gazette-photo']);
/** Attributes that are text for readers; every other attribute (ids, hrefs, lang, classes, data-*) is kept. */
const TEXT_PROPERTIES = ['title', 'alt', 'ariaLabel'] as const;

/** Converts a body's text nodes and text attributes in place. Run it after heading ids are made, so ids stay the source's. */
export function convertHast(tree: Root | Element, convert: Convert): void {
  const visit = (node: Root | RootContent) => {
    if (node.type === 'text') {
      node.value = convert(node.value);
      return;
    }
    if (node.type === 'element') {
      if (KEEP.has(node.tagName)) return;
      for (const name of TEXT_PROPERTIES) {
        const value = node.properties[name];
        if (typeof value === 'string') node.properties[name] = convert(value);
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

/**
 * Text per language with every generated language filled in from its source, unless an editor
 * wrote it by hand (e.g. caption: { zh-hant: … }).
 */
export function deriveText<T extends Partial<Record<Locale, string>>>(text: T, convert: Convert): T {
  const out: Partial<Record<Locale, string>> = { ...text };
  for (const { locale, from } of derivedLocales) {
    const source = text[from];
    if (out[locale] === undefined && source !== undefined) out[locale] = convert(source);
  }
  return out as T;
}
