/**
 * A story body, MDX source to HTML, once per body (docs/decisions/007-story-bodies-as-html.md).
 *
 * Bodies are MDX restricted by the validator to text, Markdown (with GFM) and the newsroom
 * elements, so they need no JavaScript module each: compiling every body into one was most
 * of a build's time and memory, and a rebuild after a one-story edit recompiled them all.
 * The validator's own parser (src/newsroom/body-syntax.ts: remark-mdx + remark-gfm) reads them
 * here; the HTML is made by remark-rehype and Astro's own heading-id plugin, so ids match
 * Astro's Markdown.
 *
 * <Photo> needs the build's image pipeline, so it becomes a marker element that
 * `splitBodyHtml` turns back into a photo id for the page to render. Editors cannot forge a
 * marker: text is escaped (`<` becomes `&#x3C;`) and the validator refuses unknown elements.
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype, { type Options as ToHastOptions } from 'remark-rehype';
import { unified } from 'unified';
import { BODY_HTML, BODY_HTML_ATTRIBUTES, bodySyntax, getRefusedMarkdown, type MdxNode } from '../newsroom/body-syntax.ts';
import { convertHast, type Convert } from '../newsroom/traditional.ts';

const PHOTO_MARKER = 'gazette-photo';
/**
 * The class each block of a wrapper gets, which the story stylesheet sets apart. The wrapper
 * itself leaves no element: article extractors read the blocks of a body and dropped lead
 * lines and key figures nested in a <div>, so each block stands in the body on its own.
 */
const WRAPPERS: Record<string, string> = { LeadLines: 'lead-line', KeyFigures: 'key-figures' };

/**
 * Turns the MDX nodes into plain elements for remark-rehype. Anything else MDX can express
 * (imports, {expressions}, other elements), Markdown images and links that would run code
 * throw: the validator refuses them first, and nothing in a body is ever executed.
 */
function remarkNewsroomElements() {
  return (tree: MdxNode) => {
    const visit = (node: MdxNode, parent?: MdxNode) => {
      if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
        throw new Error('story body: imports and {expressions} are not allowed');
      }
      const refused = getRefusedMarkdown(node);
      if (refused) throw new Error(`story body: ${refused.message}`);
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const name = node.name ?? '';
        const attribute = (key: string) => node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === key)?.value;
        if (name === 'Photo') {
          const id = attribute('id');
          if (typeof id !== 'string') throw new Error('story body: expected <Photo id="photo-id" />');
          node.data = { hName: PHOTO_MARKER, hProperties: { dataId: id } };
          node.children = [];
        } else if (WRAPPERS[name]) {
          // Written on one line, the wrapper sits inside its paragraph, which is then the block.
          const blocks = node.type === 'mdxJsxTextElement' && parent ? [parent] : (node.children ?? []);
          for (const block of blocks) block.data = { ...block.data, hProperties: { ...block.data?.hProperties, className: [WRAPPERS[name]] } };
        } else if (BODY_HTML.has(name)) {
          const properties = Object.fromEntries(
            (node.attributes ?? []).filter((a) => a.type === 'mdxJsxAttribute' && BODY_HTML_ATTRIBUTES.has(a.name ?? '') && typeof a.value === 'string').map((a) => [a.name!, a.value]),
          );
          node.data = { hName: name, hProperties: properties };
        } else {
          throw new Error(`story body: <${name}> is not allowed`);
        }
      }
      for (const child of node.children ?? []) visit(child, node);
      // Unwrapped in the parent, so remark-rehype separates the blocks with newlines as it
      // does every top-level block: text readers would otherwise run two lead lines together.
      if (node.children?.some(isWrapper)) node.children = node.children.flatMap((child) => (isWrapper(child) ? (child.children ?? []) : [child]));
    };
    visit(tree);
  };
}

const isWrapper = (node: MdxNode) => (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && Boolean(WRAPPERS[node.name ?? '']);

type Handler = NonNullable<NonNullable<ToHastOptions['handlers']>['mdxJsxFlowElement']>;

/** A JSX node as the element remarkNewsroomElements chose for it, with its children converted. */
const toElement: Handler = (state, node) => {
  const { hName, hProperties } = (node as MdxNode).data!;
  const element = { type: 'element' as const, tagName: hName!, properties: (hProperties ?? {}) as Record<string, string | string[]>, children: state.all(node) };
  state.patch(node, element);
  return element;
};

const isElement = (node: ElementContent): node is Element => node.type === 'element';
const textOf = (node: ElementContent): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '');

/**
 * Each table inside a scrollable region: a wide table scrolls on a phone instead of squeezing
 * Chinese columns to one character a line, and the region takes keyboard focus (WCAG 2.1.1) and
 * is named by the table's header row, the one label a body table always has. A named <section>
 * is a region landmark of its own: a <div role="region"> fails strict validators.
 */
function rehypeTableRegions() {
  return (tree: Root) => {
    const visit = (node: Root | Element) => {
      node.children = node.children.map((child) => {
        if (child.type !== 'element' || child.tagName !== 'table') {
          if (child.type === 'element') visit(child);
          return child;
        }
        const header = child.children.filter(isElement).find((part) => part.tagName === 'thead');
        const cells = (header?.children ?? []).filter(isElement).flatMap((row) => row.children.filter(isElement)).filter((cell) => cell.tagName === 'th');
        const texts = cells.map((cell) => textOf(cell).trim()).filter(Boolean);
        // Listed as each language lists: 指标、2024 in a Chinese table, "Measure, 2024" in an English one.
        const label = texts.join(texts.some((text) => /[\u3400-\u9fff]/.test(text)) ? '、' : ', ');
        const region: Element = {
          type: 'element',
          tagName: 'section',
          properties: { className: ['table-scroll'], tabIndex: 0, ...(label ? { ariaLabel: label } : {}) },
          children: [child],
        };
        return region;
      });
    };
    visit(tree);
  };
}

const processor = unified()
  .use(bodySyntax)
  .use(remarkNewsroomElements)
  // The JSX nodes, each now carrying the element it stands for.
  .use(remarkRehype, {
    handlers: { mdxJsxFlowElement: toElement, mdxJsxTextElement: toElement },
  })
  .use(rehypeHeadingIds)
  .use(rehypeTableRegions)
  .use(rehypeStringify);

/**
 * The body's HTML tree (hast), after every plugin has run. `parsed` is the body's syntax tree when
 * the check's parser has just made it (the same grammar); it is changed.
 */
const toTree = (body: string, parsed: MdxNode = processor.parse(body) as MdxNode): Root =>
  processor.runSync(parsed as Parameters<typeof processor.runSync>[0], body) as unknown as Root;

/**
 * The last body made HTML and its tree, for the Traditional edition of the same source, which
 * the loader makes next: converting that tree spares parsing the source a second time (a third
 * of a cold content sync). Taken once, as the conversion changes the tree.
 */
let last: { body: string; tree: Root } | undefined;

/** The HTML of an MDX story body, with a marker where each <Photo> goes; from its syntax tree if given. */
export function toBodyHtml(body: string, parsed?: MdxNode): string {
  const tree = toTree(body, parsed);
  const html = processor.stringify(tree);
  last = { body, tree };
  return html;
}

/**
 * The HTML of a body with its text converted by `convert` (the Traditional edition), from its
 * syntax tree if given. Converted after heading ids and table labels are made from the source
 * text: ids stay the source's.
 */
export function toConvertedBodyHtml(body: string, convert: Convert, parsed?: MdxNode): string {
  const tree = last?.body === body ? last.tree : toTree(body, parsed);
  last = undefined;
  convertHast(tree, convert);
  return processor.stringify(tree);
}

/** A body's HTML in order: runs of HTML, and the photo ids between them. */
export type BodySegment = { html: string } | { photo: string };

const MARKER = new RegExp(`<${PHOTO_MARKER} data-id="([^"]*)"></${PHOTO_MARKER}>`);

export function splitBodyHtml(html: string): BodySegment[] {
  const parts = html.split(MARKER);
  return parts
    .map((part, index): BodySegment => (index % 2 === 1 ? { photo: part } : { html: part }))
    .filter((segment) => !('html' in segment) || segment.html.trim() !== '');
}
