/**
 * The body check: an MDX body may hold only text, Markdown and the newsroom components
 * (src/newsroom/body-syntax.ts), the same grammar the build renders with. Its verdict on a
 * body depends on this file and the grammar alone, which is what the body cache relies on.
 */
import { unified } from 'unified';
import { BODY_COMPONENTS, BODY_HTML, BODY_HTML_ATTRIBUTES, bodySyntax, getRefusedMarkdown, type MdxNode } from '../newsroom/body-syntax.ts';
import type { Problem } from './problems.ts';
import { findInvisibleCharacter, invisibleMessage } from './text-rules.ts';

const mdxParser = unified().use(bodySyntax);

/** Parses an MDX body and checks it holds only text, Markdown and the newsroom components. */
export function checkBody(body: string, file: string, bodyLine: number, problems: Problem[]): { id: string; line?: number }[] {
  return checkBodyTree(body, file, bodyLine, problems).photos;
}

/**
 * checkBody, also giving the parsed tree (undefined when the body does not parse), for the
 * renderer to make HTML from instead of parsing the body again (src/site/body-threads.ts).
 * The tree is left as the parser made it.
 */
export function checkBodyTree(body: string, file: string, bodyLine: number, problems: Problem[]): { photos: { id: string; line?: number }[]; tree?: MdxNode } {
  const photos: { id: string; line?: number }[] = [];
  let tree: MdxNode;
  try {
    tree = mdxParser.parse(body) as MdxNode;
  } catch (error) {
    const err = error as { line?: number; reason?: string; message?: string };
    const reason = err.reason ?? err.message ?? '';
    problems.push({
      file,
      line: err.line ? err.line + bodyLine : undefined,
      // MDX reads a line that starts with "import " or "export " as code; its own message names the JavaScript parser.
      message: /import\/exports/.test(reason)
        ? 'a line that starts with "import" or "export" is read as code: reword the start of the line'
        : `MDX syntax error: ${reason}. Literal < and { in text must be written \\< and \\{`,
      severity: 'error',
    });
    return { photos };
  }
  const visit = (node: MdxNode) => {
    const line = node.position ? node.position.start.line + bodyLine : undefined;
    const refused = getRefusedMarkdown(node);
    // The body is text too: an invisible character reorders or hides what readers see there as
    // much as in a headline (the same rule as the frontmatter's, src/check/text-rules.ts).
    const invisible = node.type === 'text' && node.value ? findInvisibleCharacter(node.value) : undefined;
    if (invisible) {
      problems.push({ file, line, message: invisibleMessage(invisible), severity: 'error' });
    }
    if (refused) {
      problems.push({ file, line, ...refused, severity: 'error' });
    } else if (node.type === 'mdxjsEsm') {
      problems.push({ file, line, message: 'import/export is not allowed in a story: Photo, LeadLines and KeyFigures need no import', severity: 'error' });
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      problems.push({ file, line, message: 'code in {braces} is not allowed in a story: write \\{ for a literal brace', severity: 'error' });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      const attributes = node.attributes ?? [];
      if ((BODY_COMPONENTS as readonly string[]).includes(name)) {
        if (name === 'Photo') {
          const id = attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
          if (typeof id !== 'string' || !id) {
            problems.push({ file, line, field: 'Photo', message: 'expected <Photo id="photo-id" /> with the id as a quoted string', severity: 'error' });
          } else {
            photos.push({ id, line });
          }
        }
        const extra = attributes.filter((a) => !(name === 'Photo' && a.name === 'id'));
        if (extra.length > 0) {
          problems.push({ file, line, field: name, message: `unexpected attribute on <${name}>: only ${name === 'Photo' ? 'id' : 'none'} is allowed`, severity: 'error' });
        }
      } else if (BODY_HTML.has(name)) {
        const bad = attributes.filter((a) => a.type !== 'mdxJsxAttribute' || !BODY_HTML_ATTRIBUTES.has(a.name ?? ''));
        if (bad.length > 0) {
          problems.push({ file, line, field: name, message: `<${name}> may carry only title and lang attributes`, severity: 'error' });
        }
      } else {
        problems.push({
          file,
          line,
          field: name || 'fragment',
          message: `<${name}> is not allowed in a story: use Markdown, or one of ${BODY_COMPONENTS.map((c) => `<${c}>`).join(', ')}; write \\< for a literal <`,
          severity: 'error',
        });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return { photos, tree };
}
