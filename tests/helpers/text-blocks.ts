/**
 * Whether a page or feed reads right as plain text. Text readers, reader modes and extractors
 * take an element's textContent, which has no line breaks of its own: two paragraphs with no
 * whitespace between them come out as one run-on word ("Jingwei”;The “Yuci…").
 */

/** Elements whose text stands apart from its neighbours: blocks, and the parts of a caption. */
const UNIT = 'p, h1, h2, h3, h4, h5, h6, li, dt, dd, th, td, blockquote, pre, figcaption > *, figcaption';

/**
 * Each place under `root` where the text of one unit is followed by the text of another with no
 * whitespace between them, as "…end|start…"; empty when every unit stands apart.
 */
export function findRunTogether(root: Element): string[] {
  const problems: string[] = [];
  let text = '';
  let last: Element | null = null;
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 1) {
        walk(child);
        continue;
      }
      if (child.nodeType !== 3) continue;
      const value = child.textContent ?? '';
      if (value.trim() !== '') {
        const unit = child.parentElement?.closest(UNIT) ?? child.parentElement;
        if (last && unit !== last && !/\s$/.test(text) && !/^\s/.test(value)) problems.push(`${text.slice(-15)}|${value.trim().slice(0, 15)}`);
        last = unit;
      }
      text += value;
    }
  };
  walk(root);
  // An empty root (a parser that put the HTML elsewhere) would pass without a word read.
  if (text.trim() === '') throw new Error('findRunTogether: no text to read');
  return problems;
}
