/**
 * What a story body may say, shared by the content check (src/lib/validate.ts), which refuses
 * anything else with file and line, and the renderer (src/lib/story-body.ts), which turns what
 * is allowed into HTML. One parser and one list of elements, so the two cannot disagree.
 */
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import type { Preset } from 'unified';

/** MDX with GitHub-flavoured Markdown: the grammar of every story body. */
export const bodySyntax: Preset = { plugins: [remarkParse, remarkMdx, remarkGfm] };

/** Components a story body may use without import; they are the newsroom elements. */
export const BODY_COMPONENTS = ['Photo', 'LeadLines', 'KeyFigures'] as const;
/** Inline HTML an editor may need in running text; attributes other than these are refused. */
export const BODY_HTML = new Set(['br', 'sup', 'sub', 'abbr', 'span']);
export const BODY_HTML_ATTRIBUTES = new Set(['title', 'lang']);

/** An mdast node as the MDX parser gives it, with the fields the checker and the renderer read. */
export interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number } };
  data?: { hName?: string; hProperties?: Record<string, unknown> };
}
