/**
 * What a story body may say, shared by the content check (src/check/body-check.ts), which refuses
 * anything else with file and line, and the renderer (src/site/story-body.ts), which turns what
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

/** Link schemes a body may use; a URL with no scheme is a path on this site. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Whether a Markdown link may point at `url`. `javascript:` and `data:` links run code when
 * clicked, so only web, mail, phone and site links pass. Browsers drop leading spaces and
 * control characters, and tabs and newlines anywhere ("java\tscript:"), so the test does too;
 * a space inside ("Annual report: 2024.pdf") is a relative path, not a scheme.
 */
export function isAllowedLinkUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, ''))?.[1];
  return scheme === undefined || LINK_SCHEMES.has(scheme.toLowerCase());
}

/** What the check says about a Markdown image: photos need an entry, with alt text, caption and credit. */
export const MARKDOWN_IMAGE_MESSAGE = 'Markdown images are not allowed in a story: add a photo entry in photos/ and write <Photo id="photo-id" />';

/**
 * Why a Markdown node may not stand in a story, or undefined: an image (photos go through
 * <Photo>) or a link that would run code. The check reports it with file and line; the
 * renderer throws it. One rule for both, so they cannot disagree.
 */
export function getRefusedMarkdown(node: MdxNode): { field: string; message: string } | undefined {
  if (node.type === 'image' || node.type === 'imageReference') return { field: 'image', message: MARKDOWN_IMAGE_MESSAGE };
  if ((node.type === 'link' || node.type === 'definition') && !isAllowedLinkUrl(node.url ?? '')) {
    return { field: 'link', message: `link to "${node.url}" is not allowed: use an http(s), mailto, tel or site address` };
  }
  return undefined;
}

/** An mdast node as the MDX parser gives it, with the fields the checker and the renderer read. */
export interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number } };
  /** Links, link definitions and images. */
  url?: string;
  /** Text and code. */
  value?: string;
  data?: { hName?: string; hProperties?: Record<string, unknown> };
}
